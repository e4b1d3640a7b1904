import { liveEndOf, liveEndOfClose, shouldRetryLive } from './live-close';

/** A CloseEvent as graphql-ws hands it on (the browser's has more fields; these are read). */
const closed = (code: number, reason = '') => ({ code, reason, wasClean: true });

describe('live close codes', () => {
  it('reads 4401 as the end of the session and 4403 as lost access', () => {
    expect(liveEndOfClose(closed(4401, 'Session ended'))).toBe('session-ended');
    expect(liveEndOfClose(closed(4403, 'Access lost'))).toBe('access-lost');
  });

  it('reads breaks, restarts and other codes as nothing final', () => {
    for (const code of [1000, 1001, 1006, 1011, 1012, 4499, 4400, 4500]) {
      expect(liveEndOfClose(closed(code))).toBeNull();
    }
    expect(liveEndOfClose(new Error('WebSocket failed'))).toBeNull();
    expect(liveEndOfClose(undefined)).toBeNull();
    expect(liveEndOfClose({ code: '4401' })).toBeNull();
  });

  it('retries after breaks but not after the API ended the socket on purpose', () => {
    expect(shouldRetryLive(closed(1006))).toBe(true);
    expect(shouldRetryLive(closed(1012))).toBe(true);
    // restartLive() terminates the socket with graphql-ws' own 4499: it must come back.
    expect(shouldRetryLive(closed(4499, 'Terminated'))).toBe(true);
    expect(shouldRetryLive(new Error('network down'))).toBe(true);
    expect(shouldRetryLive(closed(4401))).toBe(false);
    expect(shouldRetryLive(closed(4403))).toBe(false);
  });
});

describe('the end of a live subscription', () => {
  it('comes from the close of its socket, as urql wraps it', () => {
    expect(liveEndOf({ networkError: closed(4401), graphQLErrors: [] })).toBe('session-ended');
    expect(liveEndOf({ networkError: closed(4403), graphQLErrors: [] })).toBe('access-lost');
  });

  it('comes from a subscribe the API refused on a socket opened anew', () => {
    expect(
      liveEndOf({
        graphQLErrors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' } }],
      }),
    ).toBe('session-ended');
    expect(
      liveEndOf({ graphQLErrors: [{ extensions: { code: 'FORBIDDEN', reason: 'NOT_ALLOWED' } }] }),
    ).toBe('access-lost');
  });

  it('is not claimed for other failures', () => {
    expect(liveEndOf(undefined)).toBeNull();
    expect(liveEndOf(null)).toBeNull();
    expect(liveEndOf({ networkError: closed(1006), graphQLErrors: [] })).toBeNull();
    // An entry deleted before it reached this subscriber: the subscription goes on.
    expect(
      liveEndOf({
        graphQLErrors: [{ extensions: { code: 'NOT_FOUND', reason: 'NOTE_NOT_FOUND' } }],
      }),
    ).toBeNull();
    expect(liveEndOf({ graphQLErrors: [{}] })).toBeNull();
  });
});
