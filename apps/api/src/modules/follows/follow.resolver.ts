import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { FollowTargetKind, FollowType } from './dto/follow.type';
import { FollowService } from './follow.service';

@Resolver(() => FollowType)
export class FollowResolver {
  constructor(private readonly follows: FollowService) {}

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [FollowType], {
    description: 'What you follow: your choices and your memberships’ defaults',
  })
  myFollows(@CurrentActor() actor: Actor): Promise<FollowType[]> {
    return this.follows.list(actor);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => FollowType, {
    description: 'Follow a topic, city, practice, conference or tandem',
  })
  follow(
    @CurrentActor() actor: Actor,
    @Args('kind', { type: () => FollowTargetKind }) kind: FollowTargetKind,
    @Args('targetId', { type: () => ID }) targetId: string,
  ): Promise<FollowType> {
    return this.follows.follow(actor, kind, targetId);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean, { description: 'Stop following (also a default: own city, tandem)' })
  unfollow(
    @CurrentActor() actor: Actor,
    @Args('kind', { type: () => FollowTargetKind }) kind: FollowTargetKind,
    @Args('targetId', { type: () => ID }) targetId: string,
  ): Promise<boolean> {
    return this.follows.unfollow(actor, kind, targetId);
  }
}
