import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { NotificationGroupType } from './dto/notification-group.type';
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
  @Query(() => [NotificationGroupType], {
    description: 'Your notifications grouped by kind and what they are about, newest first.',
  })
  notificationGroups(
    @CurrentActor() actor: Actor,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 30 }) first: number,
  ): Promise<NotificationGroupType[]> {
    return this.notificationService.groups(actor, first);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Int, {
    description:
      'Marks your unread notifications about the page at this path (e.g. /goch/tandems/<id>) as read, because you opened it; returns how many.',
  })
  markNotificationsReadAt(
    @CurrentActor() actor: Actor,
    @Args('link') link: string,
  ): Promise<number> {
    return this.notificationService.markReadAt(actor, link);
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
