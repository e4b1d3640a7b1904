import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { PracticeFeedScope } from '@wissensnetz/domain';
import type { Request, Response } from 'express';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { PracticeException } from './practice.exception';
import { PracticeFeedService, type FeedFile } from './practice-feed.service';

/**
 * Atom feeds of public practices: all, per topic, per city. Public and cacheable; no
 * actor is read: the service answers every caller as the anonymous visitor.
 */
@Controller('feeds')
export class PracticeFeedController {
  constructor(private readonly feeds: PracticeFeedService) {}

  @Access(AccessLevel.PUBLIC)
  @Get('praxis.atom')
  async all(@Req() req: Request, @Res() res: Response): Promise<void> {
    await this.send(req, res, { kind: 'all' });
  }

  @Access(AccessLevel.PUBLIC)
  @Get('themen/:file')
  async topic(
    @Param('file') file: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(req, res, { kind: 'topic', slug: slugOf(file, 'topic') });
  }

  @Access(AccessLevel.PUBLIC)
  @Get('staedte/:file')
  async city(
    @Param('file') file: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.send(req, res, { kind: 'city', slug: slugOf(file, 'city') });
  }

  private async send(req: Request, res: Response, scope: PracticeFeedScope): Promise<void> {
    const feed: FeedFile = await this.feeds.feed(scope);
    res.setHeader('Cache-Control', 'public, max-age=300');
    res.setHeader('ETag', feed.etag);
    res.setHeader('Last-Modified', feed.lastModified.toUTCString());
    if (req.headers['if-none-match'] === feed.etag) {
      res.status(304).end();
      return;
    }
    res.setHeader('Content-Type', 'application/atom+xml; charset=utf-8');
    res.send(feed.body);
  }
}

/** `<slug>.atom` → slug; anything else is not a feed. */
function slugOf(file: string, field: string): string {
  const match = /^([a-z0-9-]{1,100})\.atom$/.exec(file);
  if (!match) throw PracticeException.notFound(field);
  return match[1];
}
