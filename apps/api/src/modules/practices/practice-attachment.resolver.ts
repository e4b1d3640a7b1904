import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { PracticeAttachmentType } from './dto/practice-attachment.type';
import { PracticeAttachmentService } from './practice-attachment.service';

/** Removing an attachment; uploads and downloads are HTTP routes (practice-attachment.controller.ts). */
@Resolver(() => PracticeAttachmentType)
export class PracticeAttachmentResolver {
  constructor(private readonly attachments: PracticeAttachmentService) {}

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean)
  removePracticeAttachment(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.attachments.remove(actor, id);
  }
}
