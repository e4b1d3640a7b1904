import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

/** What a person can follow. */
export enum FollowTargetKind {
  /** A topic or action field: new practices on it. */
  TOPIC = 'TOPIC',
  /** A city: its new practices (members follow their own city by default). */
  CITY = 'CITY',
  /** One practice: its new revisions. */
  PRACTICE = 'PRACTICE',
  /** A conference: its final records. */
  CONFERENCE = 'CONFERENCE',
  /** A tandem: its notes and changes (members follow their city's tandems by default). */
  TANDEM = 'TANDEM',
}

registerEnumType(FollowTargetKind, { name: 'FollowTargetKind' });

/** One thing the caller follows (only ever shown to the caller). */
@ObjectType('Follow')
export class FollowType {
  @Field(() => FollowTargetKind)
  kind!: FollowTargetKind;

  @Field(() => ID)
  targetId!: string;

  @Field({ description: 'The name of what is followed (topic, city, practice title …)' })
  name!: string;

  @Field({ description: 'Path in the web app' })
  link!: string;

  @Field({ description: 'Followed because of a membership (own city, its tandems), not chosen' })
  isDefault!: boolean;
}

export interface FollowRow {
  kind: FollowTargetKind;
  target_id: string;
  name: string;
  link: string;
  is_default: boolean;
}

/** The API shape of a follow, field by field. */
export function toFollow(row: FollowRow): FollowType {
  return {
    kind: row.kind,
    targetId: row.target_id,
    name: row.name,
    link: row.link,
    isDefault: row.is_default,
  };
}
