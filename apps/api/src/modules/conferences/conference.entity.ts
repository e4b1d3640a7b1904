import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export enum ConferenceKind {
  NETWORK_MEETING = 'NETWORK_MEETING',
  REGIONAL_CONFERENCE = 'REGIONAL_CONFERENCE',
  ONLINE_EXCHANGE = 'ONLINE_EXCHANGE',
  TRAINING = 'TRAINING',
}
export enum ConferenceStatus {
  PLANNED = 'PLANNED',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}
export enum NetworkRegionValue {
  NORTH = 'NORTH',
  EAST = 'EAST',
  SOUTH = 'SOUTH',
  WEST = 'WEST',
}
export enum AgendaFormat {
  TALK = 'TALK',
  WORKSHOP = 'WORKSHOP',
  WORLD_CAFE = 'WORLD_CAFE',
  PANEL = 'PANEL',
  BREAK = 'BREAK',
  OTHER = 'OTHER',
}
export enum RegistrationStatus {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}

/**
 * A meeting of the network; times are stored as instants, shown in Europe/Berlin.
 * Its API shape is dto/conference.type.ts.
 */
@Entity('conference')
export class ConferenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text' })
  kind!: ConferenceKind;

  @Column({ type: 'text', nullable: true })
  region!: NetworkRegionValue | null;

  @Column({ name: 'federal_states', type: 'text', array: true, default: () => "'{}'" })
  federalStates!: string[];

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text', nullable: true })
  venue!: string | null;

  @Column({ name: 'online_url', type: 'text', nullable: true })
  onlineUrl!: string | null;

  @Column({ name: 'host_city_id', type: 'uuid', nullable: true })
  hostCityId!: string | null;

  @Column({ type: 'int' })
  capacity!: number;

  @Column({ name: 'confirmed_participants', type: 'int', default: 0 })
  confirmedParticipants!: number;

  /** Registrations waiting for places; kept by conference_fill_seats. */
  @Column({ name: 'waitlisted_registrations', type: 'int', default: 0 })
  waitlistedRegistrations!: number;

  @Column({ name: 'registration_opens_at', type: 'timestamptz', nullable: true })
  registrationOpensAt!: Date | null;

  @Column({ name: 'registration_closes_at', type: 'timestamptz', nullable: true })
  registrationClosesAt!: Date | null;

  @Column({ type: 'text', default: ConferenceStatus.PLANNED })
  status!: ConferenceStatus;

  @Column({ name: 'ics_sequence', type: 'int', default: 0 })
  icsSequence!: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

@Entity('agenda_session')
export class AgendaSessionEntity {
  @PrimaryColumn({ name: 'conference_id', type: 'uuid' })
  conferenceId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: AgendaFormat.TALK })
  format!: AgendaFormat;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Column({ type: 'text', default: '' })
  room!: string;

  @Column({ type: 'text', default: '' })
  speakers!: string;

  @Column({ name: 'topic_slugs', type: 'text', array: true, default: () => "'{}'" })
  topicSlugs!: string[];
}

@Entity('registration')
export class RegistrationEntity {
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'conference_id', type: 'uuid' })
  conferenceId!: string;

  @Column({ type: 'text' })
  status!: RegistrationStatus;

  @Column({ name: 'participant_count', type: 'int' })
  participantCount!: number;

  /** The waiting rest of a registration split into a confirmed and a waiting part. */
  @Column({ name: 'split_rest', type: 'boolean', default: false })
  splitRest!: boolean;

  /** Place in the waitlist order (lower first); organizers may swap it by hand. */
  @Column({ name: 'queue_rank', type: 'bigint', insert: false, update: false })
  queueRank!: string;

  @Column({ name: 'registered_by', type: 'uuid', nullable: true })
  registeredBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt!: Date;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;
}
