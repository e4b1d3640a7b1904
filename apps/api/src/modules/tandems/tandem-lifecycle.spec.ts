import { MembershipRole, NetworkRole, ANONYMOUS, type Actor } from '../../core/tenancy/actor';
import {
  accepted,
  acceptsNotes,
  canMove,
  cleanDeclineReason,
  cleanGoals,
  cleanSummary,
  pendingSides,
  requireTransition,
  TRANSITIONS,
  viewerCanAccept,
  viewerCanConclude,
  type AcceptanceState,
} from './tandem-lifecycle';
import { TandemStatus } from './tandem.entity';

const NEW = 'city-new';
const PARTNER = 'city-partner';
const THIRD = 'city-third';

const user = (
  memberships: Array<[string, MembershipRole]>,
  networkRole = NetworkRole.NONE,
): Actor => ({
  kind: 'user',
  userId: 'u-1',
  sessionId: 's-1',
  networkRole,
  memberships: memberships.map(([cityId, role]) => ({ cityId, role })),
  actingCityId: memberships[0]?.[0] ?? null,
});

const proposed = (accepts: { new?: boolean; partner?: boolean } = {}): AcceptanceState => ({
  cityId: NEW,
  partnerCityId: PARTNER,
  status: TandemStatus.PROPOSED,
  newCityAcceptedAt: accepts.new ? new Date('2026-11-01T10:00:00Z') : null,
  partnerCityAcceptedAt: accepts.partner ? new Date('2026-11-02T10:00:00Z') : null,
});

const reasonOf = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (error) {
    return (error as { reason?: string; field?: string; code?: string }).reason;
  }
  return undefined;
};

describe('tandem transitions', () => {
  const all = Object.values(TandemStatus);
  // The whole table: every pair of states, allowed or not.
  const allowed = new Set(['PROPOSED→ACTIVE', 'PROPOSED→DECLINED', 'ACTIVE→CONCLUDED']);
  it.each(all.flatMap((from) => all.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    const expected = allowed.has(`${from}→${to}`);
    expect(canMove(from, to)).toBe(expected);
    expect(reasonOf(() => requireTransition(from, to))).toBe(
      expected ? undefined : 'INVALID_TRANSITION',
    );
  });

  it('has a row for every status, and concluded and declined are final', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...all].sort());
    expect(TRANSITIONS[TandemStatus.CONCLUDED]).toEqual([]);
    expect(TRANSITIONS[TandemStatus.DECLINED]).toEqual([]);
  });

  it('takes notes only while active', () => {
    expect(all.filter(acceptsNotes)).toEqual([TandemStatus.ACTIVE]);
  });
});

describe('accepting', () => {
  const now = new Date('2026-12-01T12:00:00Z');

  it('stays proposed after the first side, becomes active with the second', () => {
    const first = accepted(proposed(), [NEW], now);
    expect(first).toEqual({
      status: TandemStatus.PROPOSED,
      newCityAcceptedAt: now,
      partnerCityAcceptedAt: null,
    });
    const second = accepted({ ...proposed(), ...first }, [PARTNER], now);
    expect(second.status).toBe(TandemStatus.ACTIVE);
    expect(second.newCityAcceptedAt).toBe(now);
    expect(second.partnerCityAcceptedAt).toBe(now);
  });

  it('lets a coordinator of both cities accept for both at once', () => {
    expect(accepted(proposed(), [NEW, PARTNER], now).status).toBe(TandemStatus.ACTIVE);
  });

  it('keeps the earlier acceptance time of the other side', () => {
    const earlier = proposed({ new: true });
    expect(accepted(earlier, [PARTNER], now).newCityAcceptedAt).toBe(earlier.newCityAcceptedAt);
  });

  it('refuses a second acceptance by the same side (ALREADY_ACCEPTED)', () => {
    expect(reasonOf(() => accepted(proposed({ new: true }), [NEW], now))).toBe('ALREADY_ACCEPTED');
    expect(reasonOf(() => accepted(proposed(), [], now))).toBe('ALREADY_ACCEPTED');
  });

  it('refuses tandems that are not proposed (INVALID_TRANSITION)', () => {
    for (const status of [TandemStatus.ACTIVE, TandemStatus.CONCLUDED, TandemStatus.DECLINED]) {
      expect(reasonOf(() => accepted({ ...proposed(), status }, [NEW], now))).toBe(
        'INVALID_TRANSITION',
      );
    }
  });

  it('names the sides still to accept', () => {
    expect(pendingSides(proposed({ new: true }), [NEW, PARTNER])).toEqual([PARTNER]);
    expect(pendingSides(proposed(), [THIRD])).toEqual([]);
  });
});

