import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Permission, mayAccess } from '../../core/auth/access';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import type { Actor } from '../../core/tenancy/actor';
import { CityType, toCity } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import { Person } from '../users/dto/person.type';
import { UsersService } from '../users/users.service';
import { InvitationPreview, InvitationType } from './dto/invitation.type';
import { InviteToCityInput, UpdateMembershipInput } from './dto/membership.inputs';
import { MembershipType } from './dto/membership.type';
import { InvitationService } from './invitation.service';
import { MembershipService } from './membership.service';

@Resolver(() => MembershipType)
export class MembershipResolver {
  constructor(
    private readonly memberships: MembershipService,
    private readonly invitations: InvitationService,
    private readonly cityService: CityService,
    private readonly users: UsersService,
  ) {}

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [MembershipType], {
    description: "A city's members (members of that city and organizers).",
  })
  cityMembers(
    @CurrentActor() actor: Actor,
    @Args('citySlug') citySlug: string,
  ): Promise<MembershipType[]> {
    return this.memberships.listForCity(actor, citySlug);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [InvitationType], {
    description: "A city's open invitations (its coordinators and organizers).",
  })
  cityInvitations(
    @CurrentActor() actor: Actor,
    @Args('citySlug') citySlug: string,
  ): Promise<InvitationType[]> {
    return this.invitations.pending(actor, citySlug);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => InvitationPreview, {
    nullable: true,
    description: 'The invitation behind a link; null for an unknown token.',
  })
  invitation(
    @CurrentActor() actor: Actor,
    @Args('token') token: string,
  ): Promise<InvitationPreview | null> {
    return this.invitations.preview(actor, token);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => InvitationType, {
    description: 'Invite by e-mail (coordinators of the city, organizers).',
  })
  inviteToCity(
    @CurrentActor() actor: Actor,
    @Args('input') input: InviteToCityInput,
  ): Promise<InvitationType> {
    return this.invitations.invite(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => InvitationType)
  revokeInvitation(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<InvitationType> {
    return this.invitations.revoke(actor, id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => MembershipType, {
    description: 'Change a role (coordinators of the city, organizers).',
  })
  updateMembership(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateMembershipInput,
  ): Promise<MembershipType> {
    return this.memberships.updateRole(actor, input.membershipId, input.role);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean, {
    description: 'Remove a member (coordinators, organizers) or leave a city yourself.',
  })
  removeMembership(
    @CurrentActor() actor: Actor,
    @Args('membershipId', { type: () => ID }) membershipId: string,
  ): Promise<boolean> {
    return this.memberships.remove(actor, membershipId);
  }

  @ResolveField(() => CityType)
  async city(
    @Parent() membership: MembershipType,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType> {
    return this.cityService
      .loadExisting(ctx, membership.cityId, `membership ${membership.id}`)
      .then(toCity);
  }

  @ResolveField(() => Person, { description: 'The member, as everyone who sees the row sees them' })
  async user(
    @Parent() membership: MembershipType,
    @Context() ctx: GraphQLContext,
  ): Promise<Person> {
    const person = await this.users.loadPerson(ctx, membership.userId, membership.cityId);
    if (!person) throw new Error(`membership ${membership.id} points to a missing user`);
    return person;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      "The member's e-mail address: for the member, the city's coordinators and organizers; null for everyone else",
  })
  async email(
    @Parent() membership: MembershipType,
    @CurrentActor() actor: Actor,
    @Context() ctx: GraphQLContext,
  ): Promise<string | null> {
    // null, not FORBIDDEN: members see the list, only the address is not theirs to see.
    const target = { cityId: membership.cityId, userId: membership.userId };
    if (!mayAccess(actor, Permission.CITY_MEMBER_CONTACT_READ, target)) return null;
    const user = await this.users.load(ctx, membership.userId);
    return user?.email ?? null;
  }
}

@Resolver(() => InvitationType)
export class InvitationResolver {
  constructor(private readonly cityService: CityService) {}

  @ResolveField(() => CityType)
  async city(
    @Parent() invitation: InvitationType,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType> {
    return this.cityService
      .loadExisting(ctx, invitation.cityId, `invitation ${invitation.id}`)
      .then(toCity);
  }
}
