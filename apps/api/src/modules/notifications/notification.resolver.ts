import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { currentActor } from '../../core/tenancy/request-context';
import { NotificationEntity } from './notification.entity';
import { NotificationService } from './notification.service';

@Resolver(() => NotificationEntity)
export class NotificationResolver {
  constructor(private readonly notificationService: NotificationService) {}

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [NotificationEntity], { description: 'Your notifications, newest first.' })
  notifications(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ): Promise<NotificationEntity[]> {
    return this.notificationService.list(currentActor(), first);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => Int)
  unreadNotificationCount(): Promise<number> {
    return this.notificationService.unreadCount(currentActor());
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Int, {
    description: 'Marks these (or, without ids, all) as read; returns how many.',
  })
  markNotificationsRead(
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null,
  ): Promise<number> {
    return this.notificationService.markRead(currentActor(), ids);
  }
}
