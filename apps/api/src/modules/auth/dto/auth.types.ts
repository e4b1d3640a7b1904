import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
// The enum as registered for GraphQL (only the person themselves sees their network role).
import { NetworkRole } from '../../users/dto/network-role';
import { CityType } from '../../cities/dto/city.type';
import { MembershipEntity } from '../../memberships/membership.entity';

/** The signed-in user as they see themselves: the only type with their settings and network role. */
@ObjectType('Me')
export class Me {
  @Field(() => ID)
  id!: string;

  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field()
  locale!: string;

  @Field(() => NetworkRole)
  networkRole!: NetworkRole;

  @Field({ description: 'Notifications also by e-mail' })
  emailNotifications!: boolean;

  @Field(() => [MembershipEntity])
  memberships!: MembershipEntity[];

  @Field(() => CityType, {
    nullable: true,
    description: 'The city the user acts for in the web app',
  })
  actingCity!: CityType | null;
}

@InputType()
export class LoginInput {
  @Field()
  email!: string;

  @Field()
  password!: string;
}

@InputType()
export class AcceptInvitationInput {
  @Field()
  token!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Needed when no account exists for the invited address',
  })
  displayName?: string | null;

  @Field()
  password!: string;
}

@InputType()
export class RequestPasswordResetInput {
  @Field()
  email!: string;
}

@InputType()
export class ResetPasswordInput {
  @Field()
  token!: string;

  @Field()
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword!: string;

  @Field()
  newPassword!: string;
}

@InputType()
export class UpdateMeInput {
  @Field(() => String, { nullable: true })
  displayName?: string | null;

  @Field(() => String, { nullable: true, description: 'de or en' })
  locale?: string | null;

  @Field(() => Boolean, { nullable: true })
  emailNotifications?: boolean | null;
}
