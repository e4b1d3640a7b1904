import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ConferenceRecordEntity, FollowUpActionEntity } from '../conference-record.entity';
import { FollowUpStatus, RecordStatus } from './conference.enums';

/** What a conference (or one of its sessions) decided: for members of the network. */
@ObjectType('ConferenceRecord')
export class ConferenceRecordType {
  @Field(() => ID)
  id!: string;

  /** For the conference and linkedPractices fields (not shown as such). */
  conferenceId!: string;
  practiceIds!: string[];

  @Field(() => ID, { nullable: true })
  agendaSessionId!: string | null;

  @Field({ description: 'Markdown' })
  minutes!: string;

  @Field()
  decisions!: string;

  @Field()
  outcomes!: string;

  @Field(() => RecordStatus)
  status!: RecordStatus;

  @Field(() => Date, { nullable: true })
  finalizedAt!: Date | null;

  @Field({ description: 'Readable by anyone, also without an account (FINAL records only)' })
  public!: boolean;

  @Field(() => Date, { nullable: true, description: 'When it last became public' })
  publishedAt!: Date | null;

  @Field(() => Int, { description: 'Rises with every save; send it back as expectedRevision' })
  revision!: number;

  @Field()
  updatedAt!: Date;
}

@ObjectType('FollowUpAction')
export class FollowUpActionType {
  @Field(() => ID)
  id!: string;

  /** The record it came from and the city responsible for it (not shown as such). */
  recordId!: string;
  responsibleCityId!: string | null;

  @Field()
  what!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dueOn!: string | null;

  @Field(() => FollowUpStatus)
  status!: FollowUpStatus;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  doneAt!: Date | null;
}

export function toConferenceRecord(record: ConferenceRecordEntity): ConferenceRecordType {
  return {
    id: record.id,
    conferenceId: record.conferenceId,
    practiceIds: record.practiceIds,
    agendaSessionId: record.agendaSessionId,
    minutes: record.minutes,
    decisions: record.decisions,
    outcomes: record.outcomes,
    status: record.status,
    finalizedAt: record.finalizedAt,
    public: record.public,
    publishedAt: record.publishedAt,
    revision: record.revision,
    updatedAt: record.updatedAt,
  };
}

export function toFollowUpAction(action: FollowUpActionEntity): FollowUpActionType {
  return {
    id: action.id,
    recordId: action.recordId,
    responsibleCityId: action.responsibleCityId,
    what: action.what,
    dueOn: action.dueOn,
    status: action.status,
    createdAt: action.createdAt,
    doneAt: action.doneAt,
  };
}
