import { MailCadence } from '../../users/dto/mail-cadence';
import { Field, InputType } from '@nestjs/graphql';

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

  @Field(() => Boolean, {
    nullable: true,
    description: 'false: no e-mail at all; true: per-event for tandem and city, weekly news',
  })
  emailNotifications?: boolean | null;

  @Field(() => MailCadence, { nullable: true })
  mailTandem?: MailCadence | null;

  @Field(() => MailCadence, { nullable: true })
  mailCity?: MailCadence | null;

  @Field(() => MailCadence, { nullable: true })
  mailNetwork?: MailCadence | null;
}
