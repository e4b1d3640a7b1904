import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { SearchKind } from '../../search/search-kind';
import { SearchConnection } from './dto/search.types';
import { NetworkSearchService } from './network-search.service';

/** The one search box over practices, records, conferences and cities. */
@Resolver()
export class NetworkSearchResolver {
  constructor(private readonly networkSearch: NetworkSearchService) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => SearchConnection, {
    description:
      'Practices, conference records, conferences and cities you may see, in one ranked list.',
  })
  search(
    @CurrentActor() actor: Actor,
    @Args('query') query: string,
    @Args('kinds', { type: () => [SearchKind], nullable: true }) kinds: SearchKind[] | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<SearchConnection> {
    return this.networkSearch.searchAll(actor, query, kinds, first, after);
  }
}
