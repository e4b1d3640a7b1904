import {
  ACCOUNT_BACKOFF,
  ADDRESS_BACKOFF,
  PAIR_BACKOFF,
  backoffSeconds,
  type BackoffRule,
} from './login-throttle.service';

describe('backoffSeconds', () => {
  it('lets the free attempts through, then waits 1 s, 2 s, 4 s … for a pair, capped', () => {
    expect([0, 1, 2].map((n) => backoffSeconds(n, PAIR_BACKOFF))).toEqual([0, 0, 0]);
    expect([3, 4, 5, 6].map((n) => backoffSeconds(n, PAIR_BACKOFF))).toEqual([1, 2, 4, 8]);
    expect(backoffSeconds(50, PAIR_BACKOFF)).toBe(PAIR_BACKOFF.maxWaitSeconds);
    expect(backoffSeconds(10_000, PAIR_BACKOFF)).toBe(PAIR_BACKOFF.maxWaitSeconds);
  });

  it('gives an account a larger budget and a short cap: it slows, it never locks', () => {
    expect(ACCOUNT_BACKOFF.free).toBeGreaterThan(PAIR_BACKOFF.free);
    expect(backoffSeconds(ACCOUNT_BACKOFF.free - 1, ACCOUNT_BACKOFF)).toBe(0);
    expect(backoffSeconds(ACCOUNT_BACKOFF.free, ACCOUNT_BACKOFF)).toBe(
      ACCOUNT_BACKOFF.firstWaitSeconds,
    );
    expect(backoffSeconds(1_000_000, ACCOUNT_BACKOFF)).toBeLessThanOrEqual(60);
  });

  it('lets an address try more accounts than a pair tries passwords', () => {
    expect(ADDRESS_BACKOFF.free).toBeGreaterThan(PAIR_BACKOFF.free);
    expect(backoffSeconds(ADDRESS_BACKOFF.free - 1, ADDRESS_BACKOFF)).toBe(0);
  });

  it('grows monotonically', () => {
    const rule: BackoffRule = { free: 2, firstWaitSeconds: 3, maxWaitSeconds: 100 };
    const waits = Array.from({ length: 12 }, (_, n) => backoffSeconds(n, rule));
    expect(waits).toEqual([0, 0, 3, 6, 12, 24, 48, 96, 100, 100, 100, 100]);
  });
});
