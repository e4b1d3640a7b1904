import { mayAccess, type AccessTarget, type Permission } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';

/** The two cities of a tandem: a tandem row, its API type, or one of its notes. */
export interface TandemSides {
  /** The new city. */
  cityId: string;
  /** The experienced partner city. */
  partnerCityId: string;
}

/** What the central policy needs to know of a tandem (and, for a note, of its author). */
export function tandemTarget(sides: TandemSides, authorId?: string | null): AccessTarget {
  const tandem = { cityId: sides.cityId, partnerCityId: sides.partnerCityId };
  return authorId === undefined ? { tandem } : { tandem, authorId };
}

/**
 * The tandem's cities for which the actor has `permission`, the new city first. The
 * policy is asked about each side alone (a target whose two sides are that one city):
 * a coordinator of both cities accepts for both, and a note's author city is the side
 * its author belongs to.
 */
export function sidesWith(actor: Actor, permission: Permission, sides: TandemSides): string[] {
  return [sides.cityId, sides.partnerCityId].filter((cityId) =>
    mayAccess(actor, permission, { tandem: { cityId, partnerCityId: cityId } }),
  );
}
