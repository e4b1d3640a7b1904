import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum RecordStatus {
  DRAFT = 'DRAFT',
  FINAL = 'FINAL',
}
export enum FollowUpStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}
registerEnumType(RecordStatus, { name: 'RecordStatus' });
registerEnumType(FollowUpStatus, { name: 'FollowUpStatus' });

/** What a conference (or one of its sessions) decided; final records are read-only but for organizers. */
@ObjectType('ConferenceRecord')
@Entity('conference_record')
export class ConferenceRecordEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'conference_id', type: 'uuid' })
  conferenceId!: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'agenda_session_id', type: 'uuid', nullable: true })
  agendaSessionId!: string | null;

  @Field({ description: 'Markdown' })
  @Column({ type: 'text', default: '' })
  minutes!: string;

  @Field()
  @Column({ type: 'text', default: '' })
  decisions!: string;

  @Field()
  @Column({ type: 'text', default: '' })
  outcomes!: string;

  @Column({ name: 'practice_ids', type: 'uuid', array: true, default: () => "'{}'" })
  practiceIds!: string[];

  @Field(() => RecordStatus)
  @Column({ type: 'text', default: RecordStatus.DRAFT })
  status!: RecordStatus;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'finalized_at', type: 'timestamptz', nullable: true })
  finalizedAt!: Date | null;

  @Field(() => Int, { description: 'Rises with every save; send it back as expectedRevision' })
  @Column({ type: 'int', default: 1 })
  revision!: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

@ObjectType('FollowUpAction')
@Entity('follow_up_action')
export class FollowUpActionEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId!: string;

  @Field()
  @Column({ type: 'text' })
  what!: string;

  @Column({ name: 'responsible_city_id', type: 'uuid', nullable: true })
  responsibleCityId!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  @Field(() => FollowUpStatus)
  @Column({ type: 'text', default: FollowUpStatus.OPEN })
  status!: FollowUpStatus;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;
}
