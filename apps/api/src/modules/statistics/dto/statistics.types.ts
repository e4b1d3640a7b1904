import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConferenceKind } from '../../conferences/dto/conference.enums';
import { TandemStatus } from '../../tandems/dto/tandem-enums';

@ObjectType({ description: 'Member cities of one federal state that joined in one year' })
export class CitiesByStateFigure {
  @Field({ description: 'ISO 3166-2:DE code, e.g. DE-NW' })
  federalState!: string;
  @Field(() => Int, { description: 'Joining year' })
  cohort!: number;
  @Field(() => Int)
  cities!: number;
}

@ObjectType({ description: 'Published practices tagged with one topic' })
export class PracticesByTopicFigure {
  @Field()
  slug!: string;
  @Field()
  name!: string;
  @Field()
  nameEn!: string;
  @Field(() => Int)
  practices!: number;
}

@ObjectType({ description: 'Practices first published in one month (Europe/Berlin)' })
export class PracticesByMonthFigure {
  @Field({ description: 'YYYY-MM' })
  month!: string;
  @Field(() => Int)
  practices!: number;
}

@ObjectType({ description: 'Conferences of one kind (cancelled ones not counted)' })
export class ConferencesByKindFigure {
  @Field(() => ConferenceKind)
  kind!: ConferenceKind;
  @Field(() => Int)
  conferences!: number;
  @Field(() => Int, { description: 'Of them already held' })
  held!: number;
}

@ObjectType({ description: 'What everybody may know about the network, in numbers' })
export class NetworkFigures {
  @Field(() => Int, { nullable: true, description: 'The cohort the figures are narrowed to' })
  cohort!: number | null;
  @Field(() => [Int], { description: 'Every joining year of the member cities (for a filter)' })
  cohorts!: number[];
  @Field(() => [CitiesByStateFigure])
  citiesByState!: CitiesByStateFigure[];
  @Field(() => [PracticesByTopicFigure], {
    description: 'Published practices the caller may read, per topic',
  })
  practicesByTopic!: PracticesByTopicFigure[];
  @Field(() => [PracticesByMonthFigure])
  practicesByMonth!: PracticesByMonthFigure[];
  @Field(() => [ConferencesByKindFigure])
  conferencesByKind!: ConferencesByKindFigure[];
}

@ObjectType({ description: 'Tandems in one status and how long they ran on average' })
export class TandemsByStatusFigure {
  @Field(() => TandemStatus)
  status!: TandemStatus;
  @Field(() => Int)
  tandems!: number;
  @Field(() => Int, {
    nullable: true,
    description: 'Average days from start to conclusion (concluded) or to today (active)',
  })
  averageDays!: number | null;
}

@ObjectType({ description: 'Active and concluded tandems by how long they ran' })
export class TandemDurationFigure {
  @Field(() => Int, {
    description: 'Completed half-years: 0 = under 6 months, 1 = 6–12 … 4 = two years or more',
  })
  halfYears!: number;
  @Field(() => Int)
  tandems!: number;
}

@ObjectType({
  description: 'Conference registrations by the federal state of the registering city',
})
export class RegistrationsByStateFigure {
  @Field()
  federalState!: string;
  @Field(() => Int, { description: 'Registrations not cancelled' })
  registrations!: number;
  @Field(() => Int, { description: 'Participants of confirmed registrations' })
  participants!: number;
  @Field(() => Int, {
    description: 'Participants of confirmed registrations of conferences already held',
  })
  attended!: number;
}

@ObjectType({ description: 'Open follow-up actions a city is responsible for' })
export class FollowUpsByCityFigure {
  @Field()
  citySlug!: string;
  @Field()
  cityName!: string;
  @Field(() => Int)
  open!: number;
  @Field(() => Int, { description: 'Of them past their due date' })
  overdue!: number;
}

@ObjectType({ description: 'A search word that found nothing (no person recorded)' })
export class UnfoundSearchFigure {
  @Field({ description: 'Normalised: trimmed, lower case, single spaces' })
  term!: string;
  @Field(() => Int, { description: 'Searches in the last 90 days' })
  searches!: number;
  @Field({ description: 'Last day it was searched (YYYY-MM-DD)' })
  lastDay!: string;
}

@ObjectType({ description: 'The network office’s figures (organizers only)' })
export class NetworkDashboard {
  @Field(() => Int, { nullable: true })
  cohort!: number | null;
  @Field(() => [TandemsByStatusFigure])
  tandemsByStatus!: TandemsByStatusFigure[];
  @Field(() => [TandemDurationFigure])
  tandemDurations!: TandemDurationFigure[];
  @Field(() => [RegistrationsByStateFigure])
  registrationsByState!: RegistrationsByStateFigure[];
  @Field(() => [FollowUpsByCityFigure], { description: 'The 50 cities with most overdue' })
  followUpsByCity!: FollowUpsByCityFigure[];
  @Field(() => [UnfoundSearchFigure], {
    description: 'The 25 words searched most often in 90 days that found nothing',
  })
  unfoundSearches!: UnfoundSearchFigure[];
}
