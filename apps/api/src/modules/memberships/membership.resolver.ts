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
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import { currentActor } from '../../core/tenancy/request-context';
import { CityEntity } from '../cities/city.entity';
import { CityService } from '../cities/city.service';
import { UserEntity } from '../users/user.entity';
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
    return city ? { ...preview, city } : null;
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

  @ResolveField(() => CityEntity)
  async city(
    @Parent() membership: MembershipEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<CityEntity> {
    return this.cityService.loadExisting(ctx, membership.cityId, `membership ${membership.id}`);
  }

  @ResolveField(() => UserEntity)
  async user(
    @Parent() membership: MembershipEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<UserEntity> {
    const user = await this.users.load(ctx, membership.userId);
    if (!user) throw new Error(`membership ${membership.id} points to a missing user`);
    return user;
  }
}

@Resolver(() => InvitationEntity)
export class InvitationResolver {
  constructor(private readonly cityService: CityService) {}

  @ResolveField(() => InvitationStatus)
  status(@Parent() invitation: InvitationEntity): InvitationStatus {
    return invitationStatus(invitation);
  }

  @ResolveField(() => CityEntity)
  async city(
    @Parent() invitation: InvitationEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<CityEntity> {
    return this.cityService.loadExisting(ctx, invitation.cityId, `invitation ${invitation.id}`);
  }
}
