import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { NetworkDashboard, NetworkFigures } from './dto/statistics.types';
import { StatisticsService } from './statistics.service';

@Resolver()
export class StatisticsResolver {
  constructor(private readonly statistics: StatisticsService) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => NetworkFigures, {
    description:
      'The network in numbers: cities, published practices, conferences (everybody; practices as far as the caller may read them)',
  })
  networkFigures(
    @CurrentActor() actor: Actor,
    @Args('cohort', {
      type: () => Int,
      nullable: true,
      description: 'Only cities of this joining year',
    })
    cohort: number | null,
  ): Promise<NetworkFigures> {
    return this.statistics.figures(actor, cohort);
  }

  @Access(AccessLevel.ORGANIZER)
  @Query(() => NetworkDashboard, {
    description:
      'The network office’s figures: tandems, registrations, follow-up actions, unfound searches (organizers only)',
  })
  networkDashboard(
    @CurrentActor() actor: Actor,
    @Args('cohort', {
      type: () => Int,
      nullable: true,
      description: 'Only cities of this joining year',
    })
    cohort: number | null,
  ): Promise<NetworkDashboard> {
    return this.statistics.dashboard(actor, cohort);
  }
}
