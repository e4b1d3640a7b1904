import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { MAX_PAGE_SIZE } from '@wissensnetz/domain';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { AuthException } from '../../core/auth/auth.exception';
import { APP_CONFIG } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/config';
import { validatePageSize } from '../../core/graphql/pagination';
import { DevMailEntity } from './dev-mail.entity';
import { MailService } from './mail.service';

@Resolver(() => DevMailEntity)
export class MailResolver {
  constructor(
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => [DevMailEntity], {
    description: `Development only: the newest e-mails of the local outbox (at most ${MAX_PAGE_SIZE}).`,
  })
  devMailbox(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<DevMailEntity[]> {
    if (this.config.production)
      throw AuthException.forbidden('The development mailbox is off in production');
    return this.mail.outbox(validatePageSize(first));
  }
}
