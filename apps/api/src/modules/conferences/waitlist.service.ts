import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Permission, requireAccess } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { isUuid } from '../../core/validation/uuid';
import { AuditAction, AuditService } from '../audit/audit.service';
import { lockConference } from './conference-lock';
import {
  ConferenceStatus,
  RegistrationEntity,
  RegistrationStatus,
  type ConferenceEntity,
} from './conference.entity';
import { ConferenceException, ConferenceExceptionReason } from './conference.exception';
import { WaitlistDirection } from './dto/conference.enums';
import { requireRegistrationTransition } from './registration-lifecycle';
import { RegistrationService } from './registration.service';

/**
 * Organizers' hand on the waitlist: move a waiting registration up or down, or confirm
 * one now out of line, never beyond the capacity. Each change holds the conference
 * row lock like every seat change, is written to the audit log, and ends with the seat
 * rule (a registration moved to the head may fit now); promoted cities are told.
 */
@Injectable()
export class WaitlistService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly registrations: RegistrationService,
    private readonly audit: AuditService,
  ) {}

  async confirmNow(actor: Actor, registrationId: string): Promise<RegistrationEntity> {
    const organizer = requireAccess(actor, Permission.CONFERENCE_WAITLIST_MANAGE);
    return this.tenantDb.run(actor, async (manager) => {
      const { conference, registration } = await this.lockWaiting(manager, registrationId);
      requireRegistrationTransition(registration.status, RegistrationStatus.CONFIRMED);
      if (
        conference.status === ConferenceStatus.CANCELLED ||
        conference.status === ConferenceStatus.HELD
      )
        throw ConferenceException.conflict(
          ConferenceExceptionReason.REGISTRATION_CLOSED,
          'A cancelled or held conference confirms nobody',
          'id',
        );
      // confirmed_participants is exact here: the seat rule keeps it under this lock.
      const free = Math.max(0, conference.capacity - conference.confirmedParticipants);
      if (registration.participantCount > free)
        throw ConferenceException.conflict(
          ConferenceExceptionReason.CAPACITY_EXCEEDED,
          `Only ${free} places are free; raise the capacity first`,
          'id',
          { freePlaces: String(free) },
        );
      const position = await this.position(manager, registration.id);
      await manager
        .getRepository(RegistrationEntity)
        .update(
          { cityId: registration.cityId, id: registration.id },
          { status: RegistrationStatus.CONFIRMED },
        );
      await this.audit.record(manager, {
        actorUserId: organizer.userId,
        action: AuditAction.REGISTRATION_CONFIRMED_BY_HAND,
        cityId: registration.cityId,
        target: registration.id,
        details: { conferenceId: conference.id, waitlistPosition: position },
      });
      const promoted = await this.registrations.fillSeats(manager, conference.id);
      await this.registrations.announce(actor, manager, {
        conferenceId: conference.id,
        title: conference.title,
        promotions: [{ registrationId: registration.id, cityId: registration.cityId }, ...promoted],
      });
      return this.reread(manager, registration);
    });
  }

  async move(
    actor: Actor,
    registrationId: string,
    direction: WaitlistDirection,
  ): Promise<RegistrationEntity> {
    const organizer = requireAccess(actor, Permission.CONFERENCE_WAITLIST_MANAGE);
    return this.tenantDb.run(actor, async (manager) => {
      const { conference, registration } = await this.lockWaiting(manager, registrationId);
      if (registration.status !== RegistrationStatus.WAITLISTED)
        throw ConferenceException.conflict(
          ConferenceExceptionReason.INVALID_TRANSITION,
          'Only a waiting registration moves in the line',
          'id',
          { from: registration.status, to: RegistrationStatus.WAITLISTED },
        );
      const up = direction === WaitlistDirection.UP;
      const [neighbour] = (await manager.query(
        `SELECT city_id, id, queue_rank FROM registration
          WHERE conference_id = $1 AND status = 'WAITLISTED'
            AND (queue_rank, id) ${up ? '<' : '>'} ($2::bigint, $3::uuid)
          ORDER BY queue_rank ${up ? 'DESC' : 'ASC'}, id ${up ? 'DESC' : 'ASC'} LIMIT 1`,
        [conference.id, registration.queueRank, registration.id],
      )) as Array<{ city_id: string; id: string; queue_rank: string }>;
      if (!neighbour)
        throw ConferenceException.conflict(
          ConferenceExceptionReason.WAITLIST_EDGE,
          up ? 'Already first in line' : 'Already last in line',
          'direction',
        );
      const from = await this.position(manager, registration.id);
      // Swap the two ranks (distinct, so the order stays total).
      const setRank = 'UPDATE registration SET queue_rank = $3 WHERE city_id = $1 AND id = $2';
      await manager.query(setRank, [registration.cityId, registration.id, neighbour.queue_rank]);
      await manager.query(setRank, [neighbour.city_id, neighbour.id, registration.queueRank]);
      await this.audit.record(manager, {
        actorUserId: organizer.userId,
        action: AuditAction.WAITLIST_REORDERED,
        cityId: registration.cityId,
        target: registration.id,
        details: { conferenceId: conference.id, from, to: up ? from - 1 : from + 1 },
      });
      const promoted = await this.registrations.fillSeats(manager, conference.id);
      await this.registrations.announce(actor, manager, {
        conferenceId: conference.id,
        title: conference.title,
        promotions: promoted,
      });
      return this.reread(manager, registration);
    });
  }

  /** Finds the registration, takes its conference's lock, and reads it again under it. */
  private async lockWaiting(
    manager: EntityManager,
    registrationId: string,
  ): Promise<{ conference: ConferenceEntity; registration: RegistrationEntity }> {
    const repository = manager.getRepository(RegistrationEntity);
    const found = isUuid(registrationId)
      ? await repository.findOneBy({ id: registrationId })
      : null;
    if (!found)
      throw ConferenceException.notFound('id', ConferenceExceptionReason.REGISTRATION_NOT_FOUND);
    const conference = await lockConference(manager, found.conferenceId, 'id');
    const registration = await this.reread(manager, found);
    return { conference, registration };
  }

  private reread(
    manager: EntityManager,
    registration: Pick<RegistrationEntity, 'cityId' | 'id'>,
  ): Promise<RegistrationEntity> {
    return manager
      .getRepository(RegistrationEntity)
      .findOneByOrFail({ cityId: registration.cityId, id: registration.id });
  }

  private async position(manager: EntityManager, registrationId: string): Promise<number> {
    const [row] = (await manager.query('SELECT registration_waitlist_position($1) AS position', [
      registrationId,
    ])) as Array<{ position: number }>;
    return row.position;
  }
}
