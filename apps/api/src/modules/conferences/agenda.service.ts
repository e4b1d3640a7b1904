import { formatSessionTime } from '@wissensnetz/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Permission, requireAccess } from '../../core/auth/access';
import { byKeys, type GraphQLContext } from '../../core/graphql/loaders';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { utcToBerlin } from '../../core/time/berlin-time';
import { isUuid } from '../../core/validation/uuid';
import { cleanSession, type SessionValues } from './conference-input';
import { lockConference } from './conference-lock';
import { AgendaSessionEntity, type ConferenceEntity } from './conference.entity';
import { ConferenceException, ConferenceExceptionReason } from './conference.exception';
import { ConferenceRecordService } from './conference-record.service';
import type { AgendaSessionInput, UpdateAgendaSessionInput } from './dto/conference.inputs';

/** A conference's agenda: sessions inside its time, no room booked twice. Organizers plan it. */
@Injectable()
export class AgendaService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly records: ConferenceRecordService,
  ) {}

  /** The agenda of a conference, batched per request for the actor of that request. */
  ofConference(
    actor: Actor,
    ctx: GraphQLContext,
    conferenceId: string,
  ): Promise<AgendaSessionEntity[]> {
    return ctx.loaders
      .get('agendaOf', (ids: readonly string[]) =>
        this.tenantDb.run(actor, async (manager) => {
          const rows = await manager
            .getRepository(AgendaSessionEntity)
            .createQueryBuilder('session')
            .where('session.conference_id = ANY(:ids)', { ids: [...ids] })
            .orderBy('session.starts_at')
            .addOrderBy('session.room')
            .getMany();
          return byKeys(
            ids,
            rows,
            (row) => row.conferenceId,
            (found) => found,
          );
        }),
      )
      .load(conferenceId);
  }

  async add(actor: Actor, input: AgendaSessionInput): Promise<AgendaSessionEntity> {
    requireAccess(actor, Permission.CONFERENCE_PLAN);
    return this.tenantDb.run(actor, async (manager) => {
      const conference = await lockConference(
        manager,
        input.conferenceId ?? '',
        'input.conferenceId',
      );
      const repository = manager.getRepository(AgendaSessionEntity);
      const session = repository.create({
        conferenceId: conference.id,
        ...(await this.checked(manager, conference, null, input)),
      });
      await repository.insert(session);
      await touchCalendar(manager, conference.id);
      return session;
    });
  }

  async update(actor: Actor, input: UpdateAgendaSessionInput): Promise<AgendaSessionEntity> {
    requireAccess(actor, Permission.CONFERENCE_PLAN);
    return this.tenantDb.run(actor, async (manager) => {
      const session = await this.find(manager, input.id, 'input.id');
      const conference = await lockConference(manager, session.conferenceId, 'input.id');
      Object.assign(session, await this.checked(manager, conference, session, input));
      await manager.getRepository(AgendaSessionEntity).save(session);
      await touchCalendar(manager, conference.id);
      // A record's search document carries its session's title.
      await this.records.refreshSearch(manager, conference.id, session.id);
      return session;
    });
  }

  async remove(actor: Actor, id: string): Promise<boolean> {
    requireAccess(actor, Permission.CONFERENCE_PLAN);
    return this.tenantDb.run(actor, async (manager) => {
      const session = await this.find(manager, id, 'id');
      // The session's records go with it (foreign key): their documents must leave the index.
      await this.records.refreshSearch(manager, session.conferenceId, session.id);
      await manager
        .getRepository(AgendaSessionEntity)
        .delete({ conferenceId: session.conferenceId, id: session.id });
      await touchCalendar(manager, session.conferenceId);
      return true;
    });
  }

  /** New times for a conference must still hold its agenda (as a new session must lie inside it). */
  async requireInside(
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

  private async find(manager: EntityManager, id: string, field: string) {
    const session = isUuid(id)
      ? await manager.getRepository(AgendaSessionEntity).findOneBy({ id })
      : null;
    if (!session)
      throw ConferenceException.notFound(field, ConferenceExceptionReason.SESSION_NOT_FOUND);
    return session;
  }

  /** The cleaned session values, once its room is known to be free at that time. */
  private async checked(
    manager: EntityManager,
    conference: ConferenceEntity,
    session: AgendaSessionEntity | null,
    input: AgendaSessionInput,
  ): Promise<SessionValues> {
    const values = cleanSession(input, session, conference);
    if (values.room) {
      const clash = await manager
        .getRepository(AgendaSessionEntity)
        .createQueryBuilder('s')
        .where('s.conference_id = :conference AND s.room = :room AND s.id IS DISTINCT FROM :id', {
          conference: conference.id,
          room: values.room,
          id: session?.id ?? null,
        })
        .andWhere('s.starts_at < :end AND s.ends_at > :start', {
          start: values.startsAt,
          end: values.endsAt,
        })
        .orderBy('s.starts_at')
        .getOne();
      if (clash) {
        // Names the session that holds the room, so the organizer knows what to move.
        const startsAtLocal = utcToBerlin(clash.startsAt);
        const endsAtLocal = utcToBerlin(clash.endsAt);
        throw ConferenceException.conflict(
          ConferenceExceptionReason.ROOM_TAKEN,
          `The room is taken by "${clash.title}" (${formatSessionTime(startsAtLocal, endsAtLocal, 'en')})`,
          'input.room',
          { sessionId: clash.id, sessionTitle: clash.title, startsAtLocal, endsAtLocal },
        );
      }
    }
    return values;
  }
}

/**
 * The agenda is part of the conference's calendar event (its description): every change
 * raises the SEQUENCE, so subscribed calendars take the new version of the same UID.
 */
async function touchCalendar(manager: EntityManager, conferenceId: string): Promise<void> {
  await manager.query(
    `UPDATE conference SET ics_sequence = ics_sequence + 1, updated_at = now() WHERE id = $1`,
    [conferenceId],
  );
}
