import { FEDERAL_STATES, isFederalStateCode, type FederalStateCode } from '@wissensnetz/domain';
import { Inject, Injectable } from '@nestjs/common';
import { createEvents, type EventAttributes } from 'ics';
import type { EntityManager } from 'typeorm';
import { Permission, requireAccess } from '../../core/auth/access';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { toSpreadsheetCsv } from '../../core/export/csv';
import { utcToBerlin } from '../../core/time/berlin-time';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { isUuid } from '../../core/validation/uuid';
import { CityService } from '../cities/city.service';
import { AgendaSessionEntity, ConferenceEntity, ConferenceStatus } from './conference.entity';
import { ConferenceException } from './conference.exception';
import { agendaLine, exportFilename } from './export-names';

/** A file to send: its name and its text. */
export interface ExportFile {
  filename: string;
  body: string;
}

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

/** Registration statuses as office staff read them. */
const STATUS_DE: Record<string, string> = {
  CONFIRMED: 'bestätigt',
  WAITLISTED: 'Warteliste',
  CANCELLED: 'abgesagt',
};

/** "20.05.2027" from a Berlin wall-clock time. */
const germanDay = (local: string) =>
  `${local.slice(8, 10)}.${local.slice(5, 7)}.${local.slice(0, 4)}`;

/** Files for outside programs: the organizers' registration list (CSV) and calendars (ICS). */
@Injectable()
export class ConferenceExportService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Every registration with its participants, for office staff: German columns and
   * values, the conference's title and days above the table; confirmed first, then the
   * waitlist in order, then cancellations.
   */
  async registrationsCsv(actor: Actor, conferenceId: string): Promise<ExportFile> {
    requireAccess(actor, Permission.CONFERENCE_EXPORT);
    const { conference, rows } = await this.tenantDb.run(actor, async (manager) => {
      const conference = isUuid(conferenceId)
        ? await manager.getRepository(ConferenceEntity).findOneBy({ id: conferenceId })
        : null;
      if (!conference) throw ConferenceException.notFound('id');
      const rows = (await manager.query(
        `SELECT c.name AS city, c.federal_state, r.status, to_char(r.created_at AT TIME ZONE 'Europe/Berlin', 'DD.MM.YYYY HH24:MI') AS registered,
                p.name, p.email, p.role, p.needs
           FROM registration r JOIN city c ON c.id = r.city_id
           JOIN registration_participant p ON p.city_id = r.city_id AND p.registration_id = r.id
          WHERE r.conference_id = $1
          ORDER BY array_position(ARRAY['CONFIRMED','WAITLISTED','CANCELLED'], r.status::text), r.created_at, r.id, p.position`,
        [conference.id],
      )) as Array<Record<string, string>>;
      return { conference, rows };
    });
    const start = germanDay(utcToBerlin(conference.startsAt));
    const end = germanDay(utcToBerlin(conference.endsAt));
    return {
      filename: exportFilename('anmeldungen', conference, 'csv'),
      // Participants' names and needs are typed by cities: formula cells are neutralised there.
      body: toSpreadsheetCsv(
        CSV_HEADER,
        rows.map((row) => [
          row.city,
          isFederalStateCode(row.federal_state)
            ? FEDERAL_STATES[row.federal_state].de
            : row.federal_state,
          STATUS_DE[row.status] ?? row.status,
          row.registered,
          row.name,
          row.email,
          row.role,
          row.needs,
        ]),
        [
          ['Konferenz', conference.title],
          ['Datum', start === end ? start : `${start} bis ${end}`],
          [],
        ],
      ),
    };
  }

  /** One conference as a calendar file (public). */
  async conferenceCalendar(actor: Actor, conferenceId: string): Promise<ExportFile> {
    const conference = isUuid(conferenceId)
      ? await this.tenantDb.run(actor, (manager) =>
          manager.getRepository(ConferenceEntity).findOneBy({ id: conferenceId }),
        )
      : null;
    if (!conference) throw ConferenceException.notFound('id');
    return {
      filename: exportFilename('konferenz', conference, 'ics'),
      body: await this.calendar(actor, [conference]),
    };
  }

  /**
   * A city's calendar feed (public): network meetings, its region's conferences, those it
   * hosts and those it registered for. An unknown city is a typed NOT_FOUND on `field`
   * (an empty calendar would look like a city without meetings).
   */
  async cityCalendar(actor: Actor, citySlug: string, field: string): Promise<ExportFile> {
    const city = await this.cities.requireBySlug(citySlug, field);
    const region = isFederalStateCode(city.federalState)
      ? FEDERAL_STATES[city.federalState as FederalStateCode].region
      : null;
    // Registrations are the cities' own rows; which conferences a city registered for is
    // public in its feed, and only that comes back from conference_ids_registered_by.
    const conferences = await this.tenantDb.run(actor, (manager: EntityManager) =>
      manager
        .getRepository(ConferenceEntity)
        .createQueryBuilder('c')
        .where("c.status <> 'CANCELLED'")
        .andWhere(
          `(c.kind = 'NETWORK_MEETING' OR c.region = :region OR :state = ANY (c.federal_states)
            OR c.host_city_id = :city OR c.id IN (SELECT conference_ids_registered_by(:city)))`,
          { city: city.id, region, state: city.federalState },
        )
        .orderBy('c.starts_at')
        .getMany(),
    );
    // The stored slug, not the requested name: that one may hold quotes or line breaks.
    return {
      filename: `wissensnetz-${city.slug}.ics`,
      body: await this.calendar(actor, conferences),
    };
  }

  /** The events with their agendas (one query for all) and a link to the conference page. */
  private async calendar(actor: Actor, conferences: ConferenceEntity[]): Promise<string> {
    const sessions =
      conferences.length === 0
        ? []
        : await this.tenantDb.run(actor, (manager) =>
            manager
              .getRepository(AgendaSessionEntity)
              .createQueryBuilder('s')
              .where('s.conference_id = ANY(:ids::uuid[])', { ids: conferences.map((c) => c.id) })
              .orderBy('s.starts_at')
              .addOrderBy('s.room')
              .getMany(),
          );
    const base = this.config.publicUrl ?? `http://localhost:${this.config.port}`;
    return calendar(conferences, (conference) => {
      const url = `${base}/konferenzen/${conference.id}`;
      const agenda = sessions.filter((s) => s.conferenceId === conference.id).map(agendaLine);
      const description = [
        conference.description.trim(),
        agenda.length > 0 ? `Programm:\n${agenda.join('\n')}` : '',
        `Zur Konferenz: ${url}`,
      ]
        .filter(Boolean)
        .join('\n\n');
      return { url, description };
    });
  }
}

function calendar(
  conferences: ConferenceEntity[],
  details: (conference: ConferenceEntity) => { url: string; description: string },
): string {
  const events: EventAttributes[] = conferences.map((conference) => ({
    // The same UID with a higher SEQUENCE updates the event in subscribed calendars.
    uid: `conference-${conference.id}@wissensnetz.example`,
    sequence: conference.icsSequence,
    title: conference.title,
    ...details(conference),
    location: conference.venue ?? conference.onlineUrl ?? undefined,
    start: conference.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: conference.endsAt.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: conference.status === ConferenceStatus.CANCELLED ? 'CANCELLED' : 'CONFIRMED',
    productId: 'wissensnetz/engagierte-stadt',
    calName: 'Wissensnetz – Engagierte Stadt',
  }));
  const { error, value } = createEvents(events);
  if (error || value == null) throw error ?? new Error('calendar could not be written');
  return value;
}
