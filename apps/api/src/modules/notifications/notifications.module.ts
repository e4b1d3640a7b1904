import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { NotificationOutboxWorker } from './notification-outbox.worker';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

@Module({
  imports: [MailModule],
  providers: [NotificationService, NotificationResolver, NotificationOutboxWorker],
  exports: [NotificationService],
})
export class NotificationsModule {}
