import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { mayAccess, Permission } from '../../core/auth/access';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import { ConnectionArgs } from '../../core/graphql/pagination';
import type { Actor } from '../../core/tenancy/actor';
import { CityType, toCity } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import { ProposeTandemInput, TandemFilter } from './dto/tandem.input';
import { TandemSuggestion } from './dto/tandem-suggestion.type';
import { TandemConnection, TandemType } from './dto/tandem.type';
import { tandemTarget } from './tandem-access';
import { viewerCanAccept, viewerCanConclude } from './tandem-lifecycle';
import { TandemSuggestionService } from './tandem-suggestion.service';
import { TandemService } from './tandem.service';

@Resolver(() => TandemType)
export class TandemResolver {
  constructor(
    private readonly tandemService: TandemService,
    private readonly suggestionService: TandemSuggestionService,
    private readonly cityService: CityService,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => TandemType, { nullable: true })
  tandem(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<TandemType | null> {
    return this.tandemService.get(actor, id);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => TandemConnection, {
    description: 'Tandems of the network (who pairs with whom is no secret).',
  })
  tandems(
    @CurrentActor() actor: Actor,
    @Args() page: ConnectionArgs,
    @Args('filter', { type: () => TandemFilter, nullable: true }) filter: TandemFilter | null,
  ): Promise<TandemConnection> {
    return this.tandemService.list(actor, filter ?? {}, page);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [TandemSuggestion], {
    description: 'Experienced partners for a new city, best first, with reasons.',
  })
  tandemSuggestions(
    @CurrentActor() actor: Actor,
    @Args('citySlug') citySlug: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 5 }) first: number,
  ): Promise<TandemSuggestion[]> {
    return this.suggestionService.suggestions(actor, citySlug, first);
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => TandemType, {
    description: 'Organizers propose; both cities’ coordinators then accept.',
  })
  proposeTandem(
    @CurrentActor() actor: Actor,
    @Args('input') input: ProposeTandemInput,
  ): Promise<TandemType> {
    return this.tandemService.propose(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => TandemType, {
    description: 'A coordinator accepts for their city; both accepted → active.',
  })
  acceptTandem(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<TandemType> {
    return this.tandemService.accept(actor, id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => TandemType)
  declineTandem(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { type: () => String, nullable: true }) reason: string | null,
  ): Promise<TandemType> {
    return this.tandemService.decline(actor, id, reason);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => TandemType, {
    description: 'Either city’s coordinator or an organizer, with a short summary.',
  })
  concludeTandem(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('summary') summary: string,
  ): Promise<TandemType> {
    return this.tandemService.conclude(actor, id, summary);
  }

  @ResolveField(() => CityType, { description: 'The new city' })
  newCity(@Parent() tandem: TandemType, @Context() ctx: GraphQLContext): Promise<CityType> {
    return this.cityService.loadExisting(ctx, tandem.cityId, `tandem ${tandem.id}`).then(toCity);
  }

  @ResolveField(() => CityType, { description: 'The experienced partner city' })
  partnerCity(@Parent() tandem: TandemType, @Context() ctx: GraphQLContext): Promise<CityType> {
    return this.cityService
      .loadExisting(ctx, tandem.partnerCityId, `tandem ${tandem.id}`)
      .then(toCity);
  }

  @ResolveField(() => Boolean, {
    description: 'You belong to one of the two cities (and may read the notes)',
  })
  viewerIsMember(@Parent() tandem: TandemType, @CurrentActor() actor: Actor): boolean {
    return mayAccess(actor, Permission.TANDEM_NOTES_READ, tandemTarget(tandem));
  }

  @ResolveField(() => Boolean)
  viewerCanAccept(@Parent() tandem: TandemType, @CurrentActor() actor: Actor): boolean {
    return viewerCanAccept(actor, tandem);
  }

  @ResolveField(() => Boolean)
  viewerCanConclude(@Parent() tandem: TandemType, @CurrentActor() actor: Actor): boolean {
    return viewerCanConclude(actor, tandem);
  }
}

/** Both city pages show their tandems (proposed, active, concluded). */
@Resolver(() => CityType)
export class CityTandemsResolver {
  constructor(private readonly tandemService: TandemService) {}

  @ResolveField(() => [TandemType])
  tandems(
    @Parent() city: CityType,
    @CurrentActor() actor: Actor,
    @Context() ctx: GraphQLContext,
  ): Promise<TandemType[]> {
    // The request's loader, batching for the actor of this request.
    return ctx.loaders
      .get('tandemsOfCity', (ids: readonly string[]) => this.tandemService.ofCities(actor, ids))
      .load(city.id);
  }
}
