import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { NotificationEntity } from '../notification.entity';

/** One of the caller's own notifications (only ever shown to its recipient). */
@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'e.g. TANDEM_NOTE_ADDED, TANDEM_STATUS_CHANGED' })
  kind!: string;

  @Field()
  title!: string;

  @Field()
  body!: string;

  @Field(() => String, { nullable: true, description: 'Path in the web app' })
  link!: string | null;

  @Field({ description: 'What it is about ("Tandem Stendal–Halberstadt"); may be empty' })
  subject!: string;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;
}

/** The API shape of a notification, field by field. */
export function toNotification(notification: NotificationEntity): NotificationType {
  return {
    id: notification.id,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    link: notification.link,
    subject: notification.subject,
    createdAt: notification.createdAt,
    readAt: notification.readAt,
  };
}
