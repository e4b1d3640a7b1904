import { Controller, Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { createEvents, type EventAttributes } from 'ics';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { toSpreadsheetCsv } from '../../core/export/csv';
import { currentActor } from '../../core/tenancy/request-context';
import { ConferenceEntity } from './conference.entity';
import { ConferenceException } from './conference.exception';
import { ConferenceService } from './conference.service';

const CSV_HEADER = [
  'Stadt',
  'Bundesland',
  'Status',
  'Angemeldet am',
  'Name',
  'E-Mail',
  'Rolle',
  'Bedarfe',
];

/** Registration export (CSV for spreadsheets) and calendar files (ICS). */
@Controller()
export class ConferenceFilesController {
  constructor(private readonly conferences: ConferenceService) {}

  @Access(AccessLevel.ORGANIZER)
  @Get('export/conferences/:id/registrations.csv')
  async registrations(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const { rows } = await this.conferences.exportRows(currentActor(), id);
    // Participants' names and needs are typed by cities: formula cells are neutralised there.
    const csv = toSpreadsheetCsv(CSV_HEADER, rows);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="anmeldungen-${id}.csv"`);
    res.setHeader('Cache-Control', 'private, no-store');
    res.send(csv);
  }

  @Access(AccessLevel.PUBLIC)
  @Get('calendar/conferences/:file')
  async conference(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const conference = await this.conferences.get(file.replace(/\.ics$/, ''));
    if (!conference) throw ConferenceException.notFound('id');
    this.sendCalendar(res, [conference], `konferenz-${conference.id}.ics`);
  }

  @Access(AccessLevel.PUBLIC)
  @Get('calendar/:file')
  async city(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const { citySlug, conferences } = await this.conferences.forCityCalendar(
      file.replace(/\.ics$/, ''),
      'file',
    );
    // The stored slug, not the requested name: that one may hold quotes or line breaks.
    this.sendCalendar(res, conferences, `wissensnetz-${citySlug}.ics`);
  }

  private sendCalendar(res: Response, conferences: ConferenceEntity[], filename: string): void {
    const events: EventAttributes[] = conferences.map((conference) => ({
      // The same UID with a higher SEQUENCE updates the event in subscribed calendars.
      uid: `conference-${conference.id}@wissensnetz.example`,
      sequence: conference.icsSequence,
      title: conference.title,
      description: conference.description,
      location: conference.venue ?? conference.onlineUrl ?? undefined,
      url: conference.onlineUrl ?? undefined,
      start: conference.startsAt.getTime(),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: conference.endsAt.getTime(),
      endInputType: 'utc',
      endOutputType: 'utc',
      status: conference.status === 'CANCELLED' ? 'CANCELLED' : 'CONFIRMED',
      productId: 'wissensnetz/engagierte-stadt',
      calName: 'Wissensnetz – Engagierte Stadt',
    }));
    const { error, value } = createEvents(events);
    if (error || value === undefined) throw error ?? new Error('calendar could not be written');
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
    res.send(value);
  }
}
