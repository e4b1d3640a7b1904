import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { DigestService } from './digest.service';

/**
 * The address in a digest's `List-Unsubscribe` header (RFC 8058). A mail client's
 * one-click POST (`List-Unsubscribe=One-Click`) unsubscribes; a GET — a person clicking,
 * or a mail scanner following links — only leads to the page with the button.
 */
@Access(AccessLevel.PUBLIC)
@Controller('api/digest/unsubscribe')
export class DigestUnsubscribeController {
  constructor(private readonly digests: DigestService) {}

  @Get(':token')
  page(@Param('token') token: string, @Res() res: Response): void {
    res.redirect(303, `/abbestellen/${encodeURIComponent(token)}`);
  }

  @Post(':token')
  @HttpCode(200)
  async oneClick(
    @CurrentActor() actor: Actor,
    @Param('token') token: string,
    @Res() res: Response,
  ): Promise<void> {
    await this.digests.unsubscribe(actor, token);
    res.type('text/plain; charset=utf-8').send('Abbestellt. / Unsubscribed.\n');
  }
}
