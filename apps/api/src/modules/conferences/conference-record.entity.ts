import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum RecordStatus {
  DRAFT = 'DRAFT',
  FINAL = 'FINAL',
}
export enum FollowUpStatus {
  OPEN = 'OPEN',
  DONE = 'DONE',
}

/** What a conference (or one of its sessions) decided; final records are read-only but for organizers. */
@Entity('conference_record')
export class ConferenceRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'conference_id', type: 'uuid' })
  conferenceId!: string;

  @Column({ name: 'agenda_session_id', type: 'uuid', nullable: true })
  agendaSessionId!: string | null;

  @Column({ type: 'text', default: '' })
  minutes!: string;

  @Column({ type: 'text', default: '' })
  decisions!: string;

  @Column({ type: 'text', default: '' })
  outcomes!: string;

  @Column({ name: 'practice_ids', type: 'uuid', array: true, default: () => "'{}'" })
  practiceIds!: string[];

  @Column({ type: 'text', default: RecordStatus.DRAFT })
  status!: RecordStatus;

  @Column({ name: 'finalized_at', type: 'timestamptz', nullable: true })
  finalizedAt!: Date | null;

  /** Readable by anyone, also without an account (only FINAL records; issue 16). */
  @Column({ type: 'boolean', default: false })
  public!: boolean;

  /** When it last became public (the records feed's order). */
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'int', default: 1 })
  revision!: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

@Entity('follow_up_action')
export class FollowUpActionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId!: string;

  @Column({ type: 'text' })
  what!: string;

  @Column({ name: 'responsible_city_id', type: 'uuid', nullable: true })
  responsibleCityId!: string | null;

  @Column({ name: 'due_on', type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ type: 'text', default: FollowUpStatus.OPEN })
  status!: FollowUpStatus;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'done_at', type: 'timestamptz', nullable: true })
  doneAt!: Date | null;
}
