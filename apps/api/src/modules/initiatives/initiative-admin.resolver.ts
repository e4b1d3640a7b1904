import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import {
  InitiativeFieldInput,
  SteeringMemberInput,
  UpdateInitiativeFieldInput,
  UpdateSteeringMemberInput,
} from './dto/initiative.input';
import { InitiativeManagementType } from './dto/initiative-management.type';
import { InitiativeType } from './dto/initiative.type';
import { InitiativeAdminService } from './initiative-admin.service';

/** The coordinators' management of an initiative's fields and steering group. */
@Resolver(() => InitiativeManagementType)
export class InitiativeAdminResolver {
  constructor(private readonly admin: InitiativeAdminService) {}

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => InitiativeManagementType, {
    description:
      'Fields with their named contacts and the steering group with linked accounts (coordinators of the city)',
  })
  initiativeManagement(
    @CurrentActor() actor: Actor,
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
  ): Promise<InitiativeManagementType> {
    return this.admin.management(actor, initiativeId);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => InitiativeType, { description: 'Add an action field (coordinators of the city)' })
  addInitiativeField(
    @CurrentActor() actor: Actor,
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('input') input: InitiativeFieldInput,
  ): Promise<InitiativeType> {
    return this.admin.addField(actor, initiativeId, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => InitiativeType, {
    description: 'Rename an action field or mark it sensitive (coordinators of the city)',
  })
  updateInitiativeField(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateInitiativeFieldInput,
  ): Promise<InitiativeType> {
    return this.admin.updateField(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => InitiativeType, {
    description: 'Remove an action field without suggestions (coordinators of the city)',
  })
  removeInitiativeField(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<InitiativeType> {
    return this.admin.removeField(actor, id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => InitiativeType, {
    description: 'Add a steering-group member (coordinators of the city)',
  })
  addSteeringMember(
    @CurrentActor() actor: Actor,
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('input') input: SteeringMemberInput,
  ): Promise<InitiativeType> {
    return this.admin.addSteeringMember(actor, initiativeId, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => InitiativeType, {
    description:
      'Change a steering-group member or their linked account (coordinators of the city)',
  })
  updateSteeringMember(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateSteeringMemberInput,
  ): Promise<InitiativeType> {
    return this.admin.updateSteeringMember(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => InitiativeType, {
    description: 'Remove a steering-group member (coordinators of the city)',
  })
  removeSteeringMember(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<InitiativeType> {
    return this.admin.removeSteeringMember(actor, id);
  }
}
