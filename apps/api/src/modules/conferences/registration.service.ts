import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mayAccess, Permission, requireAccess } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { isUuid } from '../../core/validation/uuid';
import { CityService } from '../cities/city.service';
import { requireRegistrationTransition } from './registration-lifecycle';
import { NotificationKind } from '../notifications/dto/notification-message';
import { NotificationService } from '../notifications/notification.service';
import { cleanParticipants, registrationIsOpen, type Participant } from './conference-input';
import { ConferenceEntity, RegistrationEntity, RegistrationStatus } from './conference.entity';
import { ConferenceException, ConferenceExceptionReason } from './conference.exception';
import type { RegisterForConferenceInput } from './dto/conference.inputs';
import { decideSeats, validMinConfirmed } from './waitlist-offer';

/** A waitlisted registration the seat rule just confirmed, and its city. */
export interface Promotion {
  registrationId: string;
  cityId: string;
}

/** Promotions of one conference, to be told once the change is committed. */
export interface PromotionNotice {
  conferenceId: string;
  title: string;
  promotions: Promotion[];
}

/**
 * Cities' registrations for conferences: register, cancel, the waitlist and who is
 * registered. Places count people; one seat rule in PostgreSQL
 * (conference_fill_seats) confirms the waitlist strictly in order.
 */
