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
  Subscription,
} from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { RequestLoaders, type GraphQLContext } from '../../core/graphql/loaders';
import { liveSessionOf, withCleanup } from '../../core/graphql/live-session';
import { ConnectionType, ConnectionArgs } from '../../core/graphql/pagination';
import { renderMarkdown } from '../../core/markdown/markdown';
import { actorOf, currentActor } from '../../core/tenancy/request-context';
import { CityEntity } from '../cities/city.entity';
import { CityType, toCity } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import { Person } from '../users/dto/person.type';
import { UsersService } from '../users/users.service';
import {
  AddTandemNoteInput,
  ProposeTandemInput,
  TandemFilter,
  TandemSuggestion,
  UpdateTandemNoteInput,
} from './dto/tandem.types';
import { TandemNoteEntity } from './tandem-note.entity';
import { TandemException } from './tandem.exception';
import { TandemEntity } from './tandem.entity';
import { TANDEM_NOTE_ADDED, TandemEvents, type TandemNoteAddedEvent } from './tandem-events';
import { TandemService } from './tandem.service';

@ObjectType('TandemConnection')
export class TandemConnection extends ConnectionType(TandemEntity, 'Tandem') {}

@ObjectType('TandemNoteConnection')
export class TandemNoteConnection extends ConnectionType(TandemNoteEntity, 'TandemNote') {}

