import { createClient } from 'graphql-ws';
import { shouldRetryLive } from './live-close';

/**
 * Live updates (tandem notes) over graphql-ws on the API's own path. The browser sends the
 * session cookie with the upgrade, so the socket speaks for whoever was signed in when it
 * opened. Lazy: it opens with the first subscription and closes a moment after the last.
 */
export const liveClient = createClient({
  url: `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}/graphql`,
  lazy: true,
  lazyCloseTimeout: 3000,
  retryAttempts: Infinity,
  // Network blips and server restarts are normal; keep trying (with the library's back-off).
  // Not after the API ended the socket (session ended, access lost): the page says so instead.
  shouldRetry: shouldRetryLive,
});

/**
 * Calls `listener` when the connection is back after a break, so a page can fetch what it
 * missed meanwhile; not on the first connect, when the page has just loaded everything.
 */
export function onLiveReconnected(listener: () => void): () => void {
  return liveClient.on('connected', (_socket, _payload, wasRetry) => {
    if (wasRetry) listener();
  });
}

/** Someone else signed in or out: drop the socket of the previous session; it reopens as needed. */
export function restartLive(): void {
  liveClient.terminate();
}
