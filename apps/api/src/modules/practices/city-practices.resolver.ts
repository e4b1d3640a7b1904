import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import type { Actor } from '../../core/tenancy/actor';
import { CityType } from '../cities/dto/city.type';
import { PracticeCountsType, toPracticeCounts } from './dto/practice-counts.type';
import type { PracticeStatus } from './practice.entity';
import { PracticeService } from './practice.service';

/** What a city shows of its practices beyond the list. */
@Resolver(() => CityType)
export class CityPracticesResolver {
  constructor(private readonly practiceService: PracticeService) {}

  @ResolveField(() => PracticeCountsType, {
    nullable: true,
    description: "Practices per status (drafts, in review, …): the city's members; null for others",
  })
  async practiceCounts(
    @Parent() city: CityType,
    @CurrentActor() actor: Actor,
    @Context() ctx: GraphQLContext,
  ): Promise<PracticeCountsType | null> {
    const counts = await ctx.loaders
      .get('practiceCountsOfCity', (ids: readonly string[]) =>
        this.practiceService.countsByStatus(actor, ids),
      )
      .load(city.id);
    return counts ? toPracticeCounts(counts as Record<PracticeStatus, number>) : null;
  }
}
