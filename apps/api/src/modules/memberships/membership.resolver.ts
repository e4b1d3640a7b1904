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
import type { GraphQLContext } from '../../core/graphql/loaders';
import { actorOf, currentActor } from '../../core/tenancy/request-context';
import { CityType, toCity } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import { Person } from '../users/dto/person.type';
import { UsersService } from '../users/users.service';
import {
  InvitationPreview,
  InviteToCityInput,
  UpdateMembershipInput,
} from './dto/membership.inputs';
import { InvitationEntity, InvitationStatus, invitationStatus } from './invitation.entity';
import { MembershipEntity } from './membership.entity';
import { MembershipService } from './membership.service';

@Resolver(() => MembershipEntity)
export class MembershipResolver {
  constructor(
    private readonly memberships: MembershipService,
    private readonly cityService: CityService,
    private readonly users: UsersService,
  ) {}

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [MembershipEntity], {
    description: "A city's members (members of that city and organizers).",
  })
  cityMembers(@Args('citySlug') citySlug: string): Promise<MembershipEntity[]> {
    return this.memberships.listForCity(currentActor(), citySlug);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [InvitationEntity], {
    description: "A city's open invitations (its coordinators and organizers).",
  })
  cityInvitations(@Args('citySlug') citySlug: string): Promise<InvitationEntity[]> {
    return this.memberships.pendingInvitations(currentActor(), citySlug);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => InvitationPreview, {
    nullable: true,
    description: 'The invitation behind a link; null for an unknown token.',
  })
  async invitation(@Args('token') token: string): Promise<InvitationPreview | null> {
    const preview = await this.memberships.preview(token);
    if (!preview) return null;
    const [city] = await this.cityService.byIds([preview.cityId]);
    return city ? { ...preview, city: toCity(city) } : null;
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => InvitationEntity, {
    description: 'Invite by e-mail (coordinators of the city, organizers).',
  })
  inviteToCity(@Args('input') input: InviteToCityInput): Promise<InvitationEntity> {
    return this.memberships.invite(currentActor(), input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => InvitationEntity)
  revokeInvitation(@Args('id', { type: () => ID }) id: string): Promise<InvitationEntity> {
    return this.memberships.revokeInvitation(currentActor(), id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => MembershipEntity, {
    description: 'Change a role (coordinators of the city, organizers).',
  })
  updateMembership(@Args('input') input: UpdateMembershipInput): Promise<MembershipEntity> {
    return this.memberships.updateRole(currentActor(), input.membershipId, input.role);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean, {
    description: 'Remove a member (coordinators, organizers) or leave a city yourself.',
  })
  removeMembership(
    @Args('membershipId', { type: () => ID }) membershipId: string,
  ): Promise<boolean> {
    return this.memberships.remove(currentActor(), membershipId);
  }

  @ResolveField(() => CityType)
  async city(
    @Parent() membership: MembershipEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType> {
    return this.cityService
      .loadExisting(ctx, membership.cityId, `membership ${membership.id}`)
      .then(toCity);
  }

  @ResolveField(() => Person, { description: 'The member, as everyone who sees the row sees them' })
  async user(
    @Parent() membership: MembershipEntity,
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
    @Parent() membership: MembershipEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<string | null> {
    // null, not FORBIDDEN: members see the list, only the address is not theirs to see.
    const target = { cityId: membership.cityId, userId: membership.userId };
    if (!mayAccess(actorOf(ctx), Permission.CITY_MEMBER_CONTACT_READ, target)) return null;
    const user = await this.users.load(ctx, membership.userId);
    return user?.email ?? null;
  }
}

@Resolver(() => InvitationEntity)
export class InvitationResolver {
  constructor(private readonly cityService: CityService) {}

  @ResolveField(() => InvitationStatus)
  status(@Parent() invitation: InvitationEntity): InvitationStatus {
    return invitationStatus(invitation);
  }

  @ResolveField(() => CityType)
  async city(
    @Parent() invitation: InvitationEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType> {
    return this.cityService
      .loadExisting(ctx, invitation.cityId, `invitation ${invitation.id}`)
      .then(toCity);
  }
}
