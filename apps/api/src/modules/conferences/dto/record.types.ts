import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { SearchKind } from '../../../search/search-kind';
import { ConferenceRecordType } from './conference-record.type';
import { FollowUpStatus } from './conference.enums';

@InputType()
export class SaveConferenceRecordInput {
  @Field(() => ID)
  conferenceId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Record of one agenda session instead of the whole conference',
  })
  agendaSessionId?: string | null;

  @Field({ nullable: true, description: 'Markdown' })
  minutes?: string;

  @Field({ nullable: true })
  decisions?: string;

  @Field({ nullable: true })
  outcomes?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The revision you started from; needed when the record exists already. A newer one is a STALE_REVISION conflict.',
  })
  expectedRevision?: number | null;

  @Field(() => [ID], {
    nullable: true,
    description:
      'The whole list of linked practices (replaces the previous one; null or left out keeps it). Links to practices you cannot see stay.',
  })
  practiceIds?: string[] | null;
}

@InputType()
export class AddFollowUpActionInput {
  @Field(() => ID)
  recordId!: string;

  @Field()
  what!: string;

  @Field(() => String, { nullable: true })
  responsibleCitySlug?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dueOn?: string | null;
}

@InputType()
export class UpdateFollowUpActionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => FollowUpStatus, { nullable: true })
  status?: FollowUpStatus | null;

  @Field(() => String, { nullable: true })
  what?: string | null;

  @Field(() => String, { nullable: true })
  dueOn?: string | null;
}

@InputType()
export class FollowUpFilter {
  @Field(() => String, { nullable: true })
  citySlug?: string | null;

  @Field(() => FollowUpStatus, { nullable: true })
  status?: FollowUpStatus | null;
}

@ObjectType('RecordHit')
export class RecordHit {
  @Field(() => SearchKind, { description: 'Always RECORD (tells the hits of `search` apart)' })
  kind!: SearchKind.RECORD;

  @Field(() => ConferenceRecordType)
  record!: ConferenceRecordType;

  @Field()
  conferenceTitle!: string;

  @Field({ description: 'Decisions as HTML: escaped text, matches in <mark>' })
  snippetHtml!: string;
}
