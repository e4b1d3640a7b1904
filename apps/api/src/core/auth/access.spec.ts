import { ANONYMOUS, MembershipRole, NetworkRole, type Actor } from '../tenancy/actor';
import { mayAccess, Permission, readScope, requireAccess, type AccessTarget } from './access';
import { AuthException } from './auth.exception';

/**
 * The whole policy as one table: role × relation to the object × permission.
 * The isolation matrix (apps/api/test/isolation-matrix.integration-spec.ts)
 * proves end to end that the services ask these questions.
 */
const OWN = 'city-own';
const PARTNER = 'city-partner';
const FOREIGN = 'city-foreign';
const OTHER = 'city-other';

const user = (
  userId: string,
  memberships: Array<[string, MembershipRole]>,
  networkRole = NetworkRole.NONE,
): Actor => ({
  kind: 'user',
  userId,
  sessionId: `session-${userId}`,
  networkRole,
  memberships: memberships.map(([cityId, role]) => ({ cityId, role })),
  actingCityId: memberships[0]?.[0] ?? null,
});

const ROLES = {
  anonymous: ANONYMOUS,
  member: user('u-member', [[OWN, MembershipRole.MEMBER]]),
  coordinator: user('u-coordinator', [[OWN, MembershipRole.COORDINATOR]]),
  organizer: user('u-organizer', [], NetworkRole.ORGANIZER),
} as const;
type Role = keyof typeof ROLES;
const ROLE_NAMES = Object.keys(ROLES) as Role[];

/** Relations of the acting role to the object; each permission reads its own fields. */
const RELATIONS: Record<string, AccessTarget> = {
  // the object belongs to the actor's city / the actor is a side / the actor wrote it
  own: {
    cityId: OWN,
    tandem: { cityId: OWN, partnerCityId: PARTNER },
    responsibleCityId: OWN,
  },
  // the actor's city is the partner side of the tandem (tandem permissions only)
  partnerSide: { tandem: { cityId: PARTNER, partnerCityId: OWN } },
  // nothing to do with the actor
  foreign: {
    cityId: FOREIGN,
    tandem: { cityId: FOREIGN, partnerCityId: OTHER },
    responsibleCityId: FOREIGN,
  },
  // no city given at all (a missing field never grants)
  none: {},
};
type Relation = keyof typeof RELATIONS;

/** Each letter is one role in ROLE_NAMES order: a(nonymous) m(ember) c(oordinator) o(rganizer). */
type Row = Partial<Record<Relation, string>>;
const Y = (roles: string) => roles;

/**
 * Who may, per relation: the letters of the roles that are allowed. An absent
 * relation means nobody (''), so every cell of every permission is decided here.
 */
