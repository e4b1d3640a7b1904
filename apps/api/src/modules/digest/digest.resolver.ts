import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { MailStream } from '../users/dto/mail-cadence';
import { DigestService } from './digest.service';

@Resolver()
export class DigestResolver {
  constructor(private readonly digests: DigestService) {}

  @Access(AccessLevel.PUBLIC)
  @Mutation(() => [MailStream], {
    description:
      'Unsubscribe with the token of a digest e-mail (no sign-in): its streams become NEVER',
  })
  unsubscribeDigest(
    @CurrentActor() actor: Actor,
    @Args('token') token: string,
  ): Promise<MailStream[]> {
    return this.digests.unsubscribe(actor, token);
  }
}
