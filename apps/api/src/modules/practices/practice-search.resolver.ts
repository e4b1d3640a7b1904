import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import { ConnectionArgs } from '../../core/graphql/pagination';
import type { Actor } from '../../core/tenancy/actor';
import { PracticeSearchResult } from './dto/practice-search.types';
import { PracticeSearchFilter } from './dto/practice.inputs';
import { PracticeType, toPractices } from './dto/practice.type';
import { PracticeSearchService } from './practice-search.service';
import { PracticeService } from './practice.service';

/** Full-text search and "similar practices", both on the engine, filtered to what the caller may see. */
@Resolver()
export class PracticeSearchResolver {
  constructor(
    private readonly practices: PracticeService,
    private readonly practiceSearch: PracticeSearchService,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => PracticeSearchResult, {
    description: 'Full-text search over published practices you may see.',
  })
  async searchPractices(
    @CurrentActor() actor: Actor,
    @Args('query', { defaultValue: '' }) query: string,
    @Args('filter', { type: () => PracticeSearchFilter, nullable: true })
    filter: PracticeSearchFilter | null,
    @Args() page: ConnectionArgs,
    @Context() ctx: GraphQLContext,
  ): Promise<PracticeSearchResult> {
    const result = await this.practiceSearch.searchPractices(
      actor,
      query,
      filter,
      page.first,
      page.after,
    );
    // The hits' topics came with them: Practice.topics need not ask again.
    const topics = this.practices.topicLoader(actor, ctx);
    for (const [id, list] of result.topicsByPractice ?? []) topics.prime(id, list);
    return result;
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => [PracticeType], {
    description: 'Published practices on the same topics or with similar words.',
  })
  async similarPractices(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 5 }) first: number,
  ): Promise<PracticeType[]> {
    const practice = await this.practices.require(actor, id);
    return toPractices(await this.practiceSearch.similar(actor, practice, first));
  }
}
