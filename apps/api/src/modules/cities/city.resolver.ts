import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { ConnectionArgs } from '../../core/graphql/pagination';
import type { GraphQLContext } from '../../core/graphql/loaders';
import { TopicEntity } from '../topics/topic.entity';
import { TopicService } from '../topics/topic.service';
import { CityEntity } from './city.entity';
import { CityService } from './city.service';
import { CityConnection, FederalStateSummary } from './dto/city-connection';
import { CityFilter } from './dto/city-filter.input';

@Resolver(() => CityEntity)
export class CityResolver {
  constructor(
    private readonly cityService: CityService,
    private readonly topicService: TopicService,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => CityConnection)
  cities(
    @Args() page: ConnectionArgs,
    @Args('filter', { type: () => CityFilter, nullable: true }) filter: CityFilter | null,
  ): Promise<CityConnection> {
    return this.cityService.list(filter, page);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => CityEntity, { nullable: true })
  city(@Args('slug') slug: string): Promise<CityEntity | null> {
    return this.cityService.bySlug(slug);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => [FederalStateSummary], {
    description: 'Federal states that have member cities, with their counts.',
  })
  federalStates(): Promise<FederalStateSummary[]> {
    return this.cityService.federalStates();
  }

  @ResolveField(() => [TopicEntity])
  focusTopics(@Parent() city: CityEntity, @Context() ctx: GraphQLContext): Promise<TopicEntity[]> {
    return ctx.loaders
      .get('cityFocusTopics', (ids: readonly string[]) =>
        this.topicService.focusTopicsOfCities(ids),
      )
      .load(city.id);
  }
}
