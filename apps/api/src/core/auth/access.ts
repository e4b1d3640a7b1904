import {
  coordinatorCityIds,
  isOrganizer,
  memberCityIds,
  type Actor,
  type SignedInActor,
} from '../tenancy/actor';
import { AuthException } from './auth.exception';

/** What a caller wants to do; decided in one place, below. */
export enum Permission {
  /** See the members of a city. */
  CITY_MEMBERS_READ = 'CITY_MEMBERS_READ',
  /** Invite to a city, change roles, remove members. */
  CITY_MEMBERS_MANAGE = 'CITY_MEMBERS_MANAGE',
  /** Read the audit log of privileged actions. */
  AUDIT_LOG_READ = 'AUDIT_LOG_READ',
  /** Write and edit draft practices of a city. */
  PRACTICE_DRAFT = 'PRACTICE_DRAFT',
  /** Publish, edit published, restore revisions, send back to draft. */
  PRACTICE_PUBLISH = 'PRACTICE_PUBLISH',
  /** Archive a practice (its coordinators, or organizers anywhere). */
  PRACTICE_ARCHIVE = 'PRACTICE_ARCHIVE',
  /**
   * Reach a member of a city by e-mail: the member themselves, the city's coordinators,
   * organizers. Other members of the city see names and roles only.
   */
  CITY_MEMBER_CONTACT_READ = 'CITY_MEMBER_CONTACT_READ',
}

export interface AccessTarget {
  cityId?: string;
  /** The person concerned (e.g. whose e-mail address is asked for). */
  userId?: string;
}

/**
 * The central access check of every service. Throws UNAUTHENTICATED for
 * anonymous callers and FORBIDDEN otherwise; returns the signed-in actor.
 */
export function requireAccess(
  actor: Actor,
  permission: Permission,
  target: AccessTarget = {},
): SignedInActor {
  if (actor.kind !== 'user') throw AuthException.signInRequired();
  if (!mayAccess(actor, permission, target)) throw AuthException.forbidden();
  return actor;
}

export function mayAccess(
  actor: Actor,
  permission: Permission,
  target: AccessTarget = {},
): boolean {
  if (actor.kind !== 'user') return false;
  switch (permission) {
    case Permission.CITY_MEMBERS_READ:
      return (
        isOrganizer(actor) ||
        (target.cityId !== undefined && memberCityIds(actor).includes(target.cityId))
      );
    case Permission.CITY_MEMBERS_MANAGE:
      return (
        isOrganizer(actor) ||
        (target.cityId !== undefined && coordinatorCityIds(actor).includes(target.cityId))
      );
    case Permission.CITY_MEMBER_CONTACT_READ:
      return (
        (target.userId !== undefined && target.userId === actor.userId) ||
        isOrganizer(actor) ||
        (target.cityId !== undefined && coordinatorCityIds(actor).includes(target.cityId))
      );
    case Permission.AUDIT_LOG_READ:
      return isOrganizer(actor);
    case Permission.PRACTICE_DRAFT:
      return target.cityId !== undefined && memberCityIds(actor).includes(target.cityId);
    case Permission.PRACTICE_PUBLISH:
      return target.cityId !== undefined && coordinatorCityIds(actor).includes(target.cityId);
    case Permission.PRACTICE_ARCHIVE:
      return (
        isOrganizer(actor) ||
        (target.cityId !== undefined && coordinatorCityIds(actor).includes(target.cityId))
      );
    default: {
      const unhandled: never = permission;
      throw new Error(`unhandled permission ${String(unhandled)}`);
    }
  }
}

export function requireSignedIn(actor: Actor): SignedInActor {
  if (actor.kind !== 'user') throw AuthException.signInRequired();
  return actor;
}
