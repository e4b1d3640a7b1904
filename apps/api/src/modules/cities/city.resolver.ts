import { supportPhase, SupportPhase } from '@wissensnetz/domain';
import { Args, Context, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { ConnectionArgs, mapConnection } from '../../core/graphql/pagination';
import type { GraphQLContext } from '../../core/graphql/loaders';
import { TopicType, toTopics } from '../topics/dto/topic.type';
import { TopicService } from '../topics/topic.service';
import { CityService } from './city.service';
import { CityConnection, FederalStateSummary } from './dto/city-connection';
import { CityFilter } from './dto/city-filter.input';
import { CityType, toCity, toCityOrNull } from './dto/city.type';

@Resolver(() => CityType)
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
    return this.cityService.list(filter, page).then((found) => mapConnection(found, toCity));
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => CityType, { nullable: true })
  city(@Args('slug') slug: string): Promise<CityType | null> {
    return this.cityService.bySlug(slug).then(toCityOrNull);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => [FederalStateSummary], {
    description: 'Federal states that have member cities, with their counts.',
  })
  federalStates(): Promise<FederalStateSummary[]> {
    return this.cityService.federalStates();
  }

  @ResolveField(() => Int, { description: 'The cohort: the year the city joined' })
  cohort(@Parent() city: CityType): number {
    return city.joinedYear;
  }

  @ResolveField(() => SupportPhase, {
    description: 'Where the city stands in its three-year support period today (server clock)',
  })
  supportPhase(@Parent() city: CityType): SupportPhase {
    return supportPhase(city.joinedYear, new Date());
  }

  @ResolveField(() => [TopicType])
  focusTopics(@Parent() city: CityType, @Context() ctx: GraphQLContext): Promise<TopicType[]> {
    return ctx.loaders
      .get('cityFocusTopics', (ids: readonly string[]) =>
        this.topicService.focusTopicsOfCities(ids),
      )
      .load(city.id)
      .then(toTopics);
  }
}
