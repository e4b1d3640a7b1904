import type { MembershipRole } from '../../generated/graphql';

export const ROLES: readonly MembershipRole[] = ['MEMBER', 'COORDINATOR'];

export function isRole(value: string): value is MembershipRole {
  return (ROLES as readonly string[]).includes(value);
}
