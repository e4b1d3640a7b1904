import { Permission } from '../../core/auth/access';
import { ANONYMOUS, MembershipRole, NetworkRole, type Actor } from '../../core/tenancy/actor';
import {
  PRACTICE_TRANSITIONS,
  canTransition,
  mayEditPractice,
  narrowsSearch,
  type PracticeTransition,
} from './practice-lifecycle';
import { PracticeStatus, PracticeVisibility } from './practice.entity';

const { DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED } = PracticeStatus;
const { CITY, NETWORK, PUBLIC } = PracticeVisibility;
const OWN = 'city-own';

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

describe('practice lifecycle', () => {
  /** Every transition from every status: which statuses it starts from, where it ends. */
  const TABLE: Record<
    PracticeTransition,
    { to: PracticeStatus; from: PracticeStatus[]; permission: Permission }
  > = {
    submit: { to: IN_REVIEW, from: [DRAFT], permission: Permission.PRACTICE_DRAFT },
    withdraw: { to: DRAFT, from: [IN_REVIEW], permission: Permission.PRACTICE_DRAFT },
    sendBack: { to: DRAFT, from: [IN_REVIEW], permission: Permission.PRACTICE_PUBLISH },
    publish: { to: PUBLISHED, from: [DRAFT, IN_REVIEW], permission: Permission.PRACTICE_PUBLISH },
    archive: {
      to: ARCHIVED,
      from: [DRAFT, IN_REVIEW, PUBLISHED],
      permission: Permission.PRACTICE_ARCHIVE,
    },
    revertToDraft: {
      to: DRAFT,
      from: [PUBLISHED, ARCHIVED],
      permission: Permission.PRACTICE_PUBLISH,
    },
  };

  it.each(Object.keys(TABLE) as PracticeTransition[])('%s: target, permission', (transition) => {
    expect(PRACTICE_TRANSITIONS[transition].to).toBe(TABLE[transition].to);
    expect(PRACTICE_TRANSITIONS[transition].permission).toBe(TABLE[transition].permission);
  });

  const cells = (Object.keys(TABLE) as PracticeTransition[]).flatMap((transition) =>
    [DRAFT, IN_REVIEW, PUBLISHED, ARCHIVED].map((status) => ({
      transition,
      status,
      allowed: TABLE[transition].from.includes(status),
    })),
  );
  it.each(cells)('$transition from $status: $allowed', ({ transition, status, allowed }) => {
    expect(canTransition(transition, status)).toBe(allowed);
  });

  it('never ends where it starts (publishing twice is a conflict, not a no-op)', () => {
    for (const rule of Object.values(PRACTICE_TRANSITIONS))
      expect(rule.from).not.toContain(rule.to);
  });
});

describe('who may edit a practice', () => {
  const ROLES: Record<string, Actor> = {
    anonymous: ANONYMOUS,
    member: user([[OWN, MembershipRole.MEMBER]]),
    coordinator: user([[OWN, MembershipRole.COORDINATOR]]),
    organizer: user([], NetworkRole.ORGANIZER),
    foreignCoordinator: user([['city-foreign', MembershipRole.COORDINATOR]]),
  };
  /**
   * Drafts (submitted ones too): the city's members; published and archived: its
   * coordinators. Organizers edit nothing.
   */
  const EXPECTED: Record<string, Record<PracticeStatus, boolean>> = {
    anonymous: { DRAFT: false, IN_REVIEW: false, PUBLISHED: false, ARCHIVED: false },
    member: { DRAFT: true, IN_REVIEW: true, PUBLISHED: false, ARCHIVED: false },
    coordinator: { DRAFT: true, IN_REVIEW: true, PUBLISHED: true, ARCHIVED: true },
    organizer: { DRAFT: false, IN_REVIEW: false, PUBLISHED: false, ARCHIVED: false },
    foreignCoordinator: { DRAFT: false, IN_REVIEW: false, PUBLISHED: false, ARCHIVED: false },
  };
  const cells = Object.entries(EXPECTED).flatMap(([role, row]) =>
    (Object.entries(row) as Array<[PracticeStatus, boolean]>).map(([status, allowed]) => ({
      role,
      status,
      allowed,
    })),
  );
  it.each(cells)('$role, $status: $allowed', ({ role, status, allowed }) => {
    expect(mayEditPractice(ROLES[role], { cityId: OWN, status })).toBe(allowed);
  });
});

describe('changes that let fewer callers find a practice', () => {
  const reach = (status: PracticeStatus, visibility: PracticeVisibility) => ({
    status,
    visibility,
  });
  it.each([
    // [before, after, narrows]
    [reach(PUBLISHED, PUBLIC), reach(PUBLISHED, NETWORK), true],
    [reach(PUBLISHED, PUBLIC), reach(PUBLISHED, CITY), true],
    [reach(PUBLISHED, NETWORK), reach(PUBLISHED, CITY), true],
    [reach(PUBLISHED, CITY), reach(ARCHIVED, CITY), true],
    [reach(PUBLISHED, NETWORK), reach(DRAFT, NETWORK), true],
    [reach(PUBLISHED, PUBLIC), reach(ARCHIVED, PUBLIC), true],
    [reach(PUBLISHED, CITY), reach(PUBLISHED, NETWORK), false],
    [reach(PUBLISHED, NETWORK), reach(PUBLISHED, PUBLIC), false],
    [reach(PUBLISHED, NETWORK), reach(PUBLISHED, NETWORK), false],
    // Not in the index before: nothing to take away.
    [reach(DRAFT, PUBLIC), reach(DRAFT, CITY), false],
    [reach(DRAFT, PUBLIC), reach(IN_REVIEW, PUBLIC), false],
    [reach(PUBLISHED, PUBLIC), reach(IN_REVIEW, PUBLIC), true],
    [reach(DRAFT, NETWORK), reach(PUBLISHED, NETWORK), false],
    [reach(ARCHIVED, PUBLIC), reach(DRAFT, CITY), false],
  ])('%o → %o: %s', (before, after, narrows) => {
    expect(narrowsSearch(before, after)).toBe(narrows);
  });
});
