import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mayAccess, Permission, requireAccess, requireSignedIn } from '../../core/auth/access';
import { ANONYMOUS, type Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { highlightToHtml } from '../../search/highlight';
import { SEARCH_INDEX, type SearchIndex } from '../../search/search-index';
import { SearchOutbox } from '../../search/search-outbox';
import { AuditAction, AuditService } from '../audit/audit.service';
import { CityService } from '../cities/city.service';
import {
  ConferenceRecordEntity,
  FollowUpActionEntity,
  FollowUpStatus,
  RecordStatus,
} from './conference-record.entity';
import { ConferenceEntity } from './conference.entity';
import { ConferenceException, ConferenceExceptionReason } from './conference.exception';
import { requireRecordTransition } from './record-lifecycle';
import { RECORDS_INDEX } from './record-search.source';
import { cleanFollowUpDueOn, cleanFollowUpWhat, cleanRecord } from './record-input';
import { isUuid } from '../../core/validation/uuid';
import { byKeys, type GraphQLContext } from '../../core/graphql/loaders';

export interface PublicRecordEntry {
  record: ConferenceRecordEntity;
  conferenceTitle: string;
  /** '' for a record of the whole conference. */
  sessionTitle: string;
}

export interface RecordHit {
  record: ConferenceRecordEntity;
  conferenceTitle: string;
  snippetHtml: string;
}

function stale(current: number): ConferenceException {
  return ConferenceException.conflict(
    ConferenceExceptionReason.STALE_REVISION,
    'Someone saved this record in the meantime; reload and apply your changes again',
    'input.expectedRevision',
    { current: String(current) },
  );
}

@Injectable()
export class ConferenceRecordService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly audit: AuditService,
    private readonly outbox: SearchOutbox,
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
  ) {}

  /**
   * Queues the search documents of a conference's records (or of one session's) for
   * a refresh, in the caller's transaction: a record's document carries the
   * conference's title, kind and start and the session's title, so every change to
   * those (and removing the session, whose records go with it) must reach the index.
   * Call it before a delete, while the records can still be found.
   */
  async refreshSearch(
    manager: EntityManager,
    conferenceId: string,
    agendaSessionId: string | null = null,
  ): Promise<void> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM conference_record
        WHERE conference_id = $1 AND ($2::uuid IS NULL OR agenda_session_id = $2::uuid)`,
      [conferenceId, agendaSessionId],
    );
    await this.outbox.enqueue(
      manager,
      RECORDS_INDEX,
      rows.map((row) => row.id),
    );
  }

  /**
   * A conference's records: all for members of the network, the final public ones for
   * anyone else (also without an account; row-level security says the same).
   */
  async recordsOf(actor: Actor, conferenceId: string): Promise<ConferenceRecordEntity[]> {
    const member = mayAccess(actor, Permission.RECORD_READ);
    return this.tenantDb.run(actor, (manager) =>
      manager.getRepository(ConferenceRecordEntity).find({
        where: member
          ? { conferenceId }
          : { conferenceId, public: true, status: RecordStatus.FINAL },
        order: { updatedAt: 'ASC' },
      }),
    );
  }

  /**
   * Makes a final record public (readable by anyone, listed in the records feed) or takes
   * that back. A draft cannot be public: CONFLICT / RECORD_NOT_FINAL.
   */
  async setPublic(actor: Actor, id: string, isPublic: boolean): Promise<ConferenceRecordEntity> {
    requireAccess(actor, Permission.RECORD_PUBLISH);
    return this.tenantDb.run(actor, async (manager) => {
      const repository = manager.getRepository(ConferenceRecordEntity);
      const record = isUuid(id)
        ? await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!record) throw ConferenceException.notFound('id');
      if (record.status !== RecordStatus.FINAL)
        throw ConferenceException.conflict(
          ConferenceExceptionReason.RECORD_NOT_FINAL,
          'Only a final record can be public',
          'id',
          { status: record.status },
        );
      if (record.public === isPublic) return record;
      record.public = isPublic;
      record.publishedAt = isPublic ? new Date() : null;
      await repository.save(record);
      await this.outbox.enqueue(manager, RECORDS_INDEX, [record.id]);
      return record;
    });
  }

  /** The newest public final records with their conference's and session's title, as anyone sees them. */
  async newestPublic(limit: number): Promise<PublicRecordEntry[]> {
    return this.tenantDb.run(ANONYMOUS, async (manager) => {
      const records = await manager
        .getRepository(ConferenceRecordEntity)
        .createQueryBuilder('r')
        .where('r.public')
        .andWhere(`r.status = 'FINAL'`)
        .orderBy('r.published_at', 'DESC')
        .addOrderBy('r.id')
        .limit(limit)
        .getMany();
      const titles = (await manager.query(
        `SELECT r.id, c.title AS conference_title, coalesce(s.title, '') AS session_title
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS r (id, conference_id, session_id)
           JOIN conference c ON c.id = r.conference_id
           LEFT JOIN agenda_session s ON s.conference_id = r.conference_id AND s.id = r.session_id`,
        [
          records.map((record) => record.id),
          records.map((record) => record.conferenceId),
          records.map((record) => record.agendaSessionId),
        ],
      )) as Array<{ id: string; conference_title: string; session_title: string }>;
      const titleOf = new Map(titles.map((row) => [row.id, row]));
      return records.map((record) => ({
        record,
        conferenceTitle: titleOf.get(record.id)?.conference_title ?? '',
        sessionTitle: titleOf.get(record.id)?.session_title ?? '',
      }));
    });
  }

  /** Creates or updates the record of a conference (or of one agenda session). */
  async save(
    actor: Actor,
    input: {
      conferenceId: string;
      agendaSessionId?: string | null;
      minutes?: string | null;
      decisions?: string | null;
      outcomes?: string | null;
      practiceIds?: string[] | null;
      expectedRevision?: number | null;
    },
  ): Promise<ConferenceRecordEntity> {
    const organizer = requireAccess(actor, Permission.RECORD_DRAFT);
    if (!isUuid(input.conferenceId)) throw ConferenceException.notFound('input.conferenceId');
    const { texts, practiceIds } = cleanRecord(input);
    return this.tenantDb.run(actor, async (manager) => {
      const conference = await manager
        .getRepository(ConferenceEntity)
        .findOneBy({ id: input.conferenceId });
      if (!conference) throw ConferenceException.notFound('input.conferenceId');
      const repository = manager.getRepository(ConferenceRecordEntity);
      const scope = input.agendaSessionId ?? null;
      let record = await repository
        .createQueryBuilder('r')
        .where('r.conference_id = :conference', { conference: conference.id })
        .andWhere(scope === null ? 'r.agenda_session_id IS NULL' : 'r.agenda_session_id = :scope', {
          scope,
        })
        .setLock('pessimistic_write')
        .getOne();
      // Nothing is overwritten unseen: a change to an existing record names the
      // revision it started from (the row is locked, so two saves queue up).
      if (record && input.expectedRevision !== record.revision) throw stale(record.revision);
      const wasFinal = record?.status === RecordStatus.FINAL;
      if (wasFinal) requireAccess(actor, Permission.RECORD_CHANGE_FINAL);
      record ??= repository.create({ conferenceId: conference.id, agendaSessionId: scope });
      Object.assign(record, texts);
      // null or left out: the links stay as they are.
      if (practiceIds !== null)
        record.practiceIds = await this.linkablePractices(
          manager,
          practiceIds,
          record.practiceIds ?? [],
        );
      record.revision = (record.revision ?? 0) + 1;
      record.updatedBy = organizer.userId;
      record.updatedAt = new Date();
      try {
        record = await repository.save(record);
      } catch (error) {
        if ((error as { code?: string }).code === '23503')
          throw ConferenceException.invalid(
            'input.agendaSessionId',
            'no such session in this conference',
          );
        // Two organizers created the same record at once: the second one sees the first's.
        if ((error as { code?: string }).code === '23505') throw stale(1);
        throw error;
      }
      if (wasFinal) {
        // A final record changed: keep the trace, and refresh the search index.
        await this.audit.record(manager, {
          actorUserId: organizer.userId,
          action: AuditAction.RECORD_CHANGED_AFTER_FINAL,
          target: record.id,
        });
        await this.outbox.enqueue(manager, RECORDS_INDEX, [record.id]);
      }
      return record;
    });
  }

  /**
   * The new list of linked practices: every given id must be a practice the organizer
   * can see (else PRACTICE_NOT_FOUND). Links to practices hidden from them (a city's own
   * ones, linked by an organizer who is a member there) were not shown to them, so they
   * cannot have meant to remove them: those stay.
   */
  private async linkablePractices(
    manager: EntityManager,
    given: string[],
    existing: string[],
  ): Promise<string[]> {
    const wanted = [...new Set(given)];
    const visible = new Set(
      (
        (await manager.query('SELECT id FROM practice WHERE id = ANY($1::uuid[])', [
          [...new Set([...wanted, ...existing])],
        ])) as Array<{ id: string }>
      ).map((row) => row.id),
    );
    if (wanted.some((id) => !visible.has(id)))
      throw ConferenceException.notFound(
        'input.practiceIds',
        ConferenceExceptionReason.PRACTICE_NOT_FOUND,
      );
    return [...wanted, ...existing.filter((id) => !visible.has(id) && !wanted.includes(id))];
  }

  async finalize(actor: Actor, id: string): Promise<ConferenceRecordEntity> {
    requireAccess(actor, Permission.RECORD_FINALIZE);
    return this.tenantDb.run(actor, async (manager) => {
      const record = isUuid(id)
        ? await manager.getRepository(ConferenceRecordEntity).findOneBy({ id })
        : null;
      if (!record)
        throw ConferenceException.notFound('id', ConferenceExceptionReason.CONFERENCE_NOT_FOUND);
      requireRecordTransition(record.status, RecordStatus.FINAL);
      record.status = RecordStatus.FINAL;
      record.revision += 1;
      record.finalizedAt = new Date();
      await manager.getRepository(ConferenceRecordEntity).save(record);
      await this.outbox.enqueue(manager, RECORDS_INDEX, [record.id]);
      return record;
    });
  }

  async addFollowUp(
    actor: Actor,
    input: {
      recordId: string;
      what: string;
      responsibleCitySlug?: string | null;
      dueOn?: string | null;
    },
  ): Promise<FollowUpActionEntity> {
    requireAccess(actor, Permission.FOLLOW_UP_PLAN);
    const what = cleanFollowUpWhat(input.what);
    const dueOn = cleanFollowUpDueOn(input.dueOn);
    const city = input.responsibleCitySlug
      ? await this.cities.requireBySlug(input.responsibleCitySlug, 'input.responsibleCitySlug')
      : null;
    return this.tenantDb.run(actor, async (manager) => {
      const record = isUuid(input.recordId)
        ? await manager.getRepository(ConferenceRecordEntity).findOneBy({ id: input.recordId })
        : null;
      if (!record) throw ConferenceException.notFound('input.recordId');
      const repository = manager.getRepository(FollowUpActionEntity);
      return repository.save(
        repository.create({
          recordId: record.id,
          what,
          responsibleCityId: city?.id ?? null,
          dueOn,
        }),
      );
    });
  }

  /** Organizers change anything; the responsible city's coordinators mark it open or done. */
  async updateFollowUp(
    actor: Actor,
    input: {
      id: string;
      status?: FollowUpStatus | null;
      what?: string | null;
      dueOn?: string | null;
    },
  ): Promise<FollowUpActionEntity> {
    requireSignedIn(actor);
    return this.tenantDb.run(actor, async (manager) => {
      const action = isUuid(input.id)
        ? await manager.getRepository(FollowUpActionEntity).findOneBy({ id: input.id })
        : null;
      if (!action) throw ConferenceException.notFound('input.id');
      requireAccess(actor, Permission.FOLLOW_UP_STATUS, {
        responsibleCityId: action.responsibleCityId,
      });
      if (input.what != null || input.dueOn != null)
        requireAccess(actor, Permission.FOLLOW_UP_PLAN);
      const what = input.what != null ? cleanFollowUpWhat(input.what) : undefined;
      const dueOn = input.dueOn != null ? cleanFollowUpDueOn(input.dueOn) : undefined;
      if (input.status) {
        action.status = input.status;
        action.doneAt = input.status === FollowUpStatus.DONE ? new Date() : null;
      }
      if (what !== undefined) action.what = what;
      if (dueOn !== undefined) action.dueOn = dueOn;
      return manager.getRepository(FollowUpActionEntity).save(action);
    });
  }

  async followUps(
    actor: Actor,
    filter: { citySlug?: string | null; status?: FollowUpStatus | null },
  ): Promise<FollowUpActionEntity[]> {
    requireSignedIn(actor);
    const city = filter.citySlug
      ? await this.cities.requireBySlug(filter.citySlug, 'filter.citySlug')
      : null;
    // What row-level security would show a signed-in caller outside the network: nothing.
    if (!mayAccess(actor, Permission.RECORD_READ)) return [];
    return this.tenantDb.run(actor, (manager) => {
      const query = manager.getRepository(FollowUpActionEntity).createQueryBuilder('a');
      if (city) query.andWhere('a.responsible_city_id = :city', { city: city.id });
      if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
      return query.orderBy('a.due_on', 'ASC', 'NULLS LAST').addOrderBy('a.created_at').getMany();
    });
  }

  /**
   * The follow-up actions of each record, batched per request (one statement for all
   * records) for the actor of that request.
   */
  followUpsOf(
    actor: Actor,
    ctx: GraphQLContext,
    recordId: string,
  ): Promise<FollowUpActionEntity[]> {
    return ctx.loaders
      .get('followUpsOfRecord', async (recordIds: readonly string[]) => {
        const rows = await this.tenantDb.run(actor, (manager) =>
          manager
            .getRepository(FollowUpActionEntity)
            .createQueryBuilder('a')
            .where('a.record_id = ANY(:ids::uuid[])', { ids: [...recordIds] })
            .orderBy('a.due_on', 'ASC', 'NULLS LAST')
            .addOrderBy('a.created_at')
            .getMany(),
        );
        return byKeys(
          recordIds,
          rows,
          (row) => row.recordId,
          (found) => found,
        );
      })
      .load(recordId);
  }

  /** The search index of final records (for the one search box). */
  readonly searchIndex = RECORDS_INDEX;

  /**
   * Final records found by the one search box, read through row-level security: every
   * final one for members of the network, only the public ones for anyone else.
   */
  async finalByIds(actor: Actor, ids: string[]): Promise<ConferenceRecordEntity[]> {
    if (ids.length === 0) return [];
    const member = mayAccess(actor, Permission.RECORD_READ);
    return this.tenantDb.run(actor, (manager) => {
      const query = manager
        .getRepository(ConferenceRecordEntity)
        .createQueryBuilder('r')
        .where('r.id = ANY(:ids::uuid[])', { ids })
        .andWhere(`r.status = 'FINAL'`);
      if (!member) query.andWhere('r.public');
      return query.getMany();
    });
  }

  /** The engine filter of the records index for this caller ('' for everything final). */
  searchScope(actor: Actor): string {
    return mayAccess(actor, Permission.RECORD_READ) ? '' : 'public = true';
  }

  /** Full-text search over final records, for members of the network. */
  async searchRecords(actor: Actor, query: string, first: number): Promise<RecordHit[]> {
    requireAccess(actor, Permission.RECORD_READ);
    if (query.length > 200)
      throw ConferenceException.invalid('query', 'the search text is too long');
    const response = await this.search.search(RECORDS_INDEX, {
      query: query.trim(),
      offset: 0,
      limit: Math.min(Math.max(first, 1), 50),
      highlight: ['decisions'],
    });
    const ids = response.hits.map((hit) => hit.document.id);
    if (ids.length === 0) return [];
    const records = await this.tenantDb.run(actor, (manager) =>
      manager
        .getRepository(ConferenceRecordEntity)
        .createQueryBuilder('r')
        .where('r.id = ANY(:ids)', { ids })
        .getMany(),
    );
    const byId = new Map(records.map((record) => [record.id, record]));
    return response.hits.flatMap((hit) => {
      const record = byId.get(hit.document.id);
      if (!record) return [];
      return [
        {
          record,
          conferenceTitle: String(hit.document.conferenceTitle),
          snippetHtml: highlightToHtml(hit.highlighted.decisions ?? record.decisions),
        },
      ];
    });
  }
}
