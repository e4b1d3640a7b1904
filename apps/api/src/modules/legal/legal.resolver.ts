import { Inject } from '@nestjs/common';
import { Args, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentClient, type ClientInfo } from '../../core/auth/client-info.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import type { Actor } from '../../core/tenancy/actor';
import { AccessibilityFeedbackService } from './accessibility-feedback.service';
import {
  AccessibilityFeedbackInput,
  AccessibilityFeedbackReceipt,
  AccessibilityFeedbackType,
} from './dto/accessibility-feedback.type';
import { OperatorType, toOperator } from './dto/operator.type';
import { ProcessingActivityType, toProcessingActivity } from './dto/processing-activity.type';
import { configuredActivities } from './processing-register';

@Resolver()
export class LegalResolver {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly feedback: AccessibilityFeedbackService,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => OperatorType, {
    description: 'Who runs this deployment (Impressum, privacy policy): published, public.',
  })
  operator(): OperatorType {
    return toOperator(this.config.operator);
  }

  @Access(AccessLevel.PUBLIC)
  @Query(() => [ProcessingActivityType], {
    description: 'The register of processing activities the privacy policy is made of (public).',
  })
  processingActivities(): ProcessingActivityType[] {
    return configuredActivities(this.config).map(toProcessingActivity);
  }

  @Access(AccessLevel.PUBLIC)
  @Mutation(() => AccessibilityFeedbackReceipt, {
    description:
      'Feedback on accessibility to the network office; no account needed, rate-limited.',
  })
  sendAccessibilityFeedback(
    @CurrentActor() actor: Actor,
    @CurrentClient() client: ClientInfo,
    @Args('input') input: AccessibilityFeedbackInput,
  ): Promise<AccessibilityFeedbackReceipt> {
    return this.feedback.submit(actor, client, input);
  }

  @Access(AccessLevel.ORGANIZER)
  @Query(() => [AccessibilityFeedbackType], {
    description: 'Feedback on accessibility, newest first (organizers only).',
  })
  accessibilityFeedback(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
  ): Promise<AccessibilityFeedbackType[]> {
    return this.feedback.list(actor, first);
  }
}
