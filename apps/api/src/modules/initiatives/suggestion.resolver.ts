import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentClient, type ClientInfo } from '../../core/auth/client-info.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import {
  ChangeSuggestionStatusInput,
  EnterSuggestionInput,
  SubmitSuggestionInput,
} from './dto/initiative.input';
import {
  EnteredSuggestionType,
  FollowedSuggestionType,
  QueueSuggestionType,
  SubmittedSuggestionType,
  SuggestionChallengeType,
  SuggestionStatus,
} from './dto/suggestion.type';
import { SuggestionQueueService } from './suggestion-queue.service';
import { SuggestionService } from './suggestion.service';

@Resolver(() => QueueSuggestionType)
export class SuggestionResolver {
  constructor(
    private readonly suggestions: SuggestionService,
    private readonly queue: SuggestionQueueService,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => SuggestionChallengeType, {
    description: 'A proof-of-work challenge (ALTCHA) for the suggestion form',
  })
  suggestionChallenge(): Promise<SuggestionChallengeType> {
    return this.suggestions.challenge();
  }

  @Access(AccessLevel.PUBLIC)
  @Mutation(() => SubmittedSuggestionType, {
    description: 'A resident sends a suggestion (no account); answers the private follow link',
  })
  submitSuggestion(
    @CurrentClient() client: ClientInfo,
    @Args('input') input: SubmitSuggestionInput,
  ): Promise<SubmittedSuggestionType> {
    return this.suggestions.submit(client, input);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => FollowedSuggestionType, {
    nullable: true,
    description: 'The suggestion behind a follow link; null for an unknown or revoked link',
  })
  followedSuggestion(@Args('token') token: string): Promise<FollowedSuggestionType | null> {
    return this.suggestions.follow(token);
  }

  @Access(AccessLevel.PUBLIC)
  @Mutation(() => FollowedSuggestionType, {
    description: 'The resident withdraws their suggestion',
  })
  withdrawSuggestion(@Args('token') token: string): Promise<FollowedSuggestionType> {
    return this.suggestions.withdraw(token);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [QueueSuggestionType], { description: 'An initiative’s queue, newest first' })
  suggestionQueue(
    @CurrentActor() actor: Actor,
    @Args('initiativeId', { type: () => ID }) initiativeId: string,
    @Args('status', { type: () => SuggestionStatus, nullable: true })
    status?: SuggestionStatus | null,
    @Args('fieldId', { type: () => ID, nullable: true }) fieldId?: string | null,
  ): Promise<QueueSuggestionType[]> {
    return this.queue.queue(actor, initiativeId, { status, fieldId });
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => EnteredSuggestionType, {
    description: 'Staff entry (Familienbüro): what came in person, by phone, letter or workshop',
  })
  enterSuggestion(
    @CurrentActor() actor: Actor,
    @Args('input') input: EnterSuggestionInput,
  ): Promise<EnteredSuggestionType> {
    return this.queue.enter(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => QueueSuggestionType, {
    description: 'New → in review → taken up / answered / not pursued; the resident sees it',
  })
  changeSuggestionStatus(
    @CurrentActor() actor: Actor,
    @Args('input') input: ChangeSuggestionStatusInput,
  ): Promise<QueueSuggestionType> {
    return this.queue.changeStatus(actor, input);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => QueueSuggestionType, { description: 'Merge a duplicate into another suggestion' })
  mergeSuggestion(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('intoId', { type: () => ID }) intoId: string,
  ): Promise<QueueSuggestionType> {
    return this.queue.merge(actor, id, intoId);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => QueueSuggestionType, {
    description: 'An internal comment (never shown to the resident)',
  })
  commentSuggestion(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('text') text: string,
  ): Promise<QueueSuggestionType> {
    return this.queue.comment(actor, id, text);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => QueueSuggestionType, { description: 'End a suggestion’s follow link' })
  revokeSuggestionLink(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<QueueSuggestionType> {
    return this.queue.revokeLink(actor, id);
  }
}
