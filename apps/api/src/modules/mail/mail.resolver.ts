import { Args, Context, Int, Query, Resolver } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { MAX_PAGE_SIZE } from '@wissensnetz/domain';
import type { Request } from 'express';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { AuthException } from '../../core/auth/auth.exception';
import { APP_CONFIG } from '../../core/config/config.module';
import type { AppConfig } from '../../core/config/config';
import { validatePageSize } from '../../core/graphql/pagination';
import { DevMailType } from './dto/dev-mail.type';
import { isLocalRequest } from './local-request';
import { MailException } from './mail.exception';
import { MailService } from './mail.service';

/**
 * The development outbox holds reset and invitation links: whoever reads it can take
 * over any account. So it answers only requests from this machine, and is not
 * registered in production (DevMailboxModule).
 */
@Resolver(() => DevMailType)
export class MailResolver {
  constructor(
    private readonly mail: MailService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => [DevMailType], {
    description: `Development only, and only from this machine (loopback): the newest e-mails of the local outbox (at most ${MAX_PAGE_SIZE}).`,
  })
  devMailbox(
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    // Over WebSocket there is no HTTP request (req is undefined): refused.
    @Context() context: { req?: Request },
  ): Promise<DevMailType[]> {
    if (this.config.production)
      throw AuthException.forbidden('The development mailbox is off in production');
    if (!isLocalRequest(context.req)) throw MailException.loopbackOnly();
    return this.mail.outbox(validatePageSize(first));
  }
}
