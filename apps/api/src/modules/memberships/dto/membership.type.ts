import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { MembershipRole } from '../../../core/tenancy/actor';
import type { MembershipEntity } from '../membership.entity';

registerEnumType(MembershipRole, { name: 'MembershipRole' });

export { MembershipRole };

/** A person's role in a city, as the API shows it (city, user and e-mail are field resolvers). */
@ObjectType('Membership')
export class MembershipType {
  @Field(() => ID)
  id!: string;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field()
  createdAt!: Date;

  /** For the city field and the contact check; not in the schema. */
  cityId!: string;

  /** For the user and e-mail fields; not in the schema. */
  userId!: string;
}

/** The API shape of a membership, field by field. */
export function toMembership(membership: MembershipEntity): MembershipType {
  return {
    id: membership.id,
    role: membership.role,
    createdAt: membership.createdAt,
    cityId: membership.cityId,
    userId: membership.userId,
  };
}

export const toMemberships = (memberships: readonly MembershipEntity[]): MembershipType[] =>
  memberships.map(toMembership);
