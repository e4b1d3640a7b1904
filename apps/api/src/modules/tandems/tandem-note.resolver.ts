import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { mayAccess, Permission } from '../../core/auth/access';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import { RequestLoaders, type GraphQLContext } from '../../core/graphql/loaders';
import { liveSessionOf, withCleanup } from '../../core/graphql/live-session';
import { ConnectionArgs } from '../../core/graphql/pagination';
import { renderMarkdown } from '../../core/markdown/markdown';
import type { Actor } from '../../core/tenancy/actor';
import { actorOf } from '../../core/tenancy/request-context';
import { CityType, toCity } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import { Person } from '../users/dto/person.type';
import { UsersService } from '../users/users.service';
import { AddTandemNoteInput, UpdateTandemNoteInput } from './dto/tandem-note.input';
import { TandemNoteConnection, TandemNoteType } from './dto/tandem-note.type';
import { tandemTarget } from './tandem-access';
import { TANDEM_NOTE_ADDED, TandemEvents, type TandemNoteAddedEvent } from './tandem-events';
import { TandemException } from './tandem.exception';
import { TandemNoteService } from './tandem-note.service';

@Resolver(() => TandemNoteType)
export class TandemNoteResolver {
  constructor(
    private readonly noteService: TandemNoteService,
    private readonly cityService: CityService,
    private readonly users: UsersService,
    private readonly events: TandemEvents,
  ) {}

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => TandemNoteConnection, {
    description: 'Newest first; only for members of the two cities.',
  })
  tandemNotes(
    @CurrentActor() actor: Actor,
    @Args('tandemId', { type: () => ID }) tandemId: string,
    @Args() page: ConnectionArgs,
  ): Promise<TandemNoteConnection> {
    return this.noteService.notes(actor, tandemId, page);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => TandemNoteType)
  addTandemNote(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddTandemNoteInput,
  ): Promise<TandemNoteType> {
    return this.noteService.addNote(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => TandemNoteType, {
    description: 'Authors edit their notes; each edit keeps a revision.',
  })
  updateTandemNote(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateTandemNoteInput,
  ): Promise<TandemNoteType> {
    return this.noteService.updateNote(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Date, {
    description:
      'You opened the tandem now: its notes so far are no longer new for you (members of the two cities).',
  })
  markTandemSeen(
    @CurrentActor() actor: Actor,
    @Args('tandemId', { type: () => ID }) tandemId: string,
  ): Promise<Date> {
    return this.noteService.markSeen(actor, tandemId);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean)
  deleteTandemNote(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.noteService.deleteNote(actor, id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Subscription(() => TandemNoteType, {
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
      // The actor of the session check just made for this event (filter above).
      const note = await this.noteService.noteForSubscriber(
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
    // The session read afresh, not the actor of the socket's start.
    const tandem = await this.noteService.requireNoteReader(await live.refresh(), tandemId);
    // From now on every session check also asks whether this tandem's notes are still theirs.
    const release = live.require((actor) =>
      mayAccess(actor, Permission.TANDEM_NOTES_READ, tandemTarget(tandem)),
    );
    return withCleanup(
      this.events.pubSub.asyncIterableIterator<TandemNoteAddedEvent>(TANDEM_NOTE_ADDED),
      release,
    );
  }

  @ResolveField(() => String)
  bodyHtml(@Parent() note: TandemNoteType): string {
    return renderMarkdown(note.body, { topHeading: 4 });
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who wrote it, for their city' })
  author(@Parent() note: TandemNoteType, @Context() ctx: GraphQLContext): Promise<Person | null> {
    return this.users.loadPerson(ctx, note.authorId, note.authorCityId);
  }

  @ResolveField(() => CityType, { nullable: true })
  authorCity(
    @Parent() note: TandemNoteType,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType | null> {
    return note.authorCityId
      ? this.cityService.loadExisting(ctx, note.authorCityId, `note ${note.id}`).then(toCity)
      : Promise.resolve(null);
  }

  @ResolveField(() => Boolean)
  viewerIsAuthor(@Parent() note: TandemNoteType, @CurrentActor() actor: Actor): boolean {
    // The rule updateTandemNote and deleteTandemNote check, so the buttons never lie.
    return mayAccess(actor, Permission.TANDEM_NOTE_EDIT, tandemTarget(note, note.authorId));
  }
}
