import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  ObjectType,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import { ConnectionArgs, ConnectionType } from '../../core/graphql/pagination';
import { currentActor } from '../../core/tenancy/request-context';
import { utcToBerlin } from '../../core/time/berlin-time';
import { CityType, toCity, toCityOrNull } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import {
  AgendaSessionInput,
  ConferenceFilter,
  ConferenceInput,
  RegisterForConferenceInput,
  UpdateAgendaSessionInput,
  UpdateConferenceInput,
} from './dto/conference.inputs';
import {
  AgendaSessionEntity,
  ConferenceEntity,
  Participant,
  RegistrationEntity,
} from './conference.entity';
import { ConferenceService } from './conference.service';

@ObjectType('ConferenceConnection')
export class ConferenceConnection extends ConnectionType(ConferenceEntity, 'Conference') {}

@Resolver(() => ConferenceEntity)
export class ConferenceResolver {
  constructor(
    private readonly conferenceService: ConferenceService,
    private readonly cityService: CityService,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => ConferenceConnection, { description: 'By start time.' })
  conferences(
    @Args() page: ConnectionArgs,
    @Args('filter', { type: () => ConferenceFilter, nullable: true })
    filter: ConferenceFilter | null,
  ): Promise<ConferenceConnection> {
    return this.conferenceService.list(filter ?? {}, page);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => ConferenceEntity, { nullable: true })
  conference(@Args('id', { type: () => ID }) id: string): Promise<ConferenceEntity | null> {
    return this.conferenceService.get(id);
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => ConferenceEntity)
  createConference(@Args('input') input: ConferenceInput): Promise<ConferenceEntity> {
    return this.conferenceService.create(currentActor(), input);
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => ConferenceEntity, {
    description: 'Change details or status (PLANNED → OPEN → CLOSED → HELD, or CANCELLED).',
  })
  updateConference(@Args('input') input: UpdateConferenceInput): Promise<ConferenceEntity> {
    return this.conferenceService.update(currentActor(), input);
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => AgendaSessionEntity)
  addAgendaSession(@Args('input') input: AgendaSessionInput): Promise<AgendaSessionEntity> {
    return this.conferenceService.addSession(currentActor(), input);
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => AgendaSessionEntity)
  updateAgendaSession(
    @Args('input') input: UpdateAgendaSessionInput,
  ): Promise<AgendaSessionEntity> {
    return this.conferenceService.updateSession(currentActor(), input);
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => Boolean)
  removeAgendaSession(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.conferenceService.removeSession(currentActor(), id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => RegistrationEntity, {
    description: 'A coordinator registers participants of their city; beyond capacity: waitlist.',
  })
  registerForConference(
    @Args('input') input: RegisterForConferenceInput,
  ): Promise<RegistrationEntity> {
    return this.conferenceService.register(currentActor(), input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => RegistrationEntity, { description: 'Frees the places; the waitlist moves up.' })
  cancelRegistration(@Args('id', { type: () => ID }) id: string): Promise<RegistrationEntity> {
    return this.conferenceService.cancel(currentActor(), id);
  }

  @ResolveField(() => String, { description: 'Start as Berlin wall-clock time (YYYY-MM-DDTHH:mm)' })
  startsAtLocal(@Parent() conference: ConferenceEntity): string {
    return utcToBerlin(conference.startsAt);
  }

  @ResolveField(() => String)
  endsAtLocal(@Parent() conference: ConferenceEntity): string {
    return utcToBerlin(conference.endsAt);
  }

  @ResolveField(() => CityType, { nullable: true })
  hostCity(
    @Parent() conference: ConferenceEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType | null> {
    if (!conference.hostCityId) return Promise.resolve(null);
    return this.cityService.load(ctx, conference.hostCityId).then(toCityOrNull);
  }

  @ResolveField(() => [AgendaSessionEntity])
  agenda(
    @Parent() conference: ConferenceEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<AgendaSessionEntity[]> {
    return ctx.loaders
      .get('agendaOf', (ids: readonly string[]) => this.conferenceService.sessions(ids))
      .load(conference.id);
  }

  @ResolveField(() => [RegistrationEntity], {
    description: 'Organizers see all; a city sees its own.',
  })
  registrations(@Parent() conference: ConferenceEntity): Promise<RegistrationEntity[]> {
    return this.conferenceService.registrationsOf(conference.id);
  }

  @ResolveField(() => Int)
  freePlaces(@Parent() conference: ConferenceEntity): number {
    return Math.max(0, conference.capacity - conference.confirmedParticipants);
  }

  @ResolveField(() => String, { description: 'Calendar file (ICS) of this conference' })
  calendarUrl(@Parent() conference: ConferenceEntity): string {
    return `/calendar/conferences/${conference.id}.ics`;
  }
}

@Resolver(() => RegistrationEntity)
export class RegistrationResolver {
  constructor(
    private readonly conferenceService: ConferenceService,
    private readonly cityService: CityService,
  ) {}

  @ResolveField(() => CityType)
  async city(
    @Parent() registration: RegistrationEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType> {
    return this.cityService
      .loadExisting(ctx, registration.cityId, `registration ${registration.id}`)
      .then(toCity);
  }

  @ResolveField(() => [Participant], {
    description: 'Personal data: the registering city and organizers only',
  })
  participants(@Parent() registration: RegistrationEntity): Promise<Participant[]> {
    return this.conferenceService.participants(registration);
  }

  @ResolveField(() => Int, { nullable: true, description: '1 = next in line' })
  waitlistPosition(@Parent() registration: RegistrationEntity): Promise<number | null> {
    return this.conferenceService.waitlistPosition(registration);
  }
}

@Resolver(() => AgendaSessionEntity)
export class AgendaSessionResolver {
  @ResolveField(() => String)
  startsAtLocal(@Parent() session: AgendaSessionEntity): string {
    return utcToBerlin(session.startsAt);
  }

  @ResolveField(() => String)
  endsAtLocal(@Parent() session: AgendaSessionEntity): string {
    return utcToBerlin(session.endsAt);
  }
}