@Injectable()
export class RegistrationService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly notifications: NotificationService,
  ) {}

  /**
   * A coordinator registers participants of their city. A new registration joins the
   * end of the waitlist and the seat rule confirms it if it is first in line and fits.
   * With minConfirmed (an accepted offer) a registration that does not fit while nobody
   * waits is split: the free places for the first participants, the rest waits; the
   * decision is decideSeats, taken here under the lock, so a stale offer is refused.
   * The conference row lock, taken first, serialises simultaneous registrations: the
   * waitlist order is the lock order.
   */
  async register(actor: Actor, input: RegisterForConferenceInput): Promise<RegistrationEntity> {
    const city = await this.cities.requireBySlug(input.citySlug, 'input.citySlug');
    const coordinator = requireAccess(actor, Permission.CONFERENCE_REGISTER, { cityId: city.id });
    const participants = cleanParticipants(input.participants);
    const minConfirmed = input.minConfirmed ?? null;
    if (minConfirmed !== null && !validMinConfirmed(minConfirmed, participants.length))
      throw ConferenceException.invalid(
        'input.minConfirmed',
        'Between 1 and one less than the participants',
      );
    const registration = await this.tenantDb.run(actor, async (manager) => {
      if (!isUuid(input.conferenceId) || !(await this.lockSeats(manager, input.conferenceId)))
        throw ConferenceException.notFound('input.conferenceId');
      // Read after the lock: the status an organizer may just have changed.
      const conference = await manager
        .getRepository(ConferenceEntity)
        .findOneByOrFail({ id: input.conferenceId });
      if (!registrationIsOpen(conference, new Date()))
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
          { conference: conference.id, city: city.id },
        )
        .getCount();
      if (existing > 0) throw alreadyRegistered();
      const decision = decideSeats(conference, participants.length, minConfirmed);
      if (decision.kind === 'STALE')
        throw ConferenceException.conflict(
          ConferenceExceptionReason.SEATS_TAKEN,
          `Only ${decision.freePlaces} places are free now`,
          'input.minConfirmed',
          { freePlaces: String(decision.freePlaces) },
        );
      // A split: the first participants get the free places, the rest queues behind
      // everyone (it is inserted last, so its rank is the end of the line).
      const parts =
        decision.kind === 'SPLIT'
          ? [participants.slice(0, decision.confirmed), participants.slice(decision.confirmed)]
          : [participants];
      const registration = await this.insert(
        manager,
        city.id,
        conference.id,
        coordinator,
        parts[0],
        false,
      );
      if (parts[1]) await this.insert(manager, city.id, conference.id, coordinator, parts[1], true);
      const promoted = await this.fillSeats(manager, conference.id);
      await this.announce(actor, manager, {
        conferenceId: conference.id,
        title: conference.title,
        // Others only if places had been left empty (data from before the seat rule).
        promotions: promoted.filter((p) => p.cityId !== city.id),
      });
      const repository = manager.getRepository(RegistrationEntity);
      return repository.findOneByOrFail({ cityId: city.id, id: registration.id });
    });
    return registration;
  }

  /** Cancels; freed places go to the waitlist in order, and those cities hear of it. */
  async cancel(actor: Actor, registrationId: string): Promise<RegistrationEntity> {
    const registration = await this.tenantDb.run(actor, async (manager) => {
      const repository = manager.getRepository(RegistrationEntity);
      // Another city's registration is not even found (row-level security).
      const found = isUuid(registrationId)
        ? await repository.findOneBy({ id: registrationId })
        : null;
      if (!found)
        throw ConferenceException.notFound('id', ConferenceExceptionReason.REGISTRATION_NOT_FOUND);
      requireAccess(actor, Permission.CONFERENCE_REGISTER, { cityId: found.cityId });
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
      const conference = await manager
        .getRepository(ConferenceEntity)
        .findOneByOrFail({ id: current.conferenceId });
      // Also when a waitlisted one leaves: the next in line may fit now.
      const promotions = await this.fillSeats(manager, current.conferenceId);
      await this.announce(actor, manager, {
        conferenceId: conference.id,
        title: conference.title,
        promotions,
      });
      return current;
    });
    return registration;
  }

  /** A conference's registrations the caller may see: organizers all, a city its own. */
  /**
   * A city's registrations for conferences that have not ended, cancelled ones left out,
   * soonest first: for the city's members and organizers.
   */
  async ofCityUpcoming(actor: Actor, cityId: string): Promise<RegistrationEntity[]> {
    requireAccess(actor, Permission.CONFERENCE_PARTICIPANTS_READ, { cityId });
    return this.tenantDb.run(actor, (manager) =>
      manager
        .getRepository(RegistrationEntity)
        .createQueryBuilder('registration')
        .innerJoin(ConferenceEntity, 'conference', 'conference.id = registration.conference_id')
        .where('registration.city_id = :cityId', { cityId })
        .andWhere('registration.status <> :cancelled', {
          cancelled: RegistrationStatus.CANCELLED,
        })
        .andWhere('conference.ends_at >= now()')
        .orderBy('conference.starts_at', 'ASC')
        .getMany(),
    );
  }

  ofConference(actor: Actor, conferenceId: string): Promise<RegistrationEntity[]> {
    return this.tenantDb.run(actor, (manager) =>
      manager
        .getRepository(RegistrationEntity)
        .find({ where: { conferenceId }, order: { queueRank: 'ASC', id: 'ASC' } }),
    );
  }

  /** The people registered: personal data for the registering city and organizers only. */
  async participants(
    actor: Actor,
    registration: Pick<RegistrationEntity, 'cityId' | 'id'>,
  ): Promise<Participant[]> {
    if (!mayAccess(actor, Permission.CONFERENCE_PARTICIPANTS_READ, { cityId: registration.cityId }))
      return [];
    return this.tenantDb.run(actor, (manager) =>
      manager.query(
        'SELECT name, email, role, needs FROM registration_participant WHERE city_id = $1 AND registration_id = $2 ORDER BY position',
        [registration.cityId, registration.id],
      ),
    );
  }

  /** 1 = next in line; null unless waitlisted. */
  async waitlistPosition(
    actor: Actor,
    registration: Pick<RegistrationEntity, 'id' | 'status'>,
  ): Promise<number | null> {
    if (registration.status !== RegistrationStatus.WAITLISTED) return null;
    return this.tenantDb.run(actor, async (manager) => {
      const [row] = (await manager.query('SELECT registration_waitlist_position($1) AS position', [
        registration.id,
      ])) as Array<{ position: number | null }>;
      return row.position;
    });
  }

  /**
   * The seat rule, after every change that can free or take places: waitlisted
   * registrations are confirmed strictly in waitlist order while the next one fits
   * (none for a cancelled or held conference). Answers whom it confirmed, with their
   * cities, which the caller could not read otherwise (they are other cities' rows).
   */
  async fillSeats(manager: EntityManager, conferenceId: string): Promise<Promotion[]> {
    const rows = (await manager.query(
      'SELECT registration_id, city_id FROM conference_fill_seats($1)',
      [conferenceId],
    )) as Array<{ registration_id: string; city_id: string }>;
    return rows.map((row) => ({ registrationId: row.registration_id, cityId: row.city_id }));
  }

  /**
   * Tells the promoted cities, inside the transaction that promoted them: the
   * notification is an outbox row that exists exactly when the promotion commits.
   */
  async announce(actor: Actor, manager: EntityManager, notice: PromotionNotice): Promise<void> {
    for (const promotion of notice.promotions) {
      await this.notifications.notifyCities(actor, manager, [promotion.cityId], null, {
        kind: NotificationKind.REGISTRATION_CONFIRMED,
        title: `Platz frei: ${notice.title}`,
        body: `Ein Platz ist frei geworden: die Anmeldung Ihrer Stadt zu „${notice.title}“ ist jetzt bestätigt.`,
        link: `/konferenzen/${notice.conferenceId}`,
        subject: notice.title,
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

  /** One registration row (waiting; the seat rule confirms it) with its participants. */
  private async insert(
    manager: EntityManager,
    cityId: string,
    conferenceId: string,
    coordinator: { userId: string },
    participants: Participant[],
    splitRest: boolean,
  ): Promise<RegistrationEntity> {
    const repository = manager.getRepository(RegistrationEntity);
    const registration = repository.create({
      cityId,
      conferenceId,
      status: RegistrationStatus.WAITLISTED,
      participantCount: participants.length,
      registeredBy: coordinator.userId,
      splitRest,
    });
    try {
      await repository.insert(registration);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw alreadyRegistered();
      throw error;
    }
    await this.insertParticipants(manager, cityId, registration.id, participants);
    return registration;
  }

  private async insertParticipants(
    manager: EntityManager,
    cityId: string,
    registrationId: string,
    participants: Participant[],
  ): Promise<void> {
    await manager.query(
      `INSERT INTO registration_participant (city_id, registration_id, position, name, email, role, needs)
       SELECT $1, $2, r.position, r.name, r.email, r.role, r.needs
         FROM jsonb_to_recordset($3::jsonb) AS r(position int, name text, email text, role text, needs text)`,
      [
        cityId,
        registrationId,
        JSON.stringify(participants.map((p, index) => ({ position: index + 1, ...p }))),
      ],
    );
  }
}

function alreadyRegistered(): ConferenceException {
  return ConferenceException.conflict(
    ConferenceExceptionReason.ALREADY_REGISTERED,
    'This city is already registered',
    'input.citySlug',
  );
}
