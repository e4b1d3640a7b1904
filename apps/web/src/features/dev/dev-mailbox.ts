import type { ApiErrorLike } from '../../ui/api-errors';

/** Why the outbox cannot be shown: only from the machine it runs on, or not in this environment. */
export type MailboxRefusal = 'loopbackOnly' | 'off';

export function mailboxRefusal(error: ApiErrorLike | undefined): MailboxRefusal | null {
  const extensions = error?.graphQLErrors.map((graphQLError) => graphQLError.extensions ?? {});
  if (!extensions || extensions.length === 0) return null;
  if (extensions.some((e) => e.code === 'FORBIDDEN' && e.reason === 'LOOPBACK_ONLY'))
    return 'loopbackOnly';
  // In production the query does not exist at all (the schema refuses it as unknown).
  if (extensions.some((e) => e.code === 'FORBIDDEN' || e.code === 'GRAPHQL_VALIDATION_FAILED'))
    return 'off';
  return null;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a link in a mail points into this app. The API builds links from its configured
 * address (http://localhost:<port> in development), which may differ from the loopback
 * name in the browser's address bar (127.0.0.1): on one port, those are the same app.
 */
export function isLinkIntoApp(url: URL, origin: string): boolean {
  if (url.origin === origin) return true;
  let here: URL;
  try {
    here = new URL(origin);
  } catch {
    return false;
  }
  return (
    url.protocol === here.protocol &&
    url.port === here.port &&
    LOOPBACK_HOSTS.has(url.hostname) &&
    LOOPBACK_HOSTS.has(here.hostname)
  );
}