@Resolver(() => TandemEntity)
export class TandemResolver {
  constructor(
    private readonly tandemService: TandemService,
    private readonly cityService: CityService,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => TandemEntity, { nullable: true })
  tandem(@Args('id', { type: () => ID }) id: string): Promise<TandemEntity | null> {
    return this.tandemService.get(id);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => TandemConnection, {
    description: 'Tandems of the network (who pairs with whom is no secret).',
  })
  tandems(
    @Args() page: ConnectionArgs,
    @Args('filter', { type: () => TandemFilter, nullable: true }) filter: TandemFilter | null,
  ): Promise<TandemConnection> {
    return this.tandemService.list(filter ?? {}, page);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [TandemSuggestion], {
    description: 'Experienced partners for a new city, best first, with reasons.',
  })
  async tandemSuggestions(
    @Args('citySlug') citySlug: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 5 }) first: number,
  ): Promise<TandemSuggestion[]> {
    const suggestions = await this.tandemService.suggestions(currentActor(), citySlug, first);
    const cities = await this.cityService.byIds(
      suggestions.map((suggestion) => suggestion.city.id),
    );
    return suggestions.map((suggestion, index) => ({
      ...suggestion,
      city: toCity(cities[index] as CityEntity),
    }));
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => TandemEntity, {
    description: 'Organizers propose; both cities’ coordinators then accept.',
  })
  proposeTandem(@Args('input') input: ProposeTandemInput): Promise<TandemEntity> {
    return this.tandemService.propose(currentActor(), input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => TandemEntity, {
    description: 'A coordinator accepts for their city; both accepted → active.',
  })
  acceptTandem(@Args('id', { type: () => ID }) id: string): Promise<TandemEntity> {
    return this.tandemService.accept(currentActor(), id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => TandemEntity)
  declineTandem(
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<TandemEntity> {
    return this.tandemService.decline(currentActor(), id, reason);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => TandemEntity, {
    description: 'Either city’s coordinator or an organizer, with a short summary.',
  })
  concludeTandem(
    @Args('id', { type: () => ID }) id: string,
    @Args('summary') summary: string,
  ): Promise<TandemEntity> {
    return this.tandemService.conclude(currentActor(), id, summary);
  }

  @ResolveField(() => CityType, { description: 'The new city' })
  newCity(@Parent() tandem: TandemEntity, @Context() ctx: GraphQLContext): Promise<CityType> {
    return this.cityService.loadExisting(ctx, tandem.cityId, `tandem ${tandem.id}`).then(toCity);
  }

  @ResolveField(() => CityType, { description: 'The experienced partner city' })
  partnerCity(@Parent() tandem: TandemEntity, @Context() ctx: GraphQLContext): Promise<CityType> {
    return this.cityService
      .loadExisting(ctx, tandem.partnerCityId, `tandem ${tandem.id}`)
      .then(toCity);
  }

  @ResolveField(() => Boolean, {
    description: 'You belong to one of the two cities (and may read the notes)',
  })
  viewerIsMember(@Parent() tandem: TandemEntity): boolean {
    return this.tandemService.isPairMember(currentActor(), tandem);
  }

  @ResolveField(() => Boolean)
  viewerCanAccept(@Parent() tandem: TandemEntity): boolean {
    return this.tandemService.canAccept(currentActor(), tandem);
  }

  @ResolveField(() => Boolean)
  viewerCanConclude(@Parent() tandem: TandemEntity): boolean {
    return this.tandemService.canConclude(currentActor(), tandem);
  }
}

@Resolver(() => TandemNoteEntity)
export class TandemNoteResolver {
  constructor(
    private readonly tandemService: TandemService,
    private readonly cityService: CityService,
    private readonly users: UsersService,
    private readonly events: TandemEvents,
  ) {}

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => TandemNoteConnection, {
    description: 'Newest first; only for members of the two cities.',
  })
  tandemNotes(
    @Args('tandemId', { type: () => ID }) tandemId: string,
    @Args() page: ConnectionArgs,
  ): Promise<TandemNoteConnection> {
    return this.tandemService.notes(currentActor(), tandemId, page);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => TandemNoteEntity)
  addTandemNote(@Args('input') input: AddTandemNoteInput): Promise<TandemNoteEntity> {
    return this.tandemService.addNote(currentActor(), input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => TandemNoteEntity, {
    description: 'Authors edit their notes; each edit keeps a revision.',
  })
  updateTandemNote(@Args('input') input: UpdateTandemNoteInput): Promise<TandemNoteEntity> {
    return this.tandemService.updateNote(currentActor(), input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean)
  deleteTandemNote(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.tandemService.deleteNote(currentActor(), id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Subscription(() => TandemNoteEntity, {
    description: 'New notes of a tandem, live (graphql-ws); only for members of the two cities.',
    // Before each event the subscriber's session is read again: an ended session or lost
    // access closes the socket (LiveSession); an event that cannot be checked is dropped
    // (Nest treats a failing filter as false).
    async filter(
      this: TandemNoteResolver,
      event: TandemNoteAddedEvent,
      variables: { tandemId: string },
      ctx: GraphQLContext,
    ) {
      if (event.tandemId !== variables.tandemId) return false;
      const actor = await liveSessionOf(ctx).refresh();
      return actor.kind === 'user';
    },
    // Each subscriber loads the note under its own, just checked row-level security.
    async resolve(
      this: TandemNoteResolver,
      event: TandemNoteAddedEvent,
      _args: unknown,
      ctx: GraphQLContext,
    ) {
      // Every event is its own request: nothing loaded for an earlier one (or actor) is reused.
      ctx.loaders = new RequestLoaders();
      const note = await this.tandemService.noteForSubscriber(
        actorOf(ctx),
        event.tandemId,
        event.noteId,
      );
      if (!note) throw TandemException.noteNotFound('tandemId');
      return note;
    },
  })
  async tandemNoteAdded(
    @Args('tandemId', { type: () => ID }) tandemId: string,
    @Context() ctx: GraphQLContext,
  ): Promise<AsyncIterableIterator<TandemNoteAddedEvent>> {
    const live = liveSessionOf(ctx);
    const tandem = await this.tandemService.requireNoteReader(await live.refresh(), tandemId);
    // From now on every session check also asks whether this tandem's notes are still theirs.
    const release = live.require((actor) => this.tandemService.isPairMember(actor, tandem));
    return withCleanup(
      this.events.pubSub.asyncIterableIterator<TandemNoteAddedEvent>(TANDEM_NOTE_ADDED),
      release,
    );
  }

  @ResolveField(() => String)
  bodyHtml(@Parent() note: TandemNoteEntity): string {
    return renderMarkdown(note.body, { topHeading: 4 });
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who wrote it, for their city' })
  author(@Parent() note: TandemNoteEntity, @Context() ctx: GraphQLContext): Promise<Person | null> {
    return this.users.loadPerson(ctx, note.authorId, note.authorCityId);
  }

  @ResolveField(() => CityType, { nullable: true })
  authorCity(
    @Parent() note: TandemNoteEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType | null> {
    return note.authorCityId
      ? this.cityService.loadExisting(ctx, note.authorCityId, `note ${note.id}`).then(toCity)
      : Promise.resolve(null);
  }

  @ResolveField(() => Boolean)
  viewerIsAuthor(@Parent() note: TandemNoteEntity, @Context() ctx: GraphQLContext): boolean {
    const actor = actorOf(ctx);
    return actor.kind === 'user' && actor.userId === note.authorId;
  }
}

/** Both city pages show their tandems (proposed, active, concluded). */
@Resolver(() => CityType)
export class CityTandemsResolver {
  constructor(private readonly tandemService: TandemService) {}

  @ResolveField(() => [TandemEntity])
  tandems(@Parent() city: CityType, @Context() ctx: GraphQLContext): Promise<TandemEntity[]> {
    return ctx.loaders
      .get('tandemsOfCity', (ids: readonly string[]) => this.tandemService.ofCities(ids))
      .load(city.id);
  }
}
