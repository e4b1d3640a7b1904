import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { requireSignedIn } from '../../core/auth/access';
import { AuthException } from '../../core/auth/auth.exception';
import {
  coordinatorCityIds,
  isOrganizer,
  memberCityIds,
  type Actor,
} from '../../core/tenancy/actor';
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
import { isUuid } from '../../core/validation/uuid';
import { byKeys, type GraphQLContext } from '../../core/graphql/loaders';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

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

/** More would not be read; the web links a handful per record. */
const MAX_LINKED_PRACTICES = 50;

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

  recordsOf(conferenceId: string): Promise<ConferenceRecordEntity[]> {
    return this.tenantDb.run((manager) =>
      manager
        .getRepository(ConferenceRecordEntity)
        .find({ where: { conferenceId }, order: { updatedAt: 'ASC' } }),
    );
  }

  /** Creates or updates the record of a conference (or of one agenda session). */
  async save(
    actor: Actor,
    input: {
      conferenceId: string;
      agendaSessionId?: string | null;
      minutes?: string;
      decisions?: string;
      outcomes?: string;
      practiceIds?: string[] | null;
      expectedRevision?: number | null;
    },
  ): Promise<ConferenceRecordEntity> {
    const organizer = requireSignedIn(actor);
    if (!isOrganizer(organizer)) throw AuthException.forbidden('Organizers keep the records');
    if (!isUuid(input.conferenceId)) throw ConferenceException.notFound('input.conferenceId');
    for (const [field, max] of [
      ['minutes', 100000],
      ['decisions', 20000],
      ['outcomes', 20000],
    ] as const) {
      if ((input[field]?.length ?? 0) > max)
        throw ConferenceException.invalid(`input.${field}`, `${field} is too long`);
    }
    if ((input.practiceIds?.length ?? 0) > MAX_LINKED_PRACTICES)
      throw ConferenceException.invalid(
        'input.practiceIds',
        `at most ${MAX_LINKED_PRACTICES} practices per record`,
      );
    const badId = input.practiceIds?.find((id) => !isUuid(id));
    if (badId !== undefined)
      throw ConferenceException.notFound(
        'input.practiceIds',
        ConferenceExceptionReason.PRACTICE_NOT_FOUND,
      );
    return this.tenantDb.run(async (manager) => {
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
      record ??= repository.create({ conferenceId: conference.id, agendaSessionId: scope });
      for (const field of ['minutes', 'decisions', 'outcomes'] as const)
        if (input[field] !== undefined) record[field] = input[field]!.trim();
      // null or left out: the links stay as they are.
      if (input.practiceIds != null)
        record.practiceIds = await this.linkablePractices(
          manager,
          input.practiceIds,
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
    const organizer = requireSignedIn(actor);
    if (!isOrganizer(organizer)) throw AuthException.forbidden('Organizers keep the records');
    return this.tenantDb.run(async (manager) => {
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
    const organizer = requireSignedIn(actor);
    if (!isOrganizer(organizer)) throw AuthException.forbidden('Organizers plan follow-up actions');
    const what = input.what.trim();
    if (what.length < 3 || what.length > 1000)
      throw ConferenceException.invalid(
        'input.what',
        'describe the action in 3 to 1000 characters',
      );
    if (input.dueOn && (!DATE.test(input.dueOn) || Number.isNaN(Date.parse(input.dueOn))))
      throw ConferenceException.invalid('input.dueOn', 'not a date (YYYY-MM-DD)');
    const city = input.responsibleCitySlug
      ? await this.cities.requireBySlug(input.responsibleCitySlug, 'input.responsibleCitySlug')
      : null;
    return this.tenantDb.run(async (manager) => {
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
          dueOn: input.dueOn || null,
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
    const signedIn = requireSignedIn(actor);
    return this.tenantDb.run(async (manager) => {
      const action = isUuid(input.id)
        ? await manager.getRepository(FollowUpActionEntity).findOneBy({ id: input.id })
        : null;
      if (!action) throw ConferenceException.notFound('input.id');
      const responsible =
        action.responsibleCityId !== null &&
        coordinatorCityIds(signedIn).includes(action.responsibleCityId);
      if (!isOrganizer(signedIn) && !responsible) throw AuthException.forbidden();
      if (!isOrganizer(signedIn) && (input.what != null || input.dueOn != null))
        throw AuthException.forbidden('Only organizers change what and when');
      if (input.status) {
        action.status = input.status;
        action.doneAt = input.status === FollowUpStatus.DONE ? new Date() : null;
      }
      if (input.what != null) action.what = input.what.trim();
      if (input.dueOn != null) action.dueOn = input.dueOn;
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
    return this.tenantDb.run((manager) => {
      const query = manager.getRepository(FollowUpActionEntity).createQueryBuilder('a');
      if (city) query.andWhere('a.responsible_city_id = :city', { city: city.id });
      if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
      return query.orderBy('a.due_on', 'ASC', 'NULLS LAST').addOrderBy('a.created_at').getMany();
    });
  }

  /** The follow-up actions of each record, batched per request (one statement for all records). */
  followUpsOf(ctx: GraphQLContext, recordId: string): Promise<FollowUpActionEntity[]> {
    return ctx.loaders
      .get('followUpsOfRecord', async (recordIds: readonly string[]) => {
        const rows = await this.tenantDb.run((manager) =>
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

  /** Full-text search over final records, for members of the network. */
  async searchRecords(actor: Actor, query: string, first: number): Promise<RecordHit[]> {
    const signedIn = requireSignedIn(actor);
    if (memberCityIds(signedIn).length === 0 && !isOrganizer(signedIn))
      throw AuthException.forbidden('Records are for members of the network');
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
    const records = await this.tenantDb.run((manager) =>
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
