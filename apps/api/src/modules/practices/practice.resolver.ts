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
import { ConnectionType, ConnectionArgs } from '../../core/graphql/pagination';
import { Permission, mayAccess } from '../../core/auth/access';
import { currentActor } from '../../core/tenancy/request-context';
import { CityType, toCity } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import { TopicType, toTopics } from '../topics/dto/topic.type';
import { Person } from '../users/dto/person.type';
import { UsersService } from '../users/users.service';
import {
  CreatePracticeInput,
  PracticeFilter,
  PracticeSearchFilter,
  UpdatePracticeInput,
} from './dto/practice.inputs';
import { PracticeSearchResult } from './dto/practice-search.types';
import { PracticeAttachmentEntity } from './practice-attachment.entity';
import { renderMarkdown } from '../../core/markdown/markdown';
import { PracticeRevisionEntity } from './practice-revision.entity';
import { PracticeSearchService } from './practice-search.service';
import { PracticeEntity, PracticeLink } from './practice.entity';
import { PracticeException } from './practice.exception';
import { PracticeService } from './practice.service';

@ObjectType('PracticeConnection')
export class PracticeConnection extends ConnectionType(PracticeEntity, 'Practice') {}

@Resolver(() => PracticeEntity)
export class PracticeResolver {
  constructor(
    private readonly practiceService: PracticeService,
    private readonly practiceSearch: PracticeSearchService,
    private readonly cityService: CityService,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => PracticeEntity, {
    nullable: true,
    description: 'null when it does not exist or is not visible to you',
  })
  practice(@Args('id', { type: () => ID }) id: string): Promise<PracticeEntity | null> {
    return this.practiceService.get(id);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => PracticeConnection, {
    description: 'Practices you may see (drafts only of your own cities).',
  })
  practices(
    @Args() page: ConnectionArgs,
    @Args('filter', { type: () => PracticeFilter, nullable: true }) filter: PracticeFilter | null,
  ): Promise<PracticeConnection> {
    return this.practiceService.list(filter, page);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => PracticeSearchResult, {
    description: 'Full-text search over published practices you may see.',
  })
  async searchPractices(
    @Args('query', { defaultValue: '' }) query: string,
    @Args('filter', { type: () => PracticeSearchFilter, nullable: true })
    filter: PracticeSearchFilter | null,
    @Args() page: ConnectionArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<PracticeSearchResult> {
    const result = await this.practiceSearch.searchPractices(
      currentActor(),
      query,
      filter,
      page.first,
      page.after,
    );
    const topics = this.topicLoader(ctx);
    for (const [id, list] of result.topicsByPractice ?? []) topics.prime(id, list);
    return result;
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => [PracticeEntity], {
    description: 'Published practices on the same topics or with similar words.',
  })
  async similarPractices(
    @Args('id', { type: () => ID }) id: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 5 }) first: number,
  ): Promise<PracticeEntity[]> {
    const practice = await this.practiceService.get(id);
    if (!practice) throw PracticeException.notFound('id');
    return this.practiceSearch.similar(currentActor(), practice, first);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => [PracticeRevisionEntity], { description: 'Every saved state, newest first.' })
  practiceRevisions(@Args('id', { type: () => ID }) id: string): Promise<PracticeRevisionEntity[]> {
    return this.practiceService.revisions(id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeEntity, { description: 'A new draft (members of the city).' })
  createPractice(@Args('input') input: CreatePracticeInput): Promise<PracticeEntity> {
    return this.practiceService.create(currentActor(), input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeEntity, {
    description: 'Save changes; keeps a revision. Published entries: coordinators.',
  })
  updatePractice(@Args('input') input: UpdatePracticeInput): Promise<PracticeEntity> {
    return this.practiceService.update(currentActor(), input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeEntity, { description: 'Draft → published (coordinators of the city).' })
  publishPractice(@Args('id', { type: () => ID }) id: string): Promise<PracticeEntity> {
    return this.practiceService.publish(currentActor(), id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeEntity, {
    description: 'Archive (coordinators of the city, organizers anywhere).',
  })
  archivePractice(@Args('id', { type: () => ID }) id: string): Promise<PracticeEntity> {
    return this.practiceService.archive(currentActor(), id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeEntity, {
    description: 'Published or archived → draft again (coordinators).',
  })
  revertPracticeToDraft(@Args('id', { type: () => ID }) id: string): Promise<PracticeEntity> {
    return this.practiceService.revertToDraft(currentActor(), id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeEntity, {
    description: 'Make an old revision the current one (coordinators); keeps history.',
  })
  restorePracticeRevision(
    @Args('id', { type: () => ID }) id: string,
    @Args('number', { type: () => Int }) number: number,
  ): Promise<PracticeEntity> {
    return this.practiceService.restoreRevision(currentActor(), id, number);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean)
  removePracticeAttachment(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.practiceService.removeAttachment(currentActor(), id);
  }

  @ResolveField(() => String, { description: 'The body rendered to safe HTML' })
  bodyHtml(@Parent() practice: PracticeEntity): string {
    return renderMarkdown(practice.body, { topHeading: 3 });
  }

  @ResolveField(() => CityType)
  async city(
    @Parent() practice: PracticeEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType> {
    return this.cityService
      .loadExisting(ctx, practice.cityId, `practice ${practice.id}`)
      .then(toCity);
  }

  @ResolveField(() => [TopicType])
  topics(@Parent() practice: PracticeEntity, @Context() ctx: GraphQLContext): Promise<TopicType[]> {
    return this.topicLoader(ctx).load(practice.id).then(toTopics);
  }

  /** One loader for Practice.topics per request; searchPractices primes it with its hits. */
  private topicLoader(ctx: GraphQLContext) {
    return ctx.loaders.get('practiceTopics', (ids: readonly string[]) =>
      this.practiceService.topicsOfPractices(ids),
    );
  }

  @ResolveField(() => [PracticeAttachmentEntity])
  attachments(
    @Parent() practice: PracticeEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<PracticeAttachmentEntity[]> {
    return ctx.loaders
      .get('practiceAttachments', (ids: readonly string[]) =>
        this.practiceService.attachmentsOfPractices(ids),
      )
      .load(practice.id);
  }

  @ResolveField(() => [PracticeLink])
  links(@Parent() practice: PracticeEntity): PracticeLink[] {
    return practice.links ?? [];
  }

  @ResolveField(() => Boolean, { description: 'Whether you may edit it now' })
  viewerCanEdit(@Parent() practice: PracticeEntity): boolean {
    return this.practiceService.canEdit(currentActor(), practice);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether you may publish, send back to draft or restore',
  })
  viewerCanPublish(@Parent() practice: PracticeEntity): boolean {
    return mayAccess(currentActor(), Permission.PRACTICE_PUBLISH, { cityId: practice.cityId });
  }

  @ResolveField(() => Boolean, { description: 'Whether you may archive it' })
  viewerCanArchive(@Parent() practice: PracticeEntity): boolean {
    return mayAccess(currentActor(), Permission.PRACTICE_ARCHIVE, { cityId: practice.cityId });
  }
}

@Resolver(() => PracticeRevisionEntity)
export class PracticeRevisionResolver {
  constructor(private readonly users: UsersService) {}

  @ResolveField(() => Person, { nullable: true, description: 'Who saved it, for the city' })
  author(
    @Parent() revision: PracticeRevisionEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<Person | null> {
    return this.users.loadPerson(ctx, revision.authorId, revision.cityId);
  }

  @ResolveField(() => String)
  title(@Parent() revision: PracticeRevisionEntity): string {
    return revision.snapshot.title;
  }

  @ResolveField(() => String)
  summary(@Parent() revision: PracticeRevisionEntity): string {
    return revision.snapshot.summary;
  }

  @ResolveField(() => String, { description: 'Markdown' })
  body(@Parent() revision: PracticeRevisionEntity): string {
    return revision.snapshot.body;
  }

  @ResolveField(() => [String])
  topicSlugs(@Parent() revision: PracticeRevisionEntity): string[] {
    return revision.snapshot.topicSlugs;
  }

  @ResolveField(() => [String])
  tags(@Parent() revision: PracticeRevisionEntity): string[] {
    return revision.snapshot.tags;
  }

  @ResolveField(() => String, {
    description: 'Every field of the revision as JSON, for a complete comparison',
  })
  snapshotJson(@Parent() revision: PracticeRevisionEntity): string {
    return JSON.stringify(revision.snapshot);
  }
}

@Resolver(() => PracticeAttachmentEntity)
export class PracticeAttachmentResolver {
  @ResolveField(() => String, {
    description: 'Download address (same session and visibility rules)',
  })
  url(@Parent() attachment: PracticeAttachmentEntity): string {
    return `/files/attachments/${attachment.id}`;
  }
}
