import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { MembershipRole } from '../../../core/tenancy/actor';
import { CityType } from '../../cities/dto/city.type';
import { InvitationStatus } from '../invitation.entity';

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

/** What the holder of an invitation link may see before accepting. */
@ObjectType('InvitationPreview')
export class InvitationPreview {
  @Field()
  email!: string;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field(() => CityType)
  city!: CityType;

  @Field(() => InvitationStatus)
  status!: InvitationStatus;

  @Field()
  expiresAt!: Date;

  @Field({ description: 'true: sign in with the existing password to accept' })
  accountExists!: boolean;
}
