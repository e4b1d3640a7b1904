import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { ConferenceExportService, type ExportFile } from './conference-export.service';
import { contentDisposition } from '../../core/export/content-disposition';

/** Registration export (CSV for spreadsheets) and calendar files (ICS). */
@Controller()
export class ConferenceFilesController {
  constructor(private readonly exports: ConferenceExportService) {}

  @Access(AccessLevel.ORGANIZER)
  @Get('export/conferences/:id/registrations.csv')
  async registrations(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.exports.registrationsCsv(actor, id);
    res.setHeader('Cache-Control', 'private, no-store');
    send(res, file, 'text/csv', 'attachment');
  }

  @Access(AccessLevel.PUBLIC)
  @Get('calendar/conferences/:file')
  async conference(
    @CurrentActor() actor: Actor,
    @Param('file') file: string,
    @Res() res: Response,
  ): Promise<void> {
    const calendar = await this.exports.conferenceCalendar(actor, file.replace(/\.ics$/, ''));
    send(res, calendar, 'text/calendar', 'inline');
  }

  @Access(AccessLevel.PUBLIC)
  @Get('calendar/:file')
  async city(
    @CurrentActor() actor: Actor,
    @Param('file') file: string,
    @Res() res: Response,
  ): Promise<void> {
    const calendar = await this.exports.cityCalendar(actor, file.replace(/\.ics$/, ''), 'file');
    send(res, calendar, 'text/calendar', 'inline');
  }
}

function send(
  res: Response,
  file: ExportFile,
  type: 'text/csv' | 'text/calendar',
  disposition: 'attachment' | 'inline',
): void {
  res.setHeader('Content-Type', `${type}; charset=utf-8`);
  res.setHeader('Content-Disposition', contentDisposition(disposition, file.filename));
  res.send(file.body);
}