describe('viewer fields', () => {
  const coordinatorOf = (cityId: string) => user([[cityId, MembershipRole.COORDINATOR]]);
  const memberOf = (cityId: string) => user([[cityId, MembershipRole.MEMBER]]);
  const organizer = user([], NetworkRole.ORGANIZER);

  it('viewerCanAccept: a coordinator of a side that has not accepted yet', () => {
    expect(viewerCanAccept(coordinatorOf(NEW), proposed())).toBe(true);
    expect(viewerCanAccept(coordinatorOf(PARTNER), proposed({ new: true }))).toBe(true);
    expect(viewerCanAccept(coordinatorOf(NEW), proposed({ new: true }))).toBe(false);
    const both = user([
      [NEW, MembershipRole.COORDINATOR],
      [PARTNER, MembershipRole.COORDINATOR],
    ]);
    expect(viewerCanAccept(both, proposed({ new: true }))).toBe(true);
    for (const actor of [memberOf(NEW), coordinatorOf(THIRD), organizer, ANONYMOUS]) {
      expect(viewerCanAccept(actor, proposed())).toBe(false);
    }
    expect(
      viewerCanAccept(coordinatorOf(NEW), { ...proposed(), status: TandemStatus.ACTIVE }),
    ).toBe(false);
  });

  it('viewerCanConclude: coordinators of either side and organizers, while active', () => {
    const active = { cityId: NEW, partnerCityId: PARTNER, status: TandemStatus.ACTIVE };
    for (const actor of [coordinatorOf(NEW), coordinatorOf(PARTNER), organizer]) {
      expect(viewerCanConclude(actor, active)).toBe(true);
      expect(viewerCanConclude(actor, { ...active, status: TandemStatus.PROPOSED })).toBe(false);
      expect(viewerCanConclude(actor, { ...active, status: TandemStatus.CONCLUDED })).toBe(false);
    }
    for (const actor of [memberOf(NEW), coordinatorOf(THIRD), ANONYMOUS]) {
      expect(viewerCanConclude(actor, active)).toBe(false);
    }
  });
});

describe('lifecycle input', () => {
  const fieldOf = (fn: () => unknown): unknown => {
    try {
      fn();
    } catch (error) {
      return (error as { field?: string }).field;
    }
    return undefined;
  };

  it('trims goals and allows none; refuses more than 5000 characters', () => {
    expect(cleanGoals('  Jugendbeteiligung  ')).toBe('Jugendbeteiligung');
    expect(cleanGoals(null)).toBe('');
    expect(cleanGoals('x'.repeat(5000))).toHaveLength(5000);
    expect(fieldOf(() => cleanGoals('x'.repeat(5001)))).toBe('input.goals');
  });

  it('keeps no empty decline reason; refuses more than 2000 characters', () => {
    expect(cleanDeclineReason('   ')).toBeNull();
    expect(cleanDeclineReason(undefined)).toBeNull();
    expect(cleanDeclineReason(' Keine Kapazität ')).toBe('Keine Kapazität');
    expect(fieldOf(() => cleanDeclineReason('x'.repeat(2001)))).toBe('reason');
  });

  it('needs a summary of 1 to 5000 characters', () => {
    expect(cleanSummary(' Gemeinsamer Aktionstag ')).toBe('Gemeinsamer Aktionstag');
    for (const summary of ['', '   ', null, 'x'.repeat(5001)]) {
      expect(fieldOf(() => cleanSummary(summary))).toBe('summary');
    }
  });
});
