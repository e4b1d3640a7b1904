import { Permission } from '../../core/auth/access';
import { ANONYMOUS, MembershipRole, NetworkRole, type Actor } from '../../core/tenancy/actor';
import { sidesWith, tandemTarget } from './tandem-access';

const tandem = { cityId: 'city-new', partnerCityId: 'city-partner' };

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

describe('tandemTarget', () => {
  it('names the two sides, and the author only when given', () => {
    expect(tandemTarget({ ...tandem, id: 'x' } as typeof tandem)).toEqual({ tandem });
    expect(tandemTarget(tandem, null)).toEqual({ tandem, authorId: null });
    expect(tandemTarget(tandem, 'u-1')).toEqual({ tandem, authorId: 'u-1' });
  });
});

describe('sidesWith', () => {
  it('finds the sides a coordinator accepts for, the new city first', () => {
    const both = user([
      ['city-partner', MembershipRole.COORDINATOR],
      ['city-new', MembershipRole.COORDINATOR],
    ]);
    expect(sidesWith(both, Permission.TANDEM_ACCEPT, tandem)).toEqual(['city-new', 'city-partner']);
    expect(
      sidesWith(
        user([['city-partner', MembershipRole.COORDINATOR]]),
        Permission.TANDEM_ACCEPT,
        tandem,
      ),
    ).toEqual(['city-partner']);
  });

  it('finds no side for members (accepting), organizers, third cities or anonymous callers', () => {
    for (const actor of [
      user([['city-new', MembershipRole.MEMBER]]),
      user([], NetworkRole.ORGANIZER),
      user([['city-third', MembershipRole.COORDINATOR]]),
      ANONYMOUS,
    ]) {
      expect(sidesWith(actor, Permission.TANDEM_ACCEPT, tandem)).toEqual([]);
    }
  });

  it('finds the side a member writes notes for', () => {
    expect(
      sidesWith(
        user([['city-partner', MembershipRole.MEMBER]]),
        Permission.TANDEM_NOTE_WRITE,
        tandem,
      ),
    ).toEqual(['city-partner']);
    expect(
      sidesWith(user([], NetworkRole.ORGANIZER), Permission.TANDEM_NOTE_WRITE, tandem),
    ).toEqual([]);
  });
});
