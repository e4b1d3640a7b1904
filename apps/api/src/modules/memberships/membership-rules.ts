import { MembershipRole } from '../../core/tenancy/actor';

/**
 * Whether changing a membership from `from` to `to` (null: the membership ends) takes a
 * coordinator away from the city. Such a change needs another coordinator to remain:
 * a city keeps at least one.
 */
export function takesCoordinatorAway(from: MembershipRole, to: MembershipRole | null): boolean {
  return from === MembershipRole.COORDINATOR && to !== MembershipRole.COORDINATOR;
}
