import { Field, ID, InputType } from '@nestjs/graphql';
import { MembershipRole } from './membership.type';

@InputType()
export class InviteToCityInput {
  @Field()
  citySlug!: string;

  @Field()
  email!: string;

  @Field(() => MembershipRole)
  role!: MembershipRole;
}

@InputType()
export class UpdateMembershipInput {
  @Field(() => ID)
  membershipId!: string;

  @Field(() => MembershipRole)
  role!: MembershipRole;
}
