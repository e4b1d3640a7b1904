import { Controller, Get, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { RecordFeedService } from './record-feed.service';

/** `/feeds/protokolle.atom`: public and cacheable; no actor is read (see RecordFeedService). */
@Controller('feeds')
export class RecordFeedController {
  constructor(private readonly feeds: RecordFeedService) {}

  @Access(AccessLevel.PUBLIC)
  @Get('protokolle.atom')
  async records(@Req() req: Request, @Res() res: Response): Promise<void> {
    const feed = await this.feeds.feed();
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
