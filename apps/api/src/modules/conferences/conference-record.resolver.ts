import {
  Args,
  Context,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import { renderMarkdown } from '../../core/markdown/markdown';
import { currentActor } from '../../core/tenancy/request-context';
import { CityType, toCityOrNull } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { PracticeType } from '../practices/dto/practice.type';
import { PracticeService } from '../practices/practice.service';
import {
  AddFollowUpActionInput,
  FollowUpFilter,
  RecordHit,
  SaveConferenceRecordInput,
  UpdateFollowUpActionInput,
} from './dto/record.types';
import { ConferenceRecordEntity, FollowUpActionEntity } from './conference-record.entity';
import { ConferenceRecordService } from './conference-record.service';
import { ConferenceEntity } from './conference.entity';
import { ConferenceService } from './conference.service';

@Resolver(() => ConferenceRecordEntity)
export class ConferenceRecordResolver {
  constructor(
    private readonly records: ConferenceRecordService,
    private readonly conferences: ConferenceService,
    private readonly practices: PracticeService,
  ) {}

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => ConferenceRecordEntity, {
    description: 'Create or update a record; a change after FINAL is logged.',
  })
  saveConferenceRecord(
    @Args('input') input: SaveConferenceRecordInput,
  ): Promise<ConferenceRecordEntity> {
    return this.records.save(currentActor(), input);
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => ConferenceRecordEntity, {
    description: 'DRAFT → FINAL; final records are findable through search.',
  })
  finalizeConferenceRecord(
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ConferenceRecordEntity> {
    return this.records.finalize(currentActor(), id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [RecordHit], { description: 'Search final records (network members).' })
  searchRecords(
    @Args('query', { defaultValue: '' }) query: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ): Promise<RecordHit[]> {
    return this.records.searchRecords(currentActor(), query, first);
  }

  @ResolveField(() => String)
  minutesHtml(@Parent() record: ConferenceRecordEntity): string {
    return renderMarkdown(record.minutes, { topHeading: 5 });
  }

  @ResolveField(() => ConferenceEntity)
  async conference(
    @Parent() record: ConferenceRecordEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<ConferenceEntity> {
    const conference = await this.conferences.load(ctx, record.conferenceId);
    if (!conference) throw new Error(`record ${record.id} points to a missing conference`);
    return conference;
  }

  @ResolveField(() => [PracticeType], { description: 'Linked practices you may see' })
  linkedPractices(
    @CurrentActor() actor: Actor,
    @Parent() record: ConferenceRecordEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<PracticeType[]> {
    return this.practices.loadVisible(actor, ctx, record.practiceIds);
  }

  @ResolveField(() => [FollowUpActionEntity])
  followUpActions(
    @Parent() record: ConferenceRecordEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<FollowUpActionEntity[]> {
    return this.records.followUpsOf(ctx, record.id);
  }
}

@Resolver(() => FollowUpActionEntity)
export class FollowUpActionResolver {
  constructor(
    private readonly records: ConferenceRecordService,
    private readonly cityService: CityService,
  ) {}

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [FollowUpActionEntity], { description: 'e.g. a city’s open follow-up actions' })
  followUpActions(
    @Args('filter', { type: () => FollowUpFilter, nullable: true }) filter: FollowUpFilter | null,
  ): Promise<FollowUpActionEntity[]> {
    return this.records.followUps(currentActor(), filter ?? {});
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => FollowUpActionEntity)
  addFollowUpAction(@Args('input') input: AddFollowUpActionInput): Promise<FollowUpActionEntity> {
    return this.records.addFollowUp(currentActor(), input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => FollowUpActionEntity, {
    description: 'Organizers; the responsible city’s coordinators may set the status.',
  })
  updateFollowUpAction(
    @Args('input') input: UpdateFollowUpActionInput,
  ): Promise<FollowUpActionEntity> {
    return this.records.updateFollowUp(currentActor(), input);
  }

  @ResolveField(() => CityType, { nullable: true })
  responsibleCity(
    @Parent() action: FollowUpActionEntity,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType | null> {
    if (!action.responsibleCityId) return Promise.resolve(null);
    return this.cityService.load(ctx, action.responsibleCityId).then(toCityOrNull);
  }
}

/** A conference's records (network members only, by row-level security). */
@Resolver(() => ConferenceEntity)
export class ConferenceRecordsFieldResolver {
  constructor(private readonly recordService: ConferenceRecordService) {}

  @ResolveField(() => [ConferenceRecordEntity])
  records(@Parent() conference: ConferenceEntity): Promise<ConferenceRecordEntity[]> {
    return this.recordService.recordsOf(conference.id);
  }
}