const POLICY: Record<Permission, Row> = {
  [Permission.ACCOUNT_OWN]: {
    own: Y('mco'),
    partnerSide: Y('mco'),
    foreign: Y('mco'),
    none: Y('mco'),
  },
  // The person themselves too, by userId (tested below): the relations carry none.
  [Permission.ACCOUNT_ERASE]: { own: Y('o'), partnerSide: Y('o'), foreign: Y('o'), none: Y('o') },
  [Permission.CITY_MEMBER_CONTACT_READ]: {
    own: Y('co'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  // Only the person themselves (by userId): see the cases below the table.
  [Permission.PERSONAL_DATA_EXPORT]: {},
  [Permission.CITY_ACT_FOR]: { own: Y('mco'), partnerSide: Y('o'), foreign: Y('o'), none: Y('o') },
  [Permission.CITY_MEMBERS_READ]: {
    own: Y('mco'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  [Permission.CITY_MEMBERS_MANAGE]: {
    own: Y('co'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  // The member themselves too: see the cases below the table.
  [Permission.CITY_MEMBERSHIP_END]: {
    own: Y('co'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  [Permission.CITY_PROFILE_EDIT]: {
    own: Y('co'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  [Permission.CITY_PROFILE_HISTORY_READ]: {
    own: Y('mco'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  [Permission.AUDIT_LOG_READ]: { own: Y('o'), partnerSide: Y('o'), foreign: Y('o'), none: Y('o') },
  [Permission.NETWORK_STATISTICS_READ]: {
    own: Y('o'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  [Permission.ACCESSIBILITY_FEEDBACK_READ]: {
    own: Y('o'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  [Permission.SIGN_LANGUAGE_VIDEO_MANAGE]: {
    own: Y('o'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  // Drafts stay in their city: organizers do not read other cities' drafts.
  [Permission.CITY_WORKSPACE_READ]: { own: Y('mc') },
  [Permission.PRACTICE_DRAFT_READ]: { own: Y('mc') },
  [Permission.PRACTICE_DRAFT]: { own: Y('mc') },
  [Permission.PRACTICE_PUBLISH]: { own: Y('c') },
  [Permission.PRACTICE_ARCHIVE]: {
    own: Y('co'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  [Permission.TANDEM_PROPOSE]: { own: Y('o'), partnerSide: Y('o'), foreign: Y('o'), none: Y('o') },
  [Permission.TANDEM_SUGGESTIONS_READ]: {
    own: Y('co'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  [Permission.TANDEM_ACCEPT]: { own: Y('c'), partnerSide: Y('c') },
  [Permission.TANDEM_DECLINE]: { own: Y('c'), partnerSide: Y('c') },
  [Permission.TANDEM_CONCLUDE]: {
    own: Y('co'),
    partnerSide: Y('co'),
    foreign: Y('o'),
    none: Y('o'),
  },
  // A proposal: the two cities' members and organizers, not other cities or visitors.
  [Permission.TANDEM_PROPOSAL_READ]: {
    own: Y('mco'),
    partnerSide: Y('mco'),
    foreign: Y('o'),
    none: Y('o'),
  },
  // Notes are private to the two cities, organizers included.
  [Permission.TANDEM_NOTES_READ]: { own: Y('mc'), partnerSide: Y('mc') },
  [Permission.TANDEM_NOTE_WRITE]: { own: Y('mc'), partnerSide: Y('mc') },
  // Needs authorship too: see the cases below the table.
  [Permission.TANDEM_NOTE_EDIT]: {},
  [Permission.CONFERENCE_PLAN]: { own: Y('o'), partnerSide: Y('o'), foreign: Y('o'), none: Y('o') },
  [Permission.CONFERENCE_OPEN_CLOSE]: {
    own: Y('o'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  [Permission.CONFERENCE_REGISTER]: {
    own: Y('co'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  [Permission.CONFERENCE_PARTICIPANTS_READ]: {
    own: Y('mco'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  [Permission.CONFERENCE_EXPORT]: {
    own: Y('o'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  [Permission.CONFERENCE_WAITLIST_MANAGE]: {
    own: Y('o'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  [Permission.RECORD_READ]: {
    own: Y('mco'),
    partnerSide: Y('mco'),
    foreign: Y('mco'),
    none: Y('mco'),
  },
  [Permission.RECORD_DRAFT]: { own: Y('o'), partnerSide: Y('o'), foreign: Y('o'), none: Y('o') },
  [Permission.RECORD_FINALIZE]: { own: Y('o'), partnerSide: Y('o'), foreign: Y('o'), none: Y('o') },
  [Permission.RECORD_PUBLISH]: { own: Y('o'), partnerSide: Y('o'), foreign: Y('o'), none: Y('o') },
  [Permission.RECORD_CHANGE_FINAL]: {
    own: Y('o'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  [Permission.FOLLOW_UP_PLAN]: { own: Y('o'), partnerSide: Y('o'), foreign: Y('o'), none: Y('o') },
  [Permission.FOLLOW_UP_STATUS]: {
    own: Y('co'),
    partnerSide: Y('o'),
    foreign: Y('o'),
    none: Y('o'),
  },
  // Never organizers: the city's own work with its residents.
  [Permission.INITIATIVE_MANAGE]: { own: Y('c') },
  // Steering-group members too (by steeringPersonIds): see the cases below the table.
  [Permission.SUGGESTION_QUEUE_WORK]: { own: Y('c') },
  [Permission.MEASURE_MANAGE]: { own: Y('c') },
  // Needs the field's contacts or a non-sensitive field: see the cases below the table.
  [Permission.SUGGESTION_CONTACT_READ]: {},
};

const LETTER: Record<Role, string> = {
  anonymous: 'a',
  member: 'm',
  coordinator: 'c',
  organizer: 'o',
};

/** The table of one permission as the policy decides it, in the letters used above. */
function decided(permission: Permission): Row {
  return Object.fromEntries(
    (Object.keys(RELATIONS) as Relation[]).map((relation) => [
      relation,
      ROLE_NAMES.filter((role) => mayAccess(ROLES[role], permission, RELATIONS[relation]))
        .map((role) => LETTER[role])
        .join(''),
    ]),
  );
}

describe('access policy: role × relation × permission', () => {
  it('decides every permission in the table', () => {
    expect(Object.keys(POLICY).sort()).toEqual((Object.values(Permission) as string[]).sort());
  });

  it.each(Object.values(Permission) as Permission[])('%s', (permission) => {
    const expected = Object.fromEntries(
      (Object.keys(RELATIONS) as Relation[]).map((relation) => [
        relation,
        POLICY[permission][relation] ?? '',
      ]),
    );
    expect(decided(permission)).toEqual(expected);
    // requireAccess says the same, with the typed error for each refusal.
    for (const relation of Object.keys(RELATIONS) as Relation[]) {
      for (const role of ROLE_NAMES) {
        const actor = ROLES[role];
        const target = RELATIONS[relation];
        if (mayAccess(actor, permission, target)) {
          expect(requireAccess(actor, permission, target)).toBe(actor);
          continue;
        }
        let code: string | undefined;
        try {
          requireAccess(actor, permission, target);
        } catch (error) {
          expect(error).toBeInstanceOf(AuthException);
          code = (error as AuthException).code;
        }
        expect(code).toBe(role === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      }
    }
  });
});

describe('access policy: cases that need more than a city', () => {
  const member = ROLES.member;
  const note = (authorId: string, tandem = { cityId: OWN, partnerCityId: PARTNER }) => ({
    authorId,
    tandem,
  });

  it('lets the author edit their own note while their city is a side', () => {
    expect(mayAccess(member, Permission.TANDEM_NOTE_EDIT, note('u-member'))).toBe(true);
    expect(
      mayAccess(
        member,
        Permission.TANDEM_NOTE_EDIT,
        note('u-member', { cityId: PARTNER, partnerCityId: OWN }),
      ),
    ).toBe(true);
  });

  it('refuses a note of someone else, even to a coordinator of the same city', () => {
    expect(mayAccess(member, Permission.TANDEM_NOTE_EDIT, note('u-coordinator'))).toBe(false);
    expect(mayAccess(ROLES.coordinator, Permission.TANDEM_NOTE_EDIT, note('u-member'))).toBe(false);
  });

  it('refuses the author once their city is no longer a side (left the city, other tandem)', () => {
    const formerMember = user('u-member', [[OTHER, MembershipRole.MEMBER]]);
    expect(mayAccess(formerMember, Permission.TANDEM_NOTE_EDIT, note('u-member'))).toBe(false);
  });

  it('refuses organizers and anonymous callers any note', () => {
    expect(mayAccess(ROLES.organizer, Permission.TANDEM_NOTE_EDIT, note('u-organizer'))).toBe(
      false,
    );
    expect(mayAccess(ANONYMOUS, Permission.TANDEM_NOTE_EDIT, note('u-member'))).toBe(false);
  });

  it('lets a member with two cities act for both, and a record reader be any member', () => {
    const twoCities = user('u-two', [
      [OWN, MembershipRole.MEMBER],
      [OTHER, MembershipRole.COORDINATOR],
    ]);
    expect(mayAccess(twoCities, Permission.CITY_ACT_FOR, { cityId: OTHER })).toBe(true);
    expect(mayAccess(twoCities, Permission.PRACTICE_PUBLISH, { cityId: OWN })).toBe(false);
    expect(mayAccess(twoCities, Permission.PRACTICE_PUBLISH, { cityId: OTHER })).toBe(true);
    const noCity = user('u-none', []);
    expect(mayAccess(noCity, Permission.RECORD_READ)).toBe(false);
  });
});

const CONTACT_CITY = '00000000-0000-4000-8000-00000000000a';
const OTHER_CITY = '00000000-0000-4000-8000-00000000000b';
const PERSON = '00000000-0000-4000-8000-000000000001';

function contactUser(
  id: string,
  memberships: Array<{ cityId: string; role: MembershipRole }>,
  networkRole = NetworkRole.NONE,
): Actor {
  return { kind: 'user', userId: id, sessionId: 's', networkRole, memberships, actingCityId: null };
}

const ACTORS: Record<string, Actor> = {
  anonymous: { kind: 'anonymous' },
  'the person': contactUser(PERSON, [{ cityId: CONTACT_CITY, role: MembershipRole.MEMBER }]),
  'another member of the city': contactUser('m', [
    { cityId: CONTACT_CITY, role: MembershipRole.MEMBER },
  ]),
  'a coordinator of the city': contactUser('c', [
    { cityId: CONTACT_CITY, role: MembershipRole.COORDINATOR },
  ]),
  'a coordinator of another city': contactUser('x', [
    { cityId: OTHER_CITY, role: MembershipRole.COORDINATOR },
  ]),
  'an organizer': contactUser('o', [], NetworkRole.ORGANIZER),
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
        cityId: CONTACT_CITY,
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

describe('readScope: what a self-scoping query (search) may show beyond public entries', () => {
  it.each([
    ['anonymous', ANONYMOUS, { cityIds: [], network: false }],
    ['a member', ROLES.member, { cityIds: [OWN], network: true }],
    ['a coordinator', ROLES.coordinator, { cityIds: [OWN], network: true }],
    ['an organizer of no city', ROLES.organizer, { cityIds: [], network: true }],
    [
      'a member of two cities',
      user('u-two', [
        [OWN, MembershipRole.MEMBER],
        [PARTNER, MembershipRole.COORDINATOR],
      ]),
      { cityIds: [OWN, PARTNER], network: true },
    ],
    ['signed in without a city', user('u-none', []), { cityIds: [], network: false }],
  ] as const)('%s', (_who, actor, scope) => {
    expect(readScope(actor)).toEqual(scope);
  });
});

describe('PERSONAL_DATA_EXPORT: only the person gets a copy of their data', () => {
  it.each([
    ['anonymous', false],
    ['the person', true],
    ['another member of the city', false],
    ['a coordinator of the city', false],
    ['a coordinator of another city', false],
    ['an organizer', false],
  ] as const)('%s: %s', (who, allowed) => {
    expect(
      mayAccess(ACTORS[who], Permission.PERSONAL_DATA_EXPORT, {
        cityId: CONTACT_CITY,
        userId: PERSON,
      }),
    ).toBe(allowed);
  });
});

describe('CITY_MEMBERSHIP_END: who may end a membership', () => {
  it.each([
    ['anonymous', false],
    ['the person', true],
    ['another member of the city', false],
    ['a coordinator of the city', true],
    ['a coordinator of another city', false],
    ['an organizer', true],
  ] as const)('%s: %s', (who, allowed) => {
    expect(
      mayAccess(ACTORS[who], Permission.CITY_MEMBERSHIP_END, {
        cityId: CONTACT_CITY,
        userId: PERSON,
      }),
    ).toBe(allowed);
  });

  it('lets the member leave only their own membership', () => {
    const member = ACTORS['another member of the city'];
    expect(mayAccess(member, Permission.CITY_MEMBERSHIP_END, { cityId: CONTACT_CITY })).toBe(false);
    expect(
      mayAccess(member, Permission.CITY_MEMBERSHIP_END, { cityId: CONTACT_CITY, userId: 'm' }),
    ).toBe(true);
  });
});

describe('ACCOUNT_ERASE: who may erase an account', () => {
  it.each([
    ['anonymous', false],
    ['the person', true],
    ['another member of the city', false],
    ['a coordinator of the city', false],
    ['a coordinator of another city', false],
    ['an organizer', true],
  ] as const)('%s: %s', (who, allowed) => {
    expect(
      mayAccess(ACTORS[who], Permission.ACCOUNT_ERASE, { cityId: CONTACT_CITY, userId: PERSON }),
    ).toBe(allowed);
  });
});

describe('local initiatives: queue and contact details of suggestions', () => {
  const steering = user('u-steering', [[OWN, MembershipRole.MEMBER]]);
  const formerSteering = user('u-steering', [[OTHER, MembershipRole.MEMBER]]);
  const queue = { cityId: OWN, steeringPersonIds: ['u-steering'] };

  it('lets steering-group members with an account in the city work the queue', () => {
    expect(mayAccess(steering, Permission.SUGGESTION_QUEUE_WORK, queue)).toBe(true);
    expect(mayAccess(ROLES.member, Permission.SUGGESTION_QUEUE_WORK, queue)).toBe(false);
    expect(mayAccess(formerSteering, Permission.SUGGESTION_QUEUE_WORK, queue)).toBe(false);
    expect(mayAccess(ROLES.organizer, Permission.SUGGESTION_QUEUE_WORK, queue)).toBe(false);
  });

  it('lets the same people (and only them) manage the initiative’s measures', () => {
    expect(mayAccess(steering, Permission.MEASURE_MANAGE, queue)).toBe(true);
    expect(mayAccess(ROLES.member, Permission.MEASURE_MANAGE, queue)).toBe(false);
    expect(mayAccess(formerSteering, Permission.MEASURE_MANAGE, queue)).toBe(false);
    expect(mayAccess(ROLES.organizer, Permission.MEASURE_MANAGE, queue)).toBe(false);
  });

  const contact = user('u-contact', [[OWN, MembershipRole.MEMBER]]);
  const field = (sensitive: boolean) => ({
    cityId: OWN,
    sensitive,
    fieldContactIds: ['u-contact'],
  });

  it.each([
    ['the named field contact', contact, true, true],
    ['a coordinator of the city', ROLES.coordinator, true, false],
    ['another member of the city', ROLES.member, false, false],
    [
      'a coordinator of another city',
      user('x', [[FOREIGN, MembershipRole.COORDINATOR]]),
      false,
      false,
    ],
    ['an organizer', ROLES.organizer, false, false],
    ['anonymous', ANONYMOUS, false, false],
  ] as const)('%s: non-sensitive %s, sensitive %s', (_who, actor, plain, sensitive) => {
    expect(mayAccess(actor, Permission.SUGGESTION_CONTACT_READ, field(false))).toBe(plain);
    expect(mayAccess(actor, Permission.SUGGESTION_CONTACT_READ, field(true))).toBe(sensitive);
  });

  it('treats a field whose sensitivity is not given as sensitive', () => {
    expect(mayAccess(ROLES.coordinator, Permission.SUGGESTION_CONTACT_READ, { cityId: OWN })).toBe(
      false,
    );
  });
});
