import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import type { Actor } from '../../core/tenancy/actor';
import { CityService } from '../cities/city.service';
import { CityType, toCity } from '../cities/dto/city.type';
import { ConferenceType, toConference } from '../conferences/dto/conference.type';
import { FollowUpActionType, toFollowUpAction } from '../conferences/dto/conference-record.type';
import { RegistrationType, toRegistration } from '../conferences/dto/registration.type';
import { InvitationType } from '../memberships/dto/invitation.type';
import { CityWorkspaceType, PracticeStatusCount, WorkspaceTandemType } from './dto/workspace.type';
import { WorkspaceService } from './workspace.service';

@Resolver(() => CityWorkspaceType)
export class WorkspaceResolver {
  constructor(
    private readonly workspaceService: WorkspaceService,
    private readonly cityService: CityService,
  ) {}

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => CityWorkspaceType, {
    description: 'What needs you in one of your cities (its members; organizers are refused).',
  })
  cityWorkspace(
    @CurrentActor() actor: Actor,
    @Args('citySlug') citySlug: string,
  ): Promise<CityWorkspaceType> {
    return this.workspaceService.open(actor, citySlug);
  }

  @ResolveField(() => CityType)
  async city(
    @Parent() workspace: CityWorkspaceType,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType> {
    return toCity(await this.cityService.loadExisting(ctx, workspace.cityId, 'workspace'));
  }

  @ResolveField(() => [PracticeStatusCount], {
    description: 'The city’s practices not yet published, per status',
  })
  draftCounts(
    @CurrentActor() actor: Actor,
    @Parent() workspace: CityWorkspaceType,
  ): Promise<PracticeStatusCount[]> {
    return this.workspaceService.draftCounts(actor, workspace);
  }

  @ResolveField(() => [WorkspaceTandemType], { description: 'Proposed and active tandems' })
  tandems(
    @CurrentActor() actor: Actor,
    @Parent() workspace: CityWorkspaceType,
  ): Promise<WorkspaceTandemType[]> {
    return this.workspaceService.tandemsOf(actor, workspace);
  }

  @ResolveField(() => [FollowUpActionType], {
    description: 'Open follow-up actions the city is responsible for, by due day',
  })
  async followUpActions(
    @CurrentActor() actor: Actor,
    @Parent() workspace: CityWorkspaceType,
  ): Promise<FollowUpActionType[]> {
    return (await this.workspaceService.openFollowUps(actor, workspace)).map(toFollowUpAction);
  }

  @ResolveField(() => [RegistrationType], {
    description: 'Registrations for conferences that have not ended (confirmed or waitlisted)',
  })
  async registrations(
    @CurrentActor() actor: Actor,
    @Parent() workspace: CityWorkspaceType,
  ): Promise<RegistrationType[]> {
    return (await this.workspaceService.registrationsOf(actor, workspace)).map(toRegistration);
  }

  @ResolveField(() => [InvitationType], {
    nullable: true,
    description: 'Invitations not accepted yet: coordinators only (null for members)',
  })
  pendingInvitations(
    @CurrentActor() actor: Actor,
    @Parent() workspace: CityWorkspaceType,
  ): Promise<InvitationType[] | null> {
    return this.workspaceService.pendingInvitations(actor, workspace);
  }

  @ResolveField(() => [ConferenceType], { description: 'The next conferences of the network' })
  async nextConferences(@CurrentActor() actor: Actor): Promise<ConferenceType[]> {
    return (await this.workspaceService.nextConferences(actor)).map(toConference);
  }
}

@Resolver(() => WorkspaceTandemType)
export class WorkspaceTandemResolver {
  constructor(private readonly cityService: CityService) {}

  @ResolveField(() => CityType)
  async partnerCity(
    @Parent() entry: WorkspaceTandemType,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType> {
    return toCity(await this.cityService.loadExisting(ctx, entry.partnerCityId, 'tandem'));
  }
}
