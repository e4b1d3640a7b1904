import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../../core/config/config';
import { MailResolver } from './mail.resolver';
import { MailService } from './mail.service';

@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}

/**
 * The development outbox's query. In production it is not registered at all, so the
 * running schema has no devMailbox (schema.gql, emitted from every resolver, keeps it).
 */
@Module({})
export class DevMailboxModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: DevMailboxModule,
      imports: [MailModule],
      providers: config.production ? [] : [MailResolver],
    };
  }
}
