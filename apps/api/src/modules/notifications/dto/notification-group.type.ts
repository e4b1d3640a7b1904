import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

/**
 * The caller's notifications of one kind about one thing (same link), e.g. the new
 * notes of one tandem: shown as one entry ("3 neue Einträge im Tandem …").
 */
@ObjectType('NotificationGroup')
export class NotificationGroupType {
  @Field(() => ID, { description: 'Stable for the kind and link' })
  key!: string;

  @Field(() => String, { description: 'e.g. TANDEM_NOTE_ADDED' })
  kind!: string;

  @Field(() => String, { nullable: true, description: 'Path in the web app' })
  link!: string | null;

  @Field({ description: 'What the group is about ("Tandem Stendal–Halberstadt"); may be empty' })
  subject!: string;

  @Field(() => Int, { description: 'How many notifications the group holds' })
  count!: number;

  @Field(() => Int, { description: 'How many of them are unread' })
  unreadCount!: number;

  @Field({ description: 'Title of the newest' })
  latestTitle!: string;

  @Field({ description: 'Text of the newest' })
  latestBody!: string;

  @Field()
  latestAt!: Date;

  @Field(() => [ID], { description: 'The unread ones (to mark them read)' })
  unreadIds!: string[];
}

/** One row of the grouping query, as PostgreSQL answers it. */
export interface NotificationGroupRow {
  kind: string;
  link: string | null;
  subject: string;
  count: number;
  unread_count: number;
  latest_title: string;
  latest_body: string;
  latest_at: Date;
  unread_ids: string[] | null;
}

export function toNotificationGroup(row: NotificationGroupRow): NotificationGroupType {
  return {
    key: `${row.kind}:${row.link ?? ''}`,
    kind: row.kind,
    link: row.link,
    subject: row.subject,
    count: row.count,
    unreadCount: row.unread_count,
    latestTitle: row.latest_title,
    latestBody: row.latest_body,
    latestAt: row.latest_at,
    unreadIds: (row.unread_ids ?? []).map(String),
  };
}
