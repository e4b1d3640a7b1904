import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  AgendaFormat,
  ConferenceKind,
  ConferenceStatus,
  NetworkRegionValue,
} from './conference.enums';

@InputType()
export class ConferenceInput {
  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => ConferenceKind, { nullable: true })
  kind?: ConferenceKind;

  @Field(() => NetworkRegionValue, { nullable: true })
  region?: NetworkRegionValue | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Default for regional conferences: the region’s states',
  })
  federalStates?: string[];

  @Field({ nullable: true, description: 'Berlin wall-clock time, YYYY-MM-DDTHH:mm' })
  startsAt?: string;

  @Field({ nullable: true, description: 'Berlin wall-clock time, YYYY-MM-DDTHH:mm' })
  endsAt?: string;

  @Field(() => String, { nullable: true })
  venue?: string | null;

  @Field(() => String, { nullable: true })
  onlineUrl?: string | null;

  @Field(() => String, { nullable: true })
  hostCitySlug?: string | null;

  @Field(() => Int, { nullable: true })
  capacity?: number;

  @Field(() => String, { nullable: true, description: 'Berlin wall-clock time' })
  registrationOpensAt?: string | null;

  @Field(() => String, { nullable: true, description: 'Berlin wall-clock time' })
  registrationClosesAt?: string | null;
}

@InputType()
export class UpdateConferenceInput extends ConferenceInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ConferenceStatus, { nullable: true })
  status?: ConferenceStatus;
}

@InputType()
export class ConferenceFilter {
  @Field(() => ConferenceKind, { nullable: true })
  kind?: ConferenceKind | null;

  @Field(() => NetworkRegionValue, { nullable: true })
  region?: NetworkRegionValue | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (Berlin), inclusive' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD (Berlin), inclusive' })
  to?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: not yet ended; false: ended' })
  upcoming?: boolean | null;
}

@InputType()
export class AgendaSessionInput {
  @Field(() => ID, { nullable: true })
  conferenceId?: string;

  @Field({ nullable: true })
  title?: string;

  @Field(() => AgendaFormat, { nullable: true })
  format?: AgendaFormat;

  @Field({ nullable: true, description: 'Berlin wall-clock time' })
  startsAt?: string;

  @Field({ nullable: true, description: 'Berlin wall-clock time' })
  endsAt?: string;

  @Field({ nullable: true })
  room?: string;

  @Field({ nullable: true })
  speakers?: string;

  @Field(() => [String], { nullable: true })
  topicSlugs?: string[];
}

@InputType()
export class UpdateAgendaSessionInput extends AgendaSessionInput {
  @Field(() => ID)
  id!: string;
}

@InputType()
export class ParticipantInput {
  @Field()
  name!: string;

  @Field()
  email!: string;

  @Field({ nullable: true, defaultValue: '' })
  role!: string;

  @Field({ nullable: true, defaultValue: '', description: 'Accessibility, diet, ...' })
  needs!: string;
}

@InputType()
export class RegisterForConferenceInput {
  @Field(() => ID)
  conferenceId!: string;

  @Field()
  citySlug!: string;

  @Field(() => [ParticipantInput])
  participants!: ParticipantInput[];

  @Field(() => Int, {
    nullable: true,
    description:
      'Accepts a split when not all fit: at least this many (the first in the list) get places now, the rest waits. CONFLICT SEATS_TAKEN if fewer are free. Not given: all or the waitlist.',
  })
  minConfirmed?: number | null;
}
