import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { NotificationType } from './dto/notification.type';
import { NotificationService } from './notification.service';

@Resolver(() => NotificationType)
export class NotificationResolver {
  constructor(private readonly notificationService: NotificationService) {}

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [NotificationType], { description: 'Your notifications, newest first.' })
  notifications(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ): Promise<NotificationType[]> {
    return this.notificationService.list(actor, first);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => Int)
  unreadNotificationCount(@CurrentActor() actor: Actor): Promise<number> {
    return this.notificationService.unreadCount(actor);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Int, {
    description: 'Marks these (or, without ids, all) as read; returns how many.',
  })
  markNotificationsRead(
    @CurrentActor() actor: Actor,
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null,
  ): Promise<number> {
    return this.notificationService.markRead(actor, ids);
  }
}
