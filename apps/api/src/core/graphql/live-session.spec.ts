import { ANONYMOUS, MembershipRole, NetworkRole, type Actor } from '../tenancy/actor';
import { LiveCloseCode, LiveSession, withCleanup } from './live-session';

const member = (cityIds: string[]): Actor => ({
  kind: 'user',
  userId: 'u1',
  sessionId: 's1',
  networkRole: NetworkRole.NONE,
  memberships: cityIds.map((cityId) => ({ cityId, role: MembershipRole.MEMBER })),
  actingCityId: cityIds[0] ?? null,
});

/** A session whose "database" is a variable the test changes. */
function session(start: Actor) {
  let now: Actor | Error = start;
  const closes: Array<{ code: LiveCloseCode; reason: string }> = [];
  const warnings: string[] = [];
  const live = new LiveSession({
    token: 'token',
    authenticate: async () => {
      if (now instanceof Error) throw now;
      return now;
    },
    close: (code, reason) => closes.push({ code, reason }),
    warn: (message) => warnings.push(message),
  });
  return { live, closes, warnings, set: (next: Actor | Error) => (now = next) };
}

describe('LiveSession', () => {
  it('closes with 4401 once the session is gone, and speaks for nobody from then on', async () => {
    const s = session(member(['a']));
    await s.live.open(3_600_000);
    expect(s.live.actor.kind).toBe('user');
    s.set(ANONYMOUS);
    expect(await s.live.refresh()).toBe(ANONYMOUS);
    expect(s.closes).toEqual([{ code: LiveCloseCode.SESSION_ENDED, reason: 'Session ended' }]);
    s.set(member(['a']));
    expect(await s.live.refresh()).toBe(ANONYMOUS);
    expect(s.live.actor).toBe(ANONYMOUS);
    expect(s.closes).toHaveLength(1);
    s.live.ended();
  });

  it('closes with 4403 when a subscription’s access rule no longer holds', async () => {
    const s = session(member(['a']));
    await s.live.open(3_600_000);
    const release = s.live.require((actor) => actor.memberships.some((m) => m.cityId === 'a'));
    expect((await s.live.refresh()).kind).toBe('user');
    release();
    s.set(member(['b']));
    expect((await s.live.refresh()).kind).toBe('user');
    s.live.require((actor) => actor.memberships.some((m) => m.cityId === 'a'));
    expect(await s.live.refresh()).toBe(ANONYMOUS);
    expect(s.closes).toEqual([{ code: LiveCloseCode.ACCESS_LOST, reason: 'Access lost' }]);
  });

  it('keeps the socket when the session cannot be read (the caller delivers nothing)', async () => {
    const s = session(member(['a']));
    await s.live.open(3_600_000);
    s.set(new Error('database unreachable'));
    await expect(s.live.refresh()).rejects.toThrow('database unreachable');
    expect(s.closes).toEqual([]);
    s.live.ended();
  });

  it('never closes a connection that was anonymous from the start', async () => {
    const s = session(ANONYMOUS);
    await s.live.open(3_600_000);
    expect(await s.live.refresh()).toBe(ANONYMOUS);
    expect(s.closes).toEqual([]);
  });
});

describe('withCleanup', () => {
  it('runs the cleanup once when the consumer stops', async () => {
    let cleaned = 0;
    async function* numbers() {
      yield 1;
      yield 2;
    }
    const iterator = withCleanup(numbers(), () => (cleaned += 1));
    expect(await iterator.next()).toEqual({ done: false, value: 1 });
    await iterator.return?.();
    await iterator.return?.();
    expect(cleaned).toBe(1);
  });
});
