import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
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
registerEnumType(ConferenceKind, { name: 'ConferenceKind' });
registerEnumType(ConferenceStatus, { name: 'ConferenceStatus' });
registerEnumType(NetworkRegionValue, { name: 'NetworkRegion' });
registerEnumType(AgendaFormat, { name: 'AgendaFormat' });
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });

/** A meeting of the network; times are stored as instants, shown in Europe/Berlin. */
@ObjectType('Conference')
@Entity('conference')
export class ConferenceEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  @Field()
  @Column({ type: 'text', default: '' })
  description!: string;

  @Field(() => ConferenceKind)
  @Column({ type: 'text' })
  kind!: ConferenceKind;

  @Field(() => NetworkRegionValue, { nullable: true })
  @Column({ type: 'text', nullable: true })
  region!: NetworkRegionValue | null;

  @Field(() => [String], { description: 'ISO 3166-2:DE codes the conference is for' })
  @Column({ name: 'federal_states', type: 'text', array: true, default: () => "'{}'" })
  federalStates!: string[];

  @Field()
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Field()
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  venue!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'online_url', type: 'text', nullable: true })
  onlineUrl!: string | null;

  @Column({ name: 'host_city_id', type: 'uuid', nullable: true })
  hostCityId!: string | null;

  @Field(() => Int, { description: 'Participants (people), not cities' })
  @Column({ type: 'int' })
  capacity!: number;

  @Field(() => Int)
  @Column({ name: 'confirmed_participants', type: 'int', default: 0 })
  confirmedParticipants!: number;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'registration_opens_at', type: 'timestamptz', nullable: true })
  registrationOpensAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'registration_closes_at', type: 'timestamptz', nullable: true })
  registrationClosesAt!: Date | null;

  @Field(() => ConferenceStatus)
  @Column({ type: 'text', default: ConferenceStatus.PLANNED })
  status!: ConferenceStatus;

  @Column({ name: 'ics_sequence', type: 'int', default: 0 })
  icsSequence!: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

@ObjectType('AgendaSession')
@Entity('agenda_session')
export class AgendaSessionEntity {
  @PrimaryColumn({ name: 'conference_id', type: 'uuid' })
  conferenceId!: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  @Field(() => AgendaFormat)
  @Column({ type: 'text', default: AgendaFormat.TALK })
  format!: AgendaFormat;

  @Field()
  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt!: Date;

  @Field()
  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt!: Date;

  @Field()
  @Column({ type: 'text', default: '' })
  room!: string;

  @Field()
  @Column({ type: 'text', default: '' })
  speakers!: string;

  @Field(() => [String])
  @Column({ name: 'topic_slugs', type: 'text', array: true, default: () => "'{}'" })
  topicSlugs!: string[];
}

@ObjectType('Registration')
@Entity('registration')
export class RegistrationEntity {
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'conference_id', type: 'uuid' })
  conferenceId!: string;

  @Field(() => RegistrationStatus)
  @Column({ type: 'text' })
  status!: RegistrationStatus;

  @Field(() => Int)
  @Column({ name: 'participant_count', type: 'int' })
  participantCount!: number;

  @Column({ name: 'registered_by', type: 'uuid', nullable: true })
  registeredBy!: string | null;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;
}

@ObjectType('Participant')
export class Participant {
  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field()
  role!: string;

  @Field()
  needs!: string;
}
