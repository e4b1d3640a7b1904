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
import { SearchKind } from '../../search/search-kind';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { GraphQLContext } from '../../core/graphql/loaders';
import { renderMarkdown } from '../../core/markdown/markdown';
import { utcToBerlin } from '../../core/time/berlin-time';
import type { Actor } from '../../core/tenancy/actor';
import { CityType, toCityOrNull } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import { PracticeType } from '../practices/dto/practice.type';
import { PracticeService } from '../practices/practice.service';
import { FollowUpStatus } from './conference-record.entity';
import { ConferenceRecordService } from './conference-record.service';
import { ConferenceService } from './conference.service';
import {
  ConferenceRecordType,
  FollowUpActionType,
  toConferenceRecord,
  toFollowUpAction,
} from './dto/conference-record.type';
import { ConferenceType, toConference } from './dto/conference.type';
import {
  AddFollowUpActionInput,
  FollowUpFilter,
  RecordHit,
  SaveConferenceRecordInput,
  UpdateFollowUpActionInput,
} from './dto/record.types';

@Resolver(() => ConferenceRecordType)
export class ConferenceRecordResolver {
  constructor(
    private readonly records: ConferenceRecordService,
    private readonly conferenceService: ConferenceService,
    private readonly practiceService: PracticeService,
  ) {}

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => ConferenceRecordType, {
    description: 'Create or update a record; a change after FINAL is logged.',
  })
  async saveConferenceRecord(
    @CurrentActor() actor: Actor,
    @Args('input') input: SaveConferenceRecordInput,
  ): Promise<ConferenceRecordType> {
    return toConferenceRecord(await this.records.save(actor, input));
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => ConferenceRecordType, {
    description: 'DRAFT → FINAL; final records are findable through search.',
  })
  async finalizeConferenceRecord(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<ConferenceRecordType> {
    return toConferenceRecord(await this.records.finalize(actor, id));
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => ConferenceRecordType, {
    description:
      'Make a FINAL record public (anyone may read it, also without an account; in the records feed) or take that back.',
  })
  async publishConferenceRecord(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('public', { type: () => Boolean }) isPublic: boolean,
  ): Promise<ConferenceRecordType> {
    return toConferenceRecord(await this.records.setPublic(actor, id, isPublic));
  }

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [RecordHit], { description: 'Search final records (network members).' })
  async searchRecords(
    @CurrentActor() actor: Actor,
    @Args('query', { defaultValue: '' }) query: string,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ): Promise<RecordHit[]> {
    return (await this.records.searchRecords(actor, query, first)).map((hit) => ({
      ...hit,
      kind: SearchKind.RECORD as const,
      record: toConferenceRecord(hit.record),
    }));
  }

  @ResolveField(() => String)
  minutesHtml(@Parent() record: ConferenceRecordType): string {
    return renderMarkdown(record.minutes, { topHeading: 5 });
  }

  @ResolveField(() => ConferenceType)
  async conference(
    @CurrentActor() actor: Actor,
    @Parent() record: ConferenceRecordType,
    @Context() ctx: GraphQLContext,
  ): Promise<ConferenceType> {
    const conference = await this.conferenceService.load(actor, ctx, record.conferenceId);
    if (!conference) throw new Error(`record ${record.id} points to a missing conference`);
    return toConference(conference);
  }

  @ResolveField(() => [PracticeType], { description: 'Linked practices you may see' })
  linkedPractices(
    @CurrentActor() actor: Actor,
    @Parent() record: ConferenceRecordType,
    @Context() ctx: GraphQLContext,
  ): Promise<PracticeType[]> {
    return this.practiceService.loadVisible(actor, ctx, record.practiceIds);
  }

  @ResolveField(() => [FollowUpActionType])
  async followUpActions(
    @CurrentActor() actor: Actor,
    @Parent() record: ConferenceRecordType,
    @Context() ctx: GraphQLContext,
  ): Promise<FollowUpActionType[]> {
    return (await this.records.followUpsOf(actor, ctx, record.id)).map(toFollowUpAction);
  }
}

@Resolver(() => FollowUpActionType)
export class FollowUpActionResolver {
  constructor(
    private readonly records: ConferenceRecordService,
    private readonly cityService: CityService,
  ) {}

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [FollowUpActionType], { description: 'e.g. a city’s open follow-up actions' })
  async followUpActions(
    @CurrentActor() actor: Actor,
    @Args('filter', { type: () => FollowUpFilter, nullable: true }) filter: FollowUpFilter | null,
  ): Promise<FollowUpActionType[]> {
    return (await this.records.followUps(actor, filter ?? {})).map(toFollowUpAction);
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => FollowUpActionType)
  async addFollowUpAction(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddFollowUpActionInput,
  ): Promise<FollowUpActionType> {
    return toFollowUpAction(await this.records.addFollowUp(actor, input));
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => FollowUpActionType, {
    description: 'Organizers; the responsible city’s coordinators may set the status.',
  })
  async updateFollowUpAction(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateFollowUpActionInput,
  ): Promise<FollowUpActionType> {
    return toFollowUpAction(await this.records.updateFollowUp(actor, input));
  }

  @ResolveField(() => Boolean, {
    description: 'Still open and its due day (Europe/Berlin) has passed',
  })
  overdue(@Parent() action: FollowUpActionType): boolean {
    return isOverdue(action, new Date());
  }

  @ResolveField(() => CityType, { nullable: true })
  async responsibleCity(
    @Parent() action: FollowUpActionType,
    @Context() ctx: GraphQLContext,
  ): Promise<CityType | null> {
    if (!action.responsibleCityId) return null;
    return toCityOrNull(await this.cityService.load(ctx, action.responsibleCityId));
  }
}

/** A conference's records (all for network members, the public final ones for anyone). */
@Resolver(() => ConferenceType)
export class ConferenceRecordsFieldResolver {
  // Not `records`: that is the field's method name.
  constructor(private readonly recordService: ConferenceRecordService) {}

  @ResolveField(() => [ConferenceRecordType])
  async records(
    @CurrentActor() actor: Actor,
    @Parent() conference: ConferenceType,
  ): Promise<ConferenceRecordType[]> {
    return (await this.recordService.recordsOf(actor, conference.id)).map(toConferenceRecord);
  }
}

/** Open and due before today, today as a Berlin calendar day (dueOn is YYYY-MM-DD). */
export function isOverdue(
  action: Pick<FollowUpActionType, 'status' | 'dueOn'>,
  now: Date,
): boolean {
  return (
    action.status === FollowUpStatus.OPEN &&
    action.dueOn != null &&
    action.dueOn < utcToBerlin(now).slice(0, 10)
  );
}
