import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../core/graphql/pagination';
import type { ConferenceEntity } from '../conference.entity';
import { ConferenceKind, ConferenceStatus, NetworkRegionValue } from './conference.enums';

/** What the API shows of a conference: everything here is public. */
@ObjectType('Conference')
export class ConferenceType {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field()
  description!: string;

  @Field(() => ConferenceKind)
  kind!: ConferenceKind;

  @Field(() => NetworkRegionValue, { nullable: true })
  region!: NetworkRegionValue | null;

  @Field(() => [String], { description: 'ISO 3166-2:DE codes the conference is for' })
  federalStates!: string[];

  @Field()
  startsAt!: Date;

  @Field()
  endsAt!: Date;

  @Field(() => String, { nullable: true })
  venue!: string | null;

  @Field(() => String, { nullable: true })
  onlineUrl!: string | null;

  /** For the hostCity field (not shown as such). */
  hostCityId!: string | null;

  @Field(() => Int, { description: 'Participants (people), not cities' })
  capacity!: number;

  @Field(() => Int)
  confirmedParticipants!: number;

  @Field(() => Int, { description: 'Registrations waiting for places (a count, no cities)' })
  waitlistedRegistrations!: number;

  @Field(() => Date, { nullable: true })
  registrationOpensAt!: Date | null;

  @Field(() => Date, { nullable: true })
  registrationClosesAt!: Date | null;

  @Field(() => ConferenceStatus)
  status!: ConferenceStatus;

  @Field()
  updatedAt!: Date;
}

@ObjectType('ConferenceConnection')
export class ConferenceConnection extends ConnectionType(ConferenceType, 'Conference') {}

/** The API shape of a conference, field by field (a new column is not shown until added here). */
export function toConference(conference: ConferenceEntity): ConferenceType {
  return {
    id: conference.id,
    title: conference.title,
    description: conference.description,
    kind: conference.kind,
    region: conference.region,
    federalStates: conference.federalStates,
    startsAt: conference.startsAt,
    endsAt: conference.endsAt,
    venue: conference.venue,
    onlineUrl: conference.onlineUrl,
    hostCityId: conference.hostCityId,
    capacity: conference.capacity,
    confirmedParticipants: conference.confirmedParticipants,
    waitlistedRegistrations: conference.waitlistedRegistrations,
    registrationOpensAt: conference.registrationOpensAt,
    registrationClosesAt: conference.registrationClosesAt,
    status: conference.status,
    updatedAt: conference.updatedAt,
  };
}

export function toConferenceOrNull(conference: ConferenceEntity | null): ConferenceType | null {
  return conference ? toConference(conference) : null;
}
