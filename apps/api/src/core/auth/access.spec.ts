import { MembershipRole, NetworkRole, type Actor } from '../tenancy/actor';
import { Permission, mayAccess } from './access';

const CITY = '00000000-0000-4000-8000-00000000000a';
const OTHER_CITY = '00000000-0000-4000-8000-00000000000b';
const PERSON = '00000000-0000-4000-8000-000000000001';

function user(
  id: string,
  memberships: Array<{ cityId: string; role: MembershipRole }>,
  networkRole = NetworkRole.NONE,
): Actor {
  return { kind: 'user', userId: id, sessionId: 's', networkRole, memberships, actingCityId: null };
}

const ACTORS: Record<string, Actor> = {
  anonymous: { kind: 'anonymous' },
  'the person': user(PERSON, [{ cityId: CITY, role: MembershipRole.MEMBER }]),
  'another member of the city': user('m', [{ cityId: CITY, role: MembershipRole.MEMBER }]),
  'a coordinator of the city': user('c', [{ cityId: CITY, role: MembershipRole.COORDINATOR }]),
  'a coordinator of another city': user('x', [
    { cityId: OTHER_CITY, role: MembershipRole.COORDINATOR },
  ]),
  'an organizer': user('o', [], NetworkRole.ORGANIZER),
};

describe('CITY_MEMBER_CONTACT_READ: who may reach a member of a city by e-mail', () => {
  it.each([
    ['anonymous', false],
    ['the person', true],
    ['another member of the city', false],
    ['a coordinator of the city', true],
    ['a coordinator of another city', false],
    ['an organizer', true],
  ] as const)('%s: %s', (who, allowed) => {
    expect(
      mayAccess(ACTORS[who], Permission.CITY_MEMBER_CONTACT_READ, {
        cityId: CITY,
        userId: PERSON,
      }),
    ).toBe(allowed);
  });

  it('needs the person or the city to grant anything but the organizer’s view', () => {
    const coordinator = ACTORS['a coordinator of the city'];
    expect(mayAccess(coordinator, Permission.CITY_MEMBER_CONTACT_READ, { userId: PERSON })).toBe(
      false,
    );
    expect(mayAccess(ACTORS['the person'], Permission.CITY_MEMBER_CONTACT_READ, {})).toBe(false);
  });
});
