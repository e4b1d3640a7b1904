import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { DataExportService, type DataExportFile } from './data-export.service';

/** The files of a person's data export: only for that person, never cached. */
@Controller()
export class DataExportController {
  constructor(private readonly dataExports: DataExportService) {}

  @Access(AccessLevel.SIGNED_IN)
  @Get('export/my-data/:id/data.json')
  async data(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.dataExports.file(actor, id, 'json'));
  }

  @Access(AccessLevel.SIGNED_IN)
  @Get('export/my-data/:id/summary.txt')
  async summary(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    send(res, await this.dataExports.file(actor, id, 'summary'));
  }
}

function send(res: Response, file: DataExportFile): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Type', `${file.contentType}; charset=utf-8`);
  // The names are ASCII by construction (wissensnetz-meine-daten-<day>.json).
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.send(file.body);
}
