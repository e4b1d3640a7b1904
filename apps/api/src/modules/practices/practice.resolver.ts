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
import { renderMarkdown } from '../../core/markdown/markdown';
import { ConnectionArgs, mapConnection } from '../../core/graphql/pagination';
import type { Actor } from '../../core/tenancy/actor';
import { CityService } from '../cities/city.service';
import { CityType, toCity } from '../cities/dto/city.type';
import { TopicType } from '../topics/dto/topic.type';
import { PracticeAttachmentType, toPracticeAttachment } from './dto/practice-attachment.type';
import {
  CreatePracticeInput,
  PracticeFilter,
  SendPracticeBackInput,
  UpdatePracticeInput,
} from './dto/practice.inputs';
import { PracticeConnection, PracticeType, toPractice } from './dto/practice.type';
import { PracticeAttachmentService } from './practice-attachment.service';
import { mayEditPractice } from './practice-lifecycle';
import { PracticeLifecycleService } from './practice-lifecycle.service';
import { PracticeService } from './practice.service';

@Resolver(() => PracticeType)
export class PracticeResolver {
  constructor(
    private readonly practiceService: PracticeService,
    private readonly lifecycle: PracticeLifecycleService,
    private readonly attachmentService: PracticeAttachmentService,
    private readonly cityService: CityService,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => PracticeType, {
    nullable: true,
    description: 'null when it does not exist or is not visible to you',
  })
  async practice(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PracticeType | null> {
    const practice = await this.practiceService.get(actor, id);
    return practice ? toPractice(practice) : null;
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => PracticeConnection, {
    description: 'Practices you may see (drafts only of your own cities).',
  })
  async practices(
    @CurrentActor() actor: Actor,
    @Args() page: ConnectionArgs,
    @Args('filter', { type: () => PracticeFilter, nullable: true }) filter: PracticeFilter | null,
  ): Promise<PracticeConnection> {
    return mapConnection(await this.practiceService.list(actor, filter, page), toPractice);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeType, { description: 'A new draft (members of the city).' })
  async createPractice(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreatePracticeInput,
  ): Promise<PracticeType> {
    return toPractice(await this.lifecycle.create(actor, input));
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeType, {
    description: 'Save changes; keeps a revision. Published entries: coordinators.',
  })
  async updatePractice(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdatePracticeInput,
  ): Promise<PracticeType> {
    return toPractice(await this.lifecycle.update(actor, input));
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeType, {
    description: "Draft → in review (members of the city); tells the city's coordinators.",
  })
  async submitPracticeForReview(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PracticeType> {
    return toPractice(await this.lifecycle.submit(actor, id));
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeType, {
    description: 'In review → draft again (members of the city).',
  })
  async withdrawPracticeSubmission(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PracticeType> {
    return toPractice(await this.lifecycle.withdraw(actor, id));
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeType, {
    description: 'In review → draft with a comment for the author (coordinators of the city).',
  })
  async sendPracticeBack(
    @CurrentActor() actor: Actor,
    @Args('input') input: SendPracticeBackInput,
  ): Promise<PracticeType> {
    return toPractice(await this.lifecycle.sendBack(actor, input.id, input.comment));
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeType, {
    description: 'Draft or in review → published (coordinators of the city).',
  })
  async publishPractice(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PracticeType> {
    return toPractice(await this.lifecycle.publish(actor, id));
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeType, {
    description: 'Archive (coordinators of the city, organizers anywhere).',
  })
  async archivePractice(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PracticeType> {
    return toPractice(await this.lifecycle.archive(actor, id));
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => PracticeType, {
    description: 'Published or archived → draft again (coordinators).',
  })
  async revertPracticeToDraft(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<PracticeType> {
    return toPractice(await this.lifecycle.revertToDraft(actor, id));
  }

  @ResolveField(() => String, { description: 'The body rendered to safe HTML' })
  bodyHtml(@Parent() practice: PracticeType): string {
    return renderMarkdown(practice.body, { topHeading: 3 });
  }

  @ResolveField(() => CityType)
  async city(@Parent() practice: PracticeType, @Context() ctx: GraphQLContext): Promise<CityType> {
    return this.cityService
      .loadExisting(ctx, practice.cityId, `practice ${practice.id}`)
      .then(toCity);
  }

  @ResolveField(() => [TopicType])
  topics(
    @CurrentActor() actor: Actor,
    @Parent() practice: PracticeType,
    @Context() ctx: GraphQLContext,
  ): Promise<TopicType[]> {
    return this.practiceService.topicLoader(actor, ctx).load(practice.id);
  }

  @ResolveField(() => [PracticeAttachmentType])
  async attachments(
    @CurrentActor() actor: Actor,
    @Parent() practice: PracticeType,
    @Context() ctx: GraphQLContext,
  ): Promise<PracticeAttachmentType[]> {
    const loader = ctx.loaders.get('practiceAttachments', (ids: readonly string[]) =>
      this.attachmentService.ofPractices(actor, ids),
    );
    return (await loader.load(practice.id)).map(toPracticeAttachment);
  }

  @ResolveField(() => Boolean, { description: 'Whether you may edit it now' })
  viewerCanEdit(@CurrentActor() actor: Actor, @Parent() practice: PracticeType): boolean {
    return mayEditPractice(actor, practice);
  }

  @ResolveField(() => Boolean, {
    description: 'Whether you may publish, send back to draft or restore',
  })
  viewerCanPublish(@CurrentActor() actor: Actor, @Parent() practice: PracticeType): boolean {
    return mayAccess(actor, Permission.PRACTICE_PUBLISH, { cityId: practice.cityId });
  }

  @ResolveField(() => Boolean, { description: 'Whether you may archive it' })
  viewerCanArchive(@CurrentActor() actor: Actor, @Parent() practice: PracticeType): boolean {
    return mayAccess(actor, Permission.PRACTICE_ARCHIVE, { cityId: practice.cityId });
  }
}
