import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import { ConnectionArgs, mapConnection } from '../../core/graphql/pagination';
import type { Actor } from '../../core/tenancy/actor';
import { utcToBerlin } from '../../core/time/berlin-time';
import { CityType, toCityOrNull } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import { AgendaService } from './agenda.service';
import { ConferenceService } from './conference.service';
import { AgendaSessionType, toAgendaSession } from './dto/agenda-session.type';
import { ConferenceFilter, ConferenceInput, UpdateConferenceInput } from './dto/conference.inputs';
import {
  ConferenceConnection,
  ConferenceType,
  toConference,
  toConferenceOrNull,
} from './dto/conference.type';
import { RegistrationType, toRegistration } from './dto/registration.type';
import { RegistrationService } from './registration.service';
import { placesOpenToNewcomers } from './waitlist-offer';

@Resolver(() => ConferenceType)
export class ConferenceResolver {
  constructor(
    private readonly conferenceService: ConferenceService,
    private readonly agendaService: AgendaService,
    private readonly registrationService: RegistrationService,
    private readonly cityService: CityService,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => ConferenceConnection, { description: 'By start time.' })
  async conferences(
    @CurrentActor() actor: Actor,
    @Args() page: ConnectionArgs,
    @Args('filter', { type: () => ConferenceFilter, nullable: true })
    filter: ConferenceFilter | null,
  ): Promise<ConferenceConnection> {
    return mapConnection(
      await this.conferenceService.list(actor, filter ?? {}, page),
      toConference,
    );
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => ConferenceType, { nullable: true })
  async conference(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ConferenceType | null> {
    return toConferenceOrNull(await this.conferenceService.get(actor, id));
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => ConferenceType)
  async createConference(
    @CurrentActor() actor: Actor,
    @Args('input') input: ConferenceInput,
  ): Promise<ConferenceType> {
    return toConference(await this.conferenceService.create(actor, input));
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => ConferenceType, {
    description: 'Change details or status (PLANNED → OPEN → CLOSED → HELD, or CANCELLED).',
  })
  async updateConference(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateConferenceInput,
  ): Promise<ConferenceType> {
    return toConference(await this.conferenceService.update(actor, input));
  }

  @ResolveField(() => String, { description: 'Start as Berlin wall-clock time (YYYY-MM-DDTHH:mm)' })
  startsAtLocal(@Parent() conference: ConferenceType): string {
    return utcToBerlin(conference.startsAt);
  }

  @ResolveField(() => String)
  endsAtLocal(@Parent() conference: ConferenceType): string {
    return utcToBerlin(conference.endsAt);
  }

  @ResolveField(() => CityType, { nullable: true })
  async hostCity(
    @Parent() conference: ConferenceType,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType | null> {
    if (!conference.hostCityId) return null;
    return toCityOrNull(await this.cityService.load(ctx, conference.hostCityId));
  }

  @ResolveField(() => [AgendaSessionType])
  async agenda(
    @CurrentActor() actor: Actor,
    @Parent() conference: ConferenceType,
    @Context() ctx: GraphQLContext,
  ): Promise<AgendaSessionType[]> {
    return (await this.agendaService.ofConference(actor, ctx, conference.id)).map(toAgendaSession);
  }

  @ResolveField(() => [RegistrationType], {
    description: 'Organizers see all; a city sees its own.',
  })
  async registrations(
    @CurrentActor() actor: Actor,
    @Parent() conference: ConferenceType,
  ): Promise<RegistrationType[]> {
    return (await this.registrationService.ofConference(actor, conference.id)).map(toRegistration);
  }

  @ResolveField(() => Int, {
    description:
      'Places a new registration would get now: 0 while anyone waits (nobody jumps the line)',
  })
  freePlaces(@Parent() conference: ConferenceType): number {
    return placesOpenToNewcomers(conference);
  }

  @ResolveField(() => String, { description: 'Calendar file (ICS) of this conference' })
  calendarUrl(@Parent() conference: ConferenceType): string {
    return `/calendar/conferences/${conference.id}.ics`;
  }
}
