/**
 * What the isolation matrix's rows expect, shared by isolation-matrix.integration-spec.ts and
 * the feature row files it spreads in (isolation-matrix-measures.ts).
 */
export type Role = 'anonymous' | 'member' | 'coordinator' | 'organizer';
/** 'hidden': answered without error, but with no row (null): the caller may not see it. */
export type Outcome =
  'ok' | 'hidden' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';
export type Target = 'own' | 'foreign';

export const same = <O>(outcome: Record<Role, O>) => ({ own: outcome, foreign: outcome });
export const PUBLIC: Record<Role, Outcome> = {
  anonymous: 'ok',
  member: 'ok',
  coordinator: 'ok',
  organizer: 'ok',
};

/** Coordinators of the city only: never organizers, never other cities. */
export const CITY_COORDINATORS_ONLY: Record<Target, Record<Role, Outcome>> = {
  own: {
    anonymous: 'UNAUTHENTICATED',
    member: 'FORBIDDEN',
    coordinator: 'ok',
    organizer: 'FORBIDDEN',
  },
  foreign: {
    anonymous: 'UNAUTHENTICATED',
    member: 'FORBIDDEN',
    coordinator: 'FORBIDDEN',
    organizer: 'FORBIDDEN',
  },
};
/** A suggestion the caller may not read is not found (row-level security hides it). */
export const SUGGESTION_WORKERS: Record<Target, Record<Role, Outcome>> = {
  own: {
    anonymous: 'UNAUTHENTICATED',
    member: 'NOT_FOUND',
    coordinator: 'ok',
    organizer: 'NOT_FOUND',
  },
  foreign: {
    anonymous: 'UNAUTHENTICATED',
    member: 'NOT_FOUND',
    coordinator: 'NOT_FOUND',
    organizer: 'NOT_FOUND',
  },
};
