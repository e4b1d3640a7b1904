import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CityType } from '../../cities/dto/city.type';
import type { InvitationEntity } from '../invitation.entity';
import { InvitationStatus, invitationStatus } from '../invitation-status';
import { MembershipRole } from './membership.type';

registerEnumType(InvitationStatus, { name: 'InvitationStatus' });

export { InvitationStatus };

/** An open or past invitation as the city's coordinators and organizers see it. */
@ObjectType('Invitation')
export class InvitationType {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field(() => MembershipRole)
  role!: MembershipRole;

  @Field()
  createdAt!: Date;

  @Field()
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt!: Date | null;

  @Field(() => InvitationStatus)
  status!: InvitationStatus;

  /** For the city field; not in the schema. */
  cityId!: string;
}

/** The API shape of an invitation: never its token hash or who sent it. */
export function toInvitation(invitation: InvitationEntity, now = new Date()): InvitationType {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    acceptedAt: invitation.acceptedAt,
    status: invitationStatus(invitation, now),
    cityId: invitation.cityId,
  };
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
