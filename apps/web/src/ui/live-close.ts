/**
 * What the end of a live subscription means for the page. The API closes a live socket on
 * purpose with two codes (apps/api/src/core/graphql/live-session.ts): the session ended
 * (logout, logout everywhere, revoked, expired, idle) or the person lost access to what the
 * subscription follows (removed from the city). Both are final: another attempt with the
 * same cookie cannot succeed, and the person must be told instead of being left with a page
 * that silently stopped updating. Everything else (network, server restart) is a break.
 */
export type LiveEnd = 'session-ended' | 'access-lost';

export const LIVE_CLOSE_CODES = {
  SESSION_ENDED: 4401,
  ACCESS_LOST: 4403,
} as const;

/** What graphql-ws hands on: a CloseEvent (or its own Terminated event), an Error, or GraphQL errors. */
interface CloseLike {
  code: number;
}

/**
 * What urql's CombinedError offers (structural, so this stays testable without urql): a
 * close of the socket arrives as `networkError`, a refused subscribe as `graphQLErrors`.
 */
export interface LiveErrorLike {
  networkError?: unknown;
  graphQLErrors?: ReadonlyArray<{ extensions?: Readonly<Record<string, unknown>> }>;
}

function isCloseLike(value: unknown): value is CloseLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof (value as { code: unknown }).code === 'number'
  );
}

/** The meaning of a socket's close code; null for a break worth retrying. */
export function liveEndOfClose(closeEventOrError: unknown): LiveEnd | null {
  if (!isCloseLike(closeEventOrError)) return null;
  switch (closeEventOrError.code) {
    case LIVE_CLOSE_CODES.SESSION_ENDED:
      return 'session-ended';
    case LIVE_CLOSE_CODES.ACCESS_LOST:
      return 'access-lost';
    default:
      return null;
  }
}

/**
 * graphql-ws' `shouldRetry`: keep trying after breaks (with the library's back-off), never
 * after the API ended the socket on purpose. graphql-ws itself gives up after 4401, but it
 * retries a 4403, and the retry's subscribe is then refused with FORBIDDEN.
 */
export function shouldRetryLive(closeEventOrError: unknown): boolean {
  return liveEndOfClose(closeEventOrError) === null;
}

/**
 * The meaning of a failed subscription: a final close of its socket, or a subscribe the API
 * refused because nobody (UNAUTHENTICATED) or not this person (FORBIDDEN) may follow it, as
 * when a socket opens anew after the session or the access went. Null for other failures.
 */
export function liveEndOf(error: LiveErrorLike | null | undefined): LiveEnd | null {
  if (!error) return null;
  const closed = liveEndOfClose(error.networkError);
  if (closed) return closed;
  const codes = (error.graphQLErrors ?? []).map((graphQLError) => graphQLError.extensions?.code);
  if (codes.includes('UNAUTHENTICATED')) return 'session-ended';
  if (codes.includes('FORBIDDEN')) return 'access-lost';
  return null;
}
