import { FEDERAL_STATES, isFederalStateCode, type FederalStateCode } from '@wissensnetz/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { z } from 'zod';
import { Permission, mayAccess, requireSignedIn } from '../../core/auth/access';
import { AuthException } from '../../core/auth/auth.exception';
import { paginate, type ConnectionShape, type PageArgs } from '../../core/graphql/pagination';
import { isOrganizer, type Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { berlinToUtc } from '../../core/time/berlin-time';
import { SEARCH_DB } from '../../search/search-db';
import type { CityEntity } from '../cities/city.entity';
import { CityService } from '../cities/city.service';
import { NotificationService } from '../notifications/notification.service';
import type {
  AgendaSessionInput,
  ConferenceFilter,
  ConferenceInput,
  RegisterForConferenceInput,
  UpdateAgendaSessionInput,
  UpdateConferenceInput,
} from './dto/conference.inputs';
import {
  AgendaFormat,
  AgendaSessionEntity,
  ConferenceEntity,
  ConferenceKind,
  ConferenceStatus,
  RegistrationEntity,
  RegistrationStatus,
  type Participant,
} from './conference.entity';
import { ConferenceException, ConferenceExceptionReason } from './conference.exception';
import { ConferenceRecordService } from './conference-record.service';
import { requireRegistrationTransition } from './registration-lifecycle';
import { isUuid } from '../../core/validation/uuid';
import { loadById, type GraphQLContext } from '../../core/graphql/loaders';

const email = z.email();

/** Status changes an organizer may make. */
const TRANSITIONS: Record<ConferenceStatus, ConferenceStatus[]> = {
  [ConferenceStatus.PLANNED]: [ConferenceStatus.OPEN, ConferenceStatus.CANCELLED],
  [ConferenceStatus.OPEN]: [ConferenceStatus.CLOSED, ConferenceStatus.CANCELLED],
  [ConferenceStatus.CLOSED]: [
    ConferenceStatus.OPEN,
    ConferenceStatus.HELD,
    ConferenceStatus.CANCELLED,
  ],
  [ConferenceStatus.HELD]: [],
  [ConferenceStatus.CANCELLED]: [],
};

@Injectable()
export class ConferenceService {
  private readonly logger = new Logger(ConferenceService.name);

  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly notifications: NotificationService,
    private readonly records: ConferenceRecordService,
    @Inject(SEARCH_DB) private readonly system: DataSource,
  ) {}

  async get(id: string): Promise<ConferenceEntity | null> {
    if (!isUuid(id)) return null;
    return this.tenantDb.run((manager) =>
      manager.getRepository(ConferenceEntity).findOneBy({ id }),
    );
  }

  /** Conferences by id, batched per request. */
  load(ctx: GraphQLContext, id: string): Promise<ConferenceEntity | null> {
    return loadById(
      ctx,
      'conferenceById',
      (ids) =>
        this.tenantDb.run((manager) =>
          manager
            .getRepository(ConferenceEntity)
            .createQueryBuilder('conference')
            .where('conference.id = ANY(:ids::uuid[])', { ids: ids.filter(isUuid) })
            .getMany(),
        ),
      id,
    );
  }

  list(filter: ConferenceFilter, page: PageArgs): Promise<ConnectionShape<ConferenceEntity>> {
    const day = (value: string | null | undefined, field: string, endOfDay: boolean) => {
      if (!value) return null;
      const instant = berlinToUtc(`${value}T${endOfDay ? '23:59' : '00:00'}`);
      if (!instant) throw ConferenceException.invalid(field, 'not a date (YYYY-MM-DD)');
      return instant;
    };
    const from = day(filter.from, 'filter.from', false);
    const to = day(filter.to, 'filter.to', true);
    return this.tenantDb.run((manager) => {
      const query = manager.getRepository(ConferenceEntity).createQueryBuilder('conference');
      if (filter.kind) query.andWhere('conference.kind = :kind', { kind: filter.kind });
      if (filter.region) query.andWhere('conference.region = :region', { region: filter.region });
      if (from) query.andWhere('conference.ends_at >= :from', { from });
      if (to) query.andWhere('conference.starts_at <= :to', { to });
      if (filter.upcoming === true) query.andWhere('conference.ends_at >= now()');
      if (filter.upcoming === false) query.andWhere('conference.ends_at < now()');
      return paginate(query, page, [
        {
          column: 'conference.starts_at',
          kind: 'text',
          value: (conference) => conference.startsAt.toISOString(),
        },
        { column: 'conference.id', kind: 'uuid', value: (conference) => conference.id },
      ]);
    });
  }

  async create(actor: Actor, input: ConferenceInput): Promise<ConferenceEntity> {
    const organizer = this.requireOrganizer(actor);
    const values = await this.clean(input, null);
    return this.tenantDb.run(async (manager) => {
      const repository = manager.getRepository(ConferenceEntity);
      const conference = repository.create({ ...values, createdBy: organizer.userId });
      await repository.insert(conference);
      return repository.findOneByOrFail({ id: conference.id });
    });
  }

  /**
   * Lowering the capacity takes no confirmed place away: while more are confirmed
   * than there are places, nobody moves up and new registrations wait. Raising it
   * moves the waitlist up at once (see fillSeats).
   */
  async update(actor: Actor, input: UpdateConferenceInput): Promise<ConferenceEntity> {
    this.requireOrganizer(actor);
    const { conference, promoted } = await this.tenantDb.run(async (manager) => {
      const conference = await this.lock(manager, input.id, 'input.id');
      const values = await this.clean(input, conference);
      if (input.status && input.status !== conference.status) {
        if (!TRANSITIONS[conference.status].includes(input.status)) {
          throw ConferenceException.conflict(
            ConferenceExceptionReason.INVALID_TRANSITION,
            'This status change is not possible',
            'input.status',
            {
              from: conference.status,
              to: input.status,
            },
          );
        }
        values.status = input.status;
      }
      if (values.startsAt || values.endsAt)
        await this.requireAgendaInside(
          manager,
          conference.id,
          values.startsAt ?? conference.startsAt,
          values.endsAt ?? conference.endsAt,
        );
      // Calendar programs recognise an update of the same event by UID and a higher SEQUENCE.
      Object.assign(conference, values, {
        icsSequence: conference.icsSequence + 1,
        updatedAt: new Date(),
      });
      const repository = manager.getRepository(ConferenceEntity);
      await repository.save(conference);
      const promoted = await this.fillSeats(manager, conference.id);
      await this.records.refreshSearch(manager, conference.id);
      return { conference: await repository.findOneByOrFail({ id: conference.id }), promoted };
    });
    await this.announcePromotions(conference.id, promoted);
    return conference;
  }

  sessions(conferenceIds: readonly string[]): Promise<AgendaSessionEntity[][]> {
    return this.tenantDb.run(async (manager) => {
      const rows = await manager
        .getRepository(AgendaSessionEntity)
        .createQueryBuilder('session')
        .where('session.conference_id = ANY(:ids)', { ids: [...conferenceIds] })
        .orderBy('session.starts_at')
        .addOrderBy('session.room')
        .getMany();
      return conferenceIds.map((id) => rows.filter((row) => row.conferenceId === id));
    });
  }

  async addSession(actor: Actor, input: AgendaSessionInput): Promise<AgendaSessionEntity> {
    this.requireOrganizer(actor);
    return this.tenantDb.run(async (manager) => {
      const conference = await this.lock(manager, input.conferenceId ?? '', 'input.conferenceId');
      const session = manager
        .getRepository(AgendaSessionEntity)
        .create({ conferenceId: conference.id });
      await this.applySession(manager, conference, session, input, true);
      await manager.getRepository(AgendaSessionEntity).insert(session);
      return session;
    });
  }

  async updateSession(actor: Actor, input: UpdateAgendaSessionInput): Promise<AgendaSessionEntity> {
    this.requireOrganizer(actor);
    return this.tenantDb.run(async (manager) => {
      const session = isUuid(input.id)
        ? await manager.getRepository(AgendaSessionEntity).findOneBy({ id: input.id })
        : null;
      if (!session)
        throw ConferenceException.notFound('input.id', ConferenceExceptionReason.SESSION_NOT_FOUND);
      const conference = await this.lock(manager, session.conferenceId, 'input.id');
      await this.applySession(manager, conference, session, input, false);
      await manager.getRepository(AgendaSessionEntity).save(session);
      await this.records.refreshSearch(manager, conference.id, session.id);
      return session;
    });
  }

  async removeSession(actor: Actor, id: string): Promise<boolean> {
    this.requireOrganizer(actor);
    return this.tenantDb.run(async (manager) => {
      const session = isUuid(id)
        ? await manager.getRepository(AgendaSessionEntity).findOneBy({ id })
        : null;
      if (!session)
        throw ConferenceException.notFound('id', ConferenceExceptionReason.SESSION_NOT_FOUND);
      // The session's records go with it (foreign key): their documents must leave the index.
      await this.records.refreshSearch(manager, session.conferenceId, session.id);
      await manager
        .getRepository(AgendaSessionEntity)
        .delete({ conferenceId: session.conferenceId, id: session.id });
      return true;
    });
  }

  /**
   * A coordinator registers participants of their city. Places are people; a new
   * registration joins the end of the waitlist and the seat rule (fillSeats) confirms
   * it if it is first in line and fits. The conference row lock, taken first,
   * serialises simultaneous registrations: the waitlist order is the lock order.
   */
  async register(actor: Actor, input: RegisterForConferenceInput): Promise<RegistrationEntity> {
    const coordinator = requireSignedIn(actor);
    const city = await this.cities.requireBySlug(input.citySlug, 'input.citySlug');
    // The city's coordinators register it (organizers may, on a city's behalf).
    if (!mayAccess(coordinator, Permission.CITY_MEMBERS_MANAGE, { cityId: city.id })) {
      throw AuthException.forbidden('Only the city’s coordinators register it');
    }
    const participants = cleanParticipants(input.participants);
    const { registration, promoted } = await this.tenantDb.run(async (manager) => {
      if (!isUuid(input.conferenceId) || !(await this.lockSeats(manager, input.conferenceId)))
        throw ConferenceException.notFound('input.conferenceId');
      // Read after the lock: the status an organizer may just have changed.
      const conference = await manager
        .getRepository(ConferenceEntity)
        .findOneByOrFail({ id: input.conferenceId });
      const now = Date.now();
      const open =
        conference.status === ConferenceStatus.OPEN &&
        (!conference.registrationOpensAt || conference.registrationOpensAt.getTime() <= now) &&
        (!conference.registrationClosesAt || conference.registrationClosesAt.getTime() > now);
      if (!open)
        throw ConferenceException.conflict(
          ConferenceExceptionReason.REGISTRATION_CLOSED,
          'Registration is not open',
          'input.conferenceId',
        );
      const existing = await manager
        .getRepository(RegistrationEntity)
        .createQueryBuilder('registration')
        .where(
          "registration.conference_id = :conference AND registration.city_id = :city AND registration.status <> 'CANCELLED'",
          {
            conference: conference.id,
            city: city.id,
          },
        )
        .getCount();
      if (existing > 0)
        throw ConferenceException.conflict(
          ConferenceExceptionReason.ALREADY_REGISTERED,
          'This city is already registered',
          'input.citySlug',
        );
      const repository = manager.getRepository(RegistrationEntity);
      const registration = repository.create({
        cityId: city.id,
        conferenceId: conference.id,
        status: RegistrationStatus.WAITLISTED,
        participantCount: participants.length,
        registeredBy: coordinator.userId,
      });
      try {
        await repository.insert(registration);
      } catch (error) {
        if ((error as { code?: string }).code === '23505') {
          throw ConferenceException.conflict(
            ConferenceExceptionReason.ALREADY_REGISTERED,
            'This city is already registered',
            'input.citySlug',
          );
        }
        throw error;
      }
      await manager.query(
        `INSERT INTO registration_participant (city_id, registration_id, position, name, email, role, needs)
         SELECT $1, $2, r.position, r.name, r.email, r.role, r.needs
           FROM jsonb_to_recordset($3::jsonb) AS r(position int, name text, email text, role text, needs text)`,
        [
          city.id,
          registration.id,
          JSON.stringify(participants.map((p, index) => ({ position: index + 1, ...p }))),
        ],
      );
      const promoted = await this.fillSeats(manager, conference.id);
      return {
        registration: await repository.findOneByOrFail({ cityId: city.id, id: registration.id }),
        // Others only if places had been left empty (data from before the seat rule).
        promoted: promoted.filter((id) => id !== registration.id),
      };
    });
    await this.announcePromotions(registration.conferenceId, promoted);
    return registration;
  }

  /** Cancels; freed places go to the waitlist in order, and those cities hear of it. */
  async cancel(actor: Actor, registrationId: string): Promise<RegistrationEntity> {
    const signedIn = requireSignedIn(actor);
    const { registration, promoted } = await this.tenantDb.run(async (manager) => {
      const repository = manager.getRepository(RegistrationEntity);
      const found = isUuid(registrationId)
        ? await repository.findOneBy({ id: registrationId })
        : null;
      if (!found)
        throw ConferenceException.notFound('id', ConferenceExceptionReason.REGISTRATION_NOT_FOUND);
      if (!mayAccess(signedIn, Permission.CITY_MEMBERS_MANAGE, { cityId: found.cityId }))
        throw AuthException.forbidden();
      await this.lockSeats(manager, found.conferenceId);
      // Read again under the lock: a promotion may have confirmed it in the meantime.
      const current = await repository.findOneByOrFail({ cityId: found.cityId, id: found.id });
      requireRegistrationTransition(current.status, RegistrationStatus.CANCELLED);
      current.status = RegistrationStatus.CANCELLED;
      current.cancelledAt = new Date();
      await repository.update(
        { cityId: current.cityId, id: current.id },
        { status: current.status, cancelledAt: current.cancelledAt },
      );
      // Also when a waitlisted one leaves: the next in line may fit now.
      return {
        registration: current,
        promoted: await this.fillSeats(manager, current.conferenceId),
      };
    });
    await this.announcePromotions(registration.conferenceId, promoted);
    return registration;
  }

  registrationsOf(conferenceId: string): Promise<RegistrationEntity[]> {
    return this.tenantDb.run((manager) =>
      manager
        .getRepository(RegistrationEntity)
        .find({ where: { conferenceId }, order: { createdAt: 'ASC' } }),
    );
  }

  async participants(registration: RegistrationEntity): Promise<Participant[]> {
    return this.tenantDb.run((manager) =>
      manager.query(
        'SELECT name, email, role, needs FROM registration_participant WHERE city_id = $1 AND registration_id = $2 ORDER BY position',
        [registration.cityId, registration.id],
      ),
    );
  }

  async waitlistPosition(registration: RegistrationEntity): Promise<number | null> {
    if (registration.status !== RegistrationStatus.WAITLISTED) return null;
    return this.tenantDb.run(async (manager) => {
      const [row] = (await manager.query('SELECT registration_waitlist_position($1) AS position', [
        registration.id,
      ])) as Array<{ position: number | null }>;
      return row.position;
    });
  }

  /** Rows for the organizers' CSV export. */
  async exportRows(
    actor: Actor,
    conferenceId: string,
  ): Promise<{ conference: ConferenceEntity; rows: string[][] }> {
    this.requireOrganizer(actor);
    const conference = await this.get(conferenceId);
    if (!conference) throw ConferenceException.notFound('id');
    const rows: Array<Record<string, string>> = await this.tenantDb.run((manager) =>
      manager.query(
        `SELECT c.name AS city, c.federal_state, r.status, to_char(r.created_at AT TIME ZONE 'Europe/Berlin', 'YYYY-MM-DD HH24:MI') AS registered,
                p.name, p.email, p.role, p.needs
           FROM registration r JOIN city c ON c.id = r.city_id
           JOIN registration_participant p ON p.city_id = r.city_id AND p.registration_id = r.id
          WHERE r.conference_id = $1 AND r.status <> 'CANCELLED'
          ORDER BY r.created_at, r.id, p.position`,
        [conference.id],
      ),
    );
    return {
      conference,
      rows: rows.map((row) => [
        row.city,
        row.federal_state,
        row.status,
        row.registered,
        row.name,
        row.email,
        row.role,
        row.needs,
      ]),
    };
  }

  /**
   * Conferences for a city's calendar feed: its region's, network-wide ones, and those it
   * registered for. An unknown city is a typed NOT_FOUND on `field` (an empty calendar
   * would look like a city without meetings).
   */
  async forCityCalendar(
    citySlug: string,
    field: string,
  ): Promise<{ citySlug: string; conferences: ConferenceEntity[] }> {
    const city = await this.cities.requireBySlug(citySlug, field);
    return { citySlug: city.slug, conferences: await this.calendarOf(city) };
  }

  private async calendarOf(city: CityEntity): Promise<ConferenceEntity[]> {
    const region = isFederalStateCode(city.federalState)
      ? FEDERAL_STATES[city.federalState as FederalStateCode].region
      : null;
    const ids: Array<{ id: string }> = await this.system.query(
      `SELECT c.id FROM conference c
        WHERE c.status <> 'CANCELLED' AND (
              c.kind = 'NETWORK_MEETING' OR c.region = $2 OR $3 = ANY (c.federal_states) OR c.host_city_id = $1
           OR EXISTS (SELECT 1 FROM registration r WHERE r.conference_id = c.id AND r.city_id = $1 AND r.status <> 'CANCELLED'))
        ORDER BY c.starts_at`,
      [city.id, region, city.federalState],
    );
    if (ids.length === 0) return [];
    return this.tenantDb.run((manager) =>
      manager
        .getRepository(ConferenceEntity)
        .createQueryBuilder('c')
        .where('c.id = ANY(:ids)', { ids: ids.map((row) => row.id) })
        .orderBy('c.starts_at')
        .getMany(),
    );
  }

  private async announcePromotions(conferenceId: string, registrationIds: string[]): Promise<void> {
    if (registrationIds.length === 0) return;
    const [conference] = (await this.system.query('SELECT title FROM conference WHERE id = $1', [
      conferenceId,
    ])) as Array<{ title: string }>;
    const rows: Array<{ city_id: string; slug: string }> = await this.system.query(
      'SELECT r.city_id, c.slug FROM registration r JOIN city c ON c.id = r.city_id WHERE r.id = ANY($1::uuid[])',
      [registrationIds],
    );
    for (const row of rows) {
      await this.notifications.notifyCities([row.city_id], null, {
        kind: 'REGISTRATION_CONFIRMED',
        title: `Platz frei: ${conference.title}`,
        body: `Ein Platz ist frei geworden: die Anmeldung Ihrer Stadt zu „${conference.title}“ ist jetzt bestätigt.`,
        link: `/konferenzen/${conferenceId}`,
      });
    }
  }

  /**
   * Takes the conference's row lock (through a function, because cities may not
   * update the conference row). Every seat change takes it first, before touching a
   * registration, so the changes of one conference queue up and cannot deadlock.
   */
  private async lockSeats(manager: EntityManager, conferenceId: string): Promise<boolean> {
    const [row] = (await manager.query('SELECT conference_seat_lock($1) AS found', [
      conferenceId,
    ])) as Array<{ found: boolean }>;
    return row.found;
  }

  /**
   * The seat rule, after every change that can free or take places: waitlisted
   * registrations are confirmed strictly in waitlist order while the next one fits
   * (none for a cancelled or held conference). Returns the registrations it confirmed.
   */
  private async fillSeats(manager: EntityManager, conferenceId: string): Promise<string[]> {
    const rows = (await manager.query('SELECT conference_fill_seats($1) AS id', [
      conferenceId,
    ])) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  private requireOrganizer(actor: Actor) {
    const signedIn = requireSignedIn(actor);
    if (!isOrganizer(signedIn))
      throw AuthException.forbidden('Only network organizers plan conferences');
    return signedIn;
  }

  private async lock(manager: EntityManager, id: string, field: string): Promise<ConferenceEntity> {
    const conference = isUuid(id)
      ? await manager
          .getRepository(ConferenceEntity)
          .createQueryBuilder('c')
          .where('c.id = :id', { id })
          .setLock('pessimistic_write')
          .getOne()
      : null;
    if (!conference) throw ConferenceException.notFound(field);
    return conference;
  }

  private async clean(
    input: ConferenceInput,
    current: ConferenceEntity | null,
  ): Promise<Partial<ConferenceEntity>> {
    const creating = current === null;
    const out: Partial<ConferenceEntity> = {};
    const required = <T>(value: T | undefined, field: string): T | undefined => {
      if (creating && (value === undefined || value === null))
        throw ConferenceException.invalid(`input.${field}`, `${field} is required`);
      return value;
    };
    const title = required(input.title, 'title');
    if (title !== undefined) {
      const trimmed = title.trim();
      if (trimmed.length < 3 || trimmed.length > 200)
        throw ConferenceException.invalid('input.title', 'title must have 3 to 200 characters');
      out.title = trimmed;
    }
    if (input.description !== undefined) out.description = input.description.trim().slice(0, 10000);
    const kind = required(input.kind, 'kind');
    if (kind !== undefined) out.kind = kind;
    const time = (value: string | null | undefined, field: string): Date | null | undefined => {
      if (value === undefined) return undefined;
      if (value === null || value === '') return null;
      const instant = berlinToUtc(value);
      if (!instant)
        throw ConferenceException.invalid(
          `input.${field}`,
          'not a valid Berlin time (YYYY-MM-DDTHH:mm)',
          ConferenceExceptionReason.INVALID_TIME,
        );
      return instant;
    };
    const startsAt = time(required(input.startsAt, 'startsAt'), 'startsAt');
    const endsAt = time(required(input.endsAt, 'endsAt'), 'endsAt');
    if (startsAt) out.startsAt = startsAt;
    if (endsAt) out.endsAt = endsAt;
    const start = out.startsAt ?? current?.startsAt;
    const end = out.endsAt ?? current?.endsAt;
    if (start && end && end <= start)
      throw ConferenceException.invalid('input.endsAt', 'the conference ends before it starts');
    const opens = time(input.registrationOpensAt, 'registrationOpensAt');
    const closes = time(input.registrationClosesAt, 'registrationClosesAt');
    if (opens !== undefined) out.registrationOpensAt = opens;
    if (closes !== undefined) out.registrationClosesAt = closes;
    const windowOpens =
      out.registrationOpensAt !== undefined
        ? out.registrationOpensAt
        : current?.registrationOpensAt;
    const windowCloses =
      out.registrationClosesAt !== undefined
        ? out.registrationClosesAt
        : current?.registrationClosesAt;
    if (windowOpens && windowCloses && windowCloses <= windowOpens)
      throw ConferenceException.invalid(
        'input.registrationClosesAt',
        'the registration closes before it opens',
      );
    if (windowCloses && end && windowCloses > end)
      throw ConferenceException.invalid(
        'input.registrationClosesAt',
        'registration must close before the conference ends',
      );
    const capacity = required(input.capacity, 'capacity');
    if (capacity !== undefined) {
      if (!Number.isInteger(capacity) || capacity < 1 || capacity > 5000)
        throw ConferenceException.invalid('input.capacity', 'capacity must be 1 to 5000');
      out.capacity = capacity;
    }
    if (input.region !== undefined) out.region = input.region;
    const effectiveKind = out.kind ?? current?.kind;
    const effectiveRegion = out.region !== undefined ? out.region : current?.region;
    if (effectiveKind === ConferenceKind.REGIONAL_CONFERENCE && !effectiveRegion)
      throw ConferenceException.invalid('input.region', 'a regional conference needs its region');
    if (input.federalStates !== undefined) {
      input.federalStates.forEach((state, index) => {
        if (!isFederalStateCode(state))
          throw ConferenceException.invalid(
            `input.federalStates.${index}`,
            `unknown federal state ${state}`,
          );
      });
      out.federalStates = [...new Set(input.federalStates)];
    } else if (creating && effectiveRegion) {
      out.federalStates = Object.entries(FEDERAL_STATES)
        .filter(([, state]) => state.region === effectiveRegion)
        .map(([code]) => code);
    }
    if (input.venue !== undefined) out.venue = input.venue?.trim() || null;
    if (input.onlineUrl !== undefined) {
      const url = input.onlineUrl?.trim() || null;
      if (url && !/^https:\/\//.test(url))
        throw ConferenceException.invalid('input.onlineUrl', 'an https address is needed');
      out.onlineUrl = url;
    }
    if (input.hostCitySlug !== undefined) {
      out.hostCityId = input.hostCitySlug
        ? (await this.cities.requireBySlug(input.hostCitySlug, 'input.hostCitySlug')).id
        : null;
    }
    return out;
  }

  /** New times for a conference must still hold its agenda (as a new session must lie inside it). */
  private async requireAgendaInside(
    manager: EntityManager,
    conferenceId: string,
    startsAt: Date,
    endsAt: Date,
  ): Promise<void> {
    const [row] = (await manager.query(
      `SELECT bool_or(starts_at < $2) AS before, bool_or(ends_at > $3) AS after
         FROM agenda_session WHERE conference_id = $1`,
      [conferenceId, startsAt, endsAt],
    )) as Array<{ before: boolean | null; after: boolean | null }>;
    if (row.before || row.after)
      throw ConferenceException.invalid(
        row.before ? 'input.startsAt' : 'input.endsAt',
        'agenda sessions would lie outside the conference',
        ConferenceExceptionReason.OUTSIDE_CONFERENCE,
      );
  }

  private async applySession(
    manager: EntityManager,
    conference: ConferenceEntity,
    session: AgendaSessionEntity,
    input: AgendaSessionInput,
    creating: boolean,
  ): Promise<void> {
    if (input.title !== undefined || creating) {
      const title = (input.title ?? '').trim();
      if (title.length < 2 || title.length > 200)
        throw ConferenceException.invalid('input.title', 'title must have 2 to 200 characters');
      session.title = title;
    }
    if (input.format !== undefined) session.format = input.format;
    else if (creating) session.format = AgendaFormat.TALK;
    for (const field of ['startsAt', 'endsAt'] as const) {
      const value = input[field];
      if (value === undefined) {
        if (creating) throw ConferenceException.invalid(`input.${field}`, `${field} is required`);
        continue;
      }
      const instant = berlinToUtc(value);
      if (!instant)
        throw ConferenceException.invalid(
          `input.${field}`,
          'not a valid Berlin time (YYYY-MM-DDTHH:mm)',
          ConferenceExceptionReason.INVALID_TIME,
        );
      session[field] = instant;
    }
    if (session.endsAt <= session.startsAt)
      throw ConferenceException.invalid('input.endsAt', 'the session ends before it starts');
    if (session.startsAt < conference.startsAt || session.endsAt > conference.endsAt) {
      throw ConferenceException.invalid(
        'input.startsAt',
        'the session lies outside the conference',
        ConferenceExceptionReason.OUTSIDE_CONFERENCE,
      );
    }
    if (input.room !== undefined) session.room = input.room.trim().slice(0, 120);
    else if (creating) session.room = '';
    if (input.speakers !== undefined) session.speakers = input.speakers.trim().slice(0, 1000);
    else if (creating) session.speakers = '';
    if (input.topicSlugs !== undefined)
      session.topicSlugs = [...new Set(input.topicSlugs)].slice(0, 10);
    else if (creating) session.topicSlugs = [];
    if (session.room) {
      const clash = await manager
        .getRepository(AgendaSessionEntity)
        .createQueryBuilder('s')
        .where('s.conference_id = :conference AND s.room = :room AND s.id IS DISTINCT FROM :id', {
          conference: conference.id,
          room: session.room,
          id: session.id ?? null,
        })
        .andWhere('s.starts_at < :end AND s.ends_at > :start', {
          start: session.startsAt,
          end: session.endsAt,
        })
        .getCount();
      if (clash > 0)
        throw ConferenceException.conflict(
          ConferenceExceptionReason.ROOM_TAKEN,
          'The room is taken at that time',
          'input.room',
        );
    }
  }
}

function cleanParticipants(
  input: Array<{ name: string; email: string; role?: string | null; needs?: string | null }>,
) {
  if (input.length < 1 || input.length > 50)
    throw ConferenceException.invalid('input.participants', 'register 1 to 50 participants');
  const seen = new Set<string>();
  return input.map((participant, index) => {
    const name = participant.name.trim();
    if (name.length < 2 || name.length > 120)
      throw ConferenceException.invalid(
        `input.participants.${index}.name`,
        'a name needs 2 to 120 characters',
      );
    const address = participant.email.trim().toLowerCase();
    if (!email.safeParse(address).success)
      throw ConferenceException.invalid(
        `input.participants.${index}.email`,
        'not an e-mail address',
      );
    if (seen.has(address))
      throw ConferenceException.invalid(
        `input.participants.${index}.email`,
        'this person is listed twice',
      );
    seen.add(address);
    return {
      name,
      email: address,
      role: (participant.role ?? '').trim().slice(0, 120),
      needs: (participant.needs ?? '').trim().slice(0, 500),
    };
  });
}
