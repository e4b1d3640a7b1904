import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AgendaSessionEntity } from '../conference.entity';
import { AgendaFormat } from './conference.enums';

/** One session of a conference's agenda (public). */
@ObjectType('AgendaSession')
export class AgendaSessionType {
  /** The conference it belongs to (not shown as such). */
  conferenceId!: string;

  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => AgendaFormat)
  format!: AgendaFormat;

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field()
  room!: string;

  @Field()
  speakers!: string;

  @Field(() => [String])
  topicSlugs!: string[];
}

export function toAgendaSession(session: AgendaSessionEntity): AgendaSessionType {
  return {
    conferenceId: session.conferenceId,
    id: session.id,
    title: session.title,
    format: session.format,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    room: session.room,
    speakers: session.speakers,
    topicSlugs: session.topicSlugs,
  };
}
