import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Client, Provider, cacheExchange, fetchExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';
import './i18n';
import './ui/styles.css';
import { App } from './App';

/**
 * Live updates (tandem notes) over graphql-ws on the same path. The browser sends the
 * session cookie with the upgrade; lazy: the socket opens with the first subscription
 * and closes a moment after the last one ends.
 */
const wsClient = createWsClient({
  url: `${window.location.protocol === 'https:' ? 'wss:' : 'ws:'}//${window.location.host}/graphql`,
  lazy: true,
  lazyCloseTimeout: 3000,
  retryAttempts: Infinity,
  shouldRetry: () => true,
});

const client = new Client({
  url: '/graphql',
  exchanges: [
    cacheExchange,
    fetchExchange,
    subscriptionExchange({
      forwardSubscription(request) {
        const input = { ...request, query: request.query ?? '' };
        return {
          subscribe(sink) {
            const unsubscribe = wsClient.subscribe(input, sink);
            return { unsubscribe };
          },
        };
      },
    }),
  ],
  // POST with a JSON body: Apollo Server's CSRF protection rejects simple GET requests.
  preferGetMethod: false,
  // The session is an HttpOnly cookie on this origin; say so explicitly, whatever the fetch default.
  fetchOptions: { credentials: 'same-origin' },
});

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');

createRoot(container).render(
  <StrictMode>
    <Provider value={client}>
      <App />
    </Provider>
  </StrictMode>,
);
