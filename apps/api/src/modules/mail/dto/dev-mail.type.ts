import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { DevMailEntity } from '../dev-mail.entity';

/** An e-mail of the development outbox (development only, from this machine only). */
@ObjectType('DevMail')
export class DevMailType {
  @Field(() => ID)
  id!: string;

  @Field()
  recipient!: string;

  @Field()
  subject!: string;

  @Field()
  textBody!: string;

  @Field()
  createdAt!: Date;
}

export function toDevMail(mail: DevMailEntity): DevMailType {
  return {
    id: mail.id,
    recipient: mail.recipient,
    subject: mail.subject,
    textBody: mail.textBody,
    createdAt: mail.createdAt,
  };
}
