import {
  Args,
  Context,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import type { Actor } from '../../core/tenancy/actor';
import { CityType } from '../cities/dto/city.type';
import { Person } from '../users/dto/person.type';
import { UsersService } from '../users/users.service';
import { CityProfileService } from './city-profile.service';
import { UpdateCityProfileInput } from './dto/city-profile.input';
import { CityProfileRevisionType, toCityProfileRevision } from './dto/city-profile-revision.type';
import { CityProfileType, type StoredCityProfile, toCityProfile } from './dto/city-profile.type';

/** The profile fields of `City`, and editing them. */
@Resolver(() => CityType)
export class CityProfileResolver {
  constructor(private readonly profiles: CityProfileService) {}

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => CityType, {
    description: "Save a city's profile (its coordinators, organizers); the next revision.",
  })
  async updateCityProfile(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateCityProfileInput,
  ): Promise<CityType> {
    return this.profiles.update(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => CityType, { description: "Remove a city's logo; the next revision." })
  async removeCityLogo(
    @CurrentActor() actor: Actor,
    @Args('citySlug') citySlug: string,
    @Args('expectedRevision', { type: () => Int }) expectedRevision: number,
  ): Promise<CityType> {
    return this.profiles.removeLogo(actor, citySlug, expectedRevision);
  }

  @ResolveField(() => CityProfileType, { description: 'About, contact, website, colour, logo' })
  async details(
    @Parent() city: CityType,
    @CurrentActor() actor: Actor,
    @Context() ctx: GraphQLContext,
  ): Promise<CityProfileType> {
    return toCityProfile(city.slug, await this.load(actor, ctx, city.id));
  }

  @ResolveField(() => String, { nullable: true, description: 'About the city (Markdown)' })
  async profile(
    @Parent() city: CityType,
    @CurrentActor() actor: Actor,
    @Context() ctx: GraphQLContext,
  ): Promise<string | null> {
    return (await this.load(actor, ctx, city.id)).about || null;
  }

  @ResolveField(() => String, { description: 'Branding colour as #rrggbb' })
  async brandColor(
    @Parent() city: CityType,
    @CurrentActor() actor: Actor,
    @Context() ctx: GraphQLContext,
  ): Promise<string> {
    return (await this.load(actor, ctx, city.id)).brandColor;
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller may edit the profile' })
  viewerCanEditProfile(@Parent() city: CityType, @CurrentActor() actor: Actor): boolean {
    return this.profiles.mayEdit(actor, city.id);
  }

  @ResolveField(() => Boolean, { description: "Whether the caller may read the profile's history" })
  viewerCanReadProfileHistory(@Parent() city: CityType, @CurrentActor() actor: Actor): boolean {
    return this.profiles.mayReadHistory(actor, city.id);
  }

  private load(actor: Actor, ctx: GraphQLContext, cityId: string): Promise<StoredCityProfile> {
    return ctx.loaders
      .get('cityProfile', (ids: readonly string[]) => this.profiles.ofCities(actor, ids))
      .load(cityId);
  }
}

@Resolver(() => CityProfileRevisionType)
export class CityProfileRevisionResolver {
  constructor(
    private readonly profiles: CityProfileService,
    private readonly users: UsersService,
  ) {}

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [CityProfileRevisionType], {
    description: "Every saved state of a city's profile, newest first (its members, organizers).",
  })
  async cityProfileRevisions(
    @CurrentActor() actor: Actor,
    @Args('citySlug') citySlug: string,
  ): Promise<CityProfileRevisionType[]> {
    return (await this.profiles.revisions(actor, citySlug)).map(toCityProfileRevision);
  }

  @ResolveField(() => Person, { nullable: true, description: 'Who saved it, for the city' })
  author(
    @Parent() revision: CityProfileRevisionType,
    @Context() ctx: GraphQLContext,
  ): Promise<Person | null> {
    return this.users.loadPerson(ctx, revision.authorId, revision.cityId);
  }
}
