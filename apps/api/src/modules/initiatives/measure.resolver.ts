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
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import type { Actor } from '../../core/tenancy/actor';
import { CreateMeasureInput, TakeUpSuggestionInput, UpdateMeasureInput } from './dto/measure.input';
import {
  FieldFiguresType,
  MeasurePracticeType,
  MeasureRefType,
  MeasureType,
  NetworkMeasureFiguresType,
  NetworkMeasureTotalsType,
  OtherCitiesInFieldType,
} from './dto/measure.types';
import { InitiativeType } from './dto/initiative.type';
import { FollowedSuggestionType, QueueSuggestionType } from './dto/suggestion.type';
import { MeasureFiguresService } from './measure-figures.service';
import { MeasurePracticeService } from './measure-practice.service';
import { MeasureService } from './measure.service';

@Resolver(() => MeasureType)
export class MeasureResolver {
  constructor(
    private readonly measures: MeasureService,
    private readonly practices: MeasurePracticeService,
    private readonly figures: MeasureFiguresService,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => [MeasureType], { description: 'An initiative’s measures (public)' })
  initiativeMeasures(
    @CurrentActor() actor: Actor,
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
  ): Promise<MeasureType[]> {
    return this.measures.ofInitiative(actor, initiativeId);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => MeasureType, { description: 'A new measure (the initiative’s steering group)' })
  createMeasure(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateMeasureInput,
  ): Promise<MeasureType> {
    return this.measures.create(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => MeasureType, { description: 'Title, field, goal, actors, status' })
  updateMeasure(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateMeasureInput,
  ): Promise<MeasureType> {
    return this.measures.update(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => MeasureType, {
    description: 'Take a suggestion up (TAKEN_UP) into an existing or a new measure',
  })
  takeUpSuggestion(
    @CurrentActor() actor: Actor,
    @Args('input') input: TakeUpSuggestionInput,
  ): Promise<MeasureType> {
    return this.measures.takeUp(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean, { description: 'Unlink a suggestion from its measure' })
  unlinkSuggestionFromMeasure(
    @CurrentActor() actor: Actor,
    @Args('suggestionId', { type: () => ID }) suggestionId: string,
  ): Promise<boolean> {
    return this.measures.unlinkSuggestion(actor, suggestionId);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => MeasureType, {
    description: 'Link a published practice of another city that inspired the measure',
  })
  linkModelPractice(
    @CurrentActor() actor: Actor,
    @Args('measureId', { type: () => ID }) measureId: string,
    @Args('practiceId', { type: () => ID }) practiceId: string,
  ): Promise<MeasureType> {
    return this.measures.linkModelPractice(actor, measureId, practiceId);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => MeasureType, { description: 'Remove a model practice from the measure' })
  unlinkModelPractice(
    @CurrentActor() actor: Actor,
    @Args('measureId', { type: () => ID }) measureId: string,
    @Args('practiceId', { type: () => ID }) practiceId: string,
  ): Promise<MeasureType> {
    return this.measures.unlinkModelPractice(actor, measureId, practiceId);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => MeasurePracticeType, {
    description: 'A done measure becomes a draft practice of the city (opened in the editor)',
  })
  createPracticeFromMeasure(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<MeasurePracticeType> {
    return this.practices.create(actor, id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [NetworkMeasureFiguresType], {
    description: 'Organizers: per topic, cities with initiatives and measures per status',
  })
  networkMeasureFigures(@CurrentActor() actor: Actor): Promise<NetworkMeasureFiguresType[]> {
    return this.figures.network(actor);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => NetworkMeasureTotalsType, { description: 'The network’s initiatives in numbers' })
  networkMeasureTotals(@CurrentActor() actor: Actor): Promise<NetworkMeasureTotalsType> {
    return this.figures.totals(actor);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [OtherCitiesInFieldType], {
    description: 'The steering group: what other cities do in the topics of the fields',
  })
  otherCitiesInFields(
    @CurrentActor() actor: Actor,
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
  ): Promise<OtherCitiesInFieldType[]> {
    return this.figures.othersInFields(actor, initiativeId);
  }
}

/** The initiative page's public figures per action field. */
@Resolver(() => InitiativeType)
export class InitiativeFiguresResolver {
  constructor(private readonly figures: MeasureFiguresService) {}

  @ResolveField(() => [FieldFiguresType], {
    description: 'Per action field: suggestions received and taken up (counts), the measures',
  })
  fieldFigures(
    @CurrentActor() actor: Actor,
    @Parent() initiative: { id: string },
    @Context() ctx: GraphQLContext,
  ): Promise<FieldFiguresType[]> {
    return ctx.loaders
      .get('initiativeFieldFigures', (ids: readonly string[]) =>
        this.figures.fieldFigures(actor, ids),
      )
      .load(initiative.id);
  }
}

/** The measure next to a suggestion in the queue. */
@Resolver(() => QueueSuggestionType)
export class QueueSuggestionMeasureResolver {
  constructor(private readonly figures: MeasureFiguresService) {}

  @ResolveField(() => MeasureRefType, { nullable: true, description: 'The measure it is in' })
  measure(
    @CurrentActor() actor: Actor,
    @Parent() suggestion: { id: string },
    @Context() ctx: GraphQLContext,
  ): Promise<MeasureRefType | null> {
    return ctx.loaders
      .get('suggestionMeasure', (ids: readonly string[]) => this.figures.ofSuggestions(actor, ids))
      .load(suggestion.id);
  }
}

/** The measure a resident's suggestion was taken up into, behind the follow link. */
@Resolver(() => FollowedSuggestionType)
export class FollowedSuggestionMeasureResolver {
  constructor(private readonly figures: MeasureFiguresService) {}

  @ResolveField(() => MeasureRefType, {
    nullable: true,
    description: 'Taken up: the measure (title and status)',
  })
  measure(@Parent() followed: { followTokenHash?: string }): Promise<MeasureRefType | null> {
    return followed.followTokenHash
      ? this.figures.ofFollowLink(followed.followTokenHash)
      : Promise.resolve(null);
  }
}
