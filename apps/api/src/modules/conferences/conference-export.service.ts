import { FEDERAL_STATES, isFederalStateCode, type FederalStateCode } from '@wissensnetz/domain';
import { Injectable } from '@nestjs/common';
import { createEvents, type EventAttributes } from 'ics';
import { Permission, requireAccess } from '../../core/auth/access';
import { toSpreadsheetCsv } from '../../core/export/csv';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { isUuid } from '../../core/validation/uuid';
import { CityService } from '../cities/city.service';
import { ConferenceEntity, ConferenceStatus } from './conference.entity';
import { ConferenceException } from './conference.exception';

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

/** Files for outside programs: the organizers' registration list (CSV) and calendars (ICS). */
@Injectable()
export class ConferenceExportService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
  ) {}

  /** Every active registration with its participants, for spreadsheets. */
  async registrationsCsv(actor: Actor, conferenceId: string): Promise<ExportFile> {
    requireAccess(actor, Permission.CONFERENCE_EXPORT);
    const rows = await this.tenantDb.run(actor, async (manager) => {
      const conference = isUuid(conferenceId)
        ? await manager.getRepository(ConferenceEntity).findOneBy({ id: conferenceId })
        : null;
      if (!conference) throw ConferenceException.notFound('id');
      return (await manager.query(
        `SELECT c.name AS city, c.federal_state, r.status, to_char(r.created_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD HH24:MI') AS registered,
                p.name, p.email, p.role, p.needs
           FROM registration r JOIN city c ON c.id = r.city_id
           JOIN registration_participant p ON p.city_id = r.city_id AND p.registration_id = r.id
          WHERE r.conference_id = $1 AND r.status <> 'CANCELLED'
          ORDER BY r.created_at, r.id, p.position`,
        [conference.id],
      )) as Array<Record<string, string>>;
    });
    return {
      filename: `anmeldungen-${conferenceId}.csv`,
      // Participants' names and needs are typed by cities: formula cells are neutralised there.
      body: toSpreadsheetCsv(
        CSV_HEADER,
        rows.map((row) => [
          row.city,
          row.federal_state,
          row.status,
          row.registered,
          row.name,
          row.email,
          row.role,
          row.needs,
        ]),
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
    return { filename: `konferenz-${conference.id}.ics`, body: calendar([conference]) };
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
    const conferences = await this.tenantDb.run(actor, (manager) =>
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
    return { filename: `wissensnetz-${city.slug}.ics`, body: calendar(conferences) };
  }
}

function calendar(conferences: ConferenceEntity[]): string {
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
    status: conference.status === ConferenceStatus.CANCELLED ? 'CANCELLED' : 'CONFIRMED',
    productId: 'wissensnetz/engagierte-stadt',
    calName: 'Wissensnetz – Engagierte Stadt',
  }));
  const { error, value } = createEvents(events);
  if (error || value == null) throw error ?? new Error('calendar could not be written');
  return value;
}
