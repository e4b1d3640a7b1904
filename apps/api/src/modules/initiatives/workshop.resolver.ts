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
import { byKeys, type GraphQLContext } from '../../core/graphql/loaders';
import { renderMarkdown } from '../../core/markdown/markdown';
import type { Actor } from '../../core/tenancy/actor';
import { InitiativeType } from './dto/initiative.type';
import {
  EnterWorkshopResultsInput,
  RecordWorkshopInput,
  toWorkshop,
  UpdateWorkshopInput,
  WorkshopType,
} from './dto/workshop.types';
import { WorkshopService } from './workshop.service';

@Resolver(() => WorkshopType)
export class WorkshopResolver {
  constructor(private readonly workshops: WorkshopService) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => WorkshopType, { nullable: true, description: 'A workshop (public); null if none' })
  workshop(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<WorkshopType | null> {
    return this.workshops.byId(actor, id);
  }

  @Access(AccessLevel.PUBLIC)
  @ResolveField(() => String, { description: 'The outcomes rendered (sanitized HTML)' })
  outcomesHtml(@Parent() workshop: WorkshopType): string {
    return renderMarkdown(workshop.outcomes, { topHeading: 4 });
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => WorkshopType, {
    description: 'Record a workshop of an action field (the initiative’s queue users)',
  })
  recordWorkshop(
    @CurrentActor() actor: Actor,
    @Args('input') input: RecordWorkshopInput,
  ): Promise<WorkshopType> {
    return this.workshops.record(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => WorkshopType, { description: 'Change title, date, participants, outcomes' })
  updateWorkshop(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateWorkshopInput,
  ): Promise<WorkshopType> {
    return this.workshops.update(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean, {
    description: 'Delete a workshop; refused (WORKSHOP_HAS_RESULTS) once suggestions came from it',
  })
  deleteWorkshop(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.workshops.remove(actor, id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => WorkshopType, {
    description: 'Enter a workshop’s results: suggestions of channel WORKSHOP in its field',
  })
  enterWorkshopResults(
    @CurrentActor() actor: Actor,
    @Args('input') input: EnterWorkshopResultsInput,
  ): Promise<WorkshopType> {
    return this.workshops.enterResults(actor, input);
  }
}

/** The public page's workshops, one query for all initiatives of a request. */
@Resolver(() => InitiativeType)
export class InitiativeWorkshopsResolver {
  constructor(private readonly service: WorkshopService) {}

  @Access(AccessLevel.PUBLIC)
  @ResolveField(() => [WorkshopType], { description: 'Its workshops, newest first' })
  workshops(
    @CurrentActor() actor: Actor,
    @Parent() initiative: InitiativeType,
    @Context() ctx: GraphQLContext,
  ): Promise<WorkshopType[]> {
    return ctx.loaders
      .get('initiative.workshops', async (ids: readonly string[]) =>
        byKeys(
          ids,
          await this.service.ofInitiatives(actor, ids),
          (entry) => entry.row.initiative_id,
          (entries) => entries,
        ),
      )
      .load(initiative.id)
      .then((entries) =>
        entries.map((entry) =>
          toWorkshop(entry.row, entry.resultCount, initiative.viewerCanWorkQueue),
        ),
      );
  }
}
