import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { CreateInitiativeInput, UpdateInitiativeInput } from './dto/initiative.input';
import { InitiativeType } from './dto/initiative.type';
import { InitiativeService } from './initiative.service';

@Resolver(() => InitiativeType)
export class InitiativeResolver {
  constructor(private readonly initiatives: InitiativeService) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => InitiativeType, {
    nullable: true,
    description: 'A city’s local initiative (public page); null if there is none',
  })
  initiative(
    @CurrentActor() actor: Actor,
    @Args('citySlug') citySlug: string,
    @Args('slug') slug: string,
  ): Promise<InitiativeType | null> {
    return this.initiatives.bySlug(actor, citySlug, slug);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => [InitiativeType], { description: 'The local initiatives of a city' })
  cityInitiatives(
    @CurrentActor() actor: Actor,
    @Args('citySlug') citySlug: string,
  ): Promise<InitiativeType[]> {
    return this.initiatives.ofCity(actor, citySlug);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => InitiativeType, { description: 'Start an initiative (coordinators of the city)' })
  createInitiative(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateInitiativeInput,
  ): Promise<InitiativeType> {
    return this.initiatives.create(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => InitiativeType, { description: 'Change name, description, open or closed' })
  updateInitiative(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateInitiativeInput,
  ): Promise<InitiativeType> {
    return this.initiatives.update(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean, {
    description: 'Name the members of the city who may see contact details of an action field',
  })
  setInitiativeFieldContacts(
    @CurrentActor() actor: Actor,
    @Args('fieldId', { type: () => ID }) fieldId: string,
    @Args('personIds', { type: () => [ID] }) personIds: string[],
  ): Promise<boolean> {
    return this.initiatives.setFieldContacts(actor, fieldId, personIds);
  }
}
