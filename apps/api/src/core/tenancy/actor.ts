export enum MembershipRole {
  COORDINATOR = 'COORDINATOR',
  MEMBER = 'MEMBER',
}

export enum NetworkRole {
  NONE = 'NONE',
  ORGANIZER = 'ORGANIZER',
}

export interface ActorMembership {
  cityId: string;
  role: MembershipRole;
}

/** Who is calling: nobody, or a signed-in user with their cities. */
export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'user';
      userId: string;
      sessionId: string;
      networkRole: NetworkRole;
      memberships: ActorMembership[];
      /** The city the user currently acts for in the web app (one of theirs). */
      actingCityId: string | null;
    };

export type SignedInActor = Extract<Actor, { kind: 'user' }>;

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function isOrganizer(actor: Actor): boolean {
  return actor.kind === 'user' && actor.networkRole === NetworkRole.ORGANIZER;
}

export function memberCityIds(actor: Actor): string[] {
  return actor.kind === 'user' ? actor.memberships.map((membership) => membership.cityId) : [];
}

export function coordinatorCityIds(actor: Actor): string[] {
  return actor.kind === 'user'
    ? actor.memberships
        .filter((membership) => membership.role === MembershipRole.COORDINATOR)
        .map((membership) => membership.cityId)
    : [];
}
