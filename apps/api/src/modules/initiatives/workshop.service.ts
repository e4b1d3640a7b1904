import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { mayAccess, Permission, requireAccess } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { AuditAction, AuditService } from '../audit/audit.service';
import {
  toWorkshop,
  type EnterWorkshopResultsInput,
  type RecordWorkshopInput,
  type UpdateWorkshopInput,
  type WorkshopRow,
  type WorkshopType,
} from './dto/workshop.types';
import { requiredId } from './initiative-input';
import { InitiativeException } from './initiative.exception';
import { InitiativeService, type LoadedInitiative } from './initiative.service';
import { WorkshopException } from './workshop.exception';
import { resultTexts, workshopFields } from './workshop-input';

const WORKSHOP_SQL = `
  SELECT w.id, w.city_id, w.initiative_id, w.field_id, f.name AS field_name, w.title,
         to_char(w.held_on, 'YYYY-MM-DD') AS held_on, w.participants, w.outcomes
    FROM workshop w JOIN initiative_field f ON f.city_id = w.city_id AND f.id = w.field_id`;

/**
 * Workshops per action field (issue 14): the initiative's queue users record, edit and
 * delete them and enter their results as suggestions of channel WORKSHOP. Workshops are
 * public; of their results only the count is (a definer function counts them).
 */
@Injectable()
export class WorkshopService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly initiatives: InitiativeService,
    private readonly audit: AuditService,
  ) {}

  /** The workshops of several initiatives (public), newest first; for the page's loader. */
  async ofInitiatives(
    actor: Actor,
    initiativeIds: readonly string[],
  ): Promise<Array<{ row: WorkshopRow; resultCount: number }>> {
    return this.tenantDb.run(actor, async (manager) => {
      const rows = (await manager.query(
        `${WORKSHOP_SQL} WHERE w.initiative_id = ANY ($1::uuid[])
          ORDER BY w.held_on DESC, w.created_at DESC, w.id`,
        [[...initiativeIds]],
      )) as WorkshopRow[];
      const counts = await this.counts(manager, [...new Set(rows.map((r) => r.initiative_id))]);
      return rows.map((row) => ({ row, resultCount: counts.get(row.id) ?? 0 }));
    });
  }

  /** One workshop (public); null when there is none. */
  async byId(actor: Actor, id: string): Promise<WorkshopType | null> {
    const workshopId = requiredId(id, 'id');
    return this.tenantDb.run(actor, async (manager) => {
      const row = await this.row(manager, workshopId);
      if (!row) return null;
      const initiative = await this.initiatives.load(manager, `i.id = $1`, [row.initiative_id]);
      return this.present(actor, manager, row, initiative!);
    });
  }

  async record(actor: Actor, input: RecordWorkshopInput): Promise<WorkshopType> {
    const initiativeId = requiredId(input.initiativeId, 'input.initiativeId');
    const fieldId = requiredId(input.fieldId, 'input.fieldId');
    const values = workshopFields(input);
    return this.tenantDb.run(actor, async (manager) => {
      const { initiative, person } = await this.requireQueue(actor, manager, initiativeId);
      if (!initiative.fields.some((field) => field.id === fieldId))
        throw InitiativeException.fieldNotFound();
      const cityId = initiative.row.city_id;
      const [created] = (await manager.query(
        `INSERT INTO workshop (city_id, initiative_id, field_id, title, held_on, participants, outcomes, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [
          cityId,
          initiativeId,
          fieldId,
          values.title,
          values.heldOn,
          values.participants,
          values.outcomes,
          person.userId,
        ],
      )) as Array<{ id: string }>;
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.WORKSHOP_RECORDED,
        cityId,
        target: created.id,
        details: { initiative: initiativeId },
      });
      return this.present(actor, manager, (await this.row(manager, created.id))!, initiative);
    });
  }

  async update(actor: Actor, input: UpdateWorkshopInput): Promise<WorkshopType> {
    const id = requiredId(input.id, 'input.id');
    const values = workshopFields(input);
    return this.tenantDb.run(actor, async (manager) => {
      const { row, initiative, person } = await this.requireWorkshop(
        actor,
        manager,
        id,
        'input.id',
      );
      await manager.query(
        `UPDATE workshop SET title = $3, held_on = $4, participants = $5, outcomes = $6
          WHERE city_id = $1 AND id = $2`,
        [row.city_id, id, values.title, values.heldOn, values.participants, values.outcomes],
      );
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.WORKSHOP_CHANGED,
        cityId: row.city_id,
        target: id,
      });
      return this.present(actor, manager, (await this.row(manager, id))!, initiative);
    });
  }

  /** Refused while suggestions came from it (WORKSHOP_HAS_RESULTS): the queue names it. */
  async remove(actor: Actor, id: string): Promise<boolean> {
    const workshopId = requiredId(id, 'id');
    return this.tenantDb.run(actor, async (manager) => {
      const { row, person } = await this.requireWorkshop(actor, manager, workshopId, 'id');
      const results = (await this.counts(manager, [row.initiative_id])).get(workshopId) ?? 0;
      if (results > 0) throw WorkshopException.hasResults(results);
      await manager.query(`DELETE FROM workshop WHERE city_id = $1 AND id = $2`, [
        row.city_id,
        workshopId,
      ]);
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.WORKSHOP_DELETED,
        cityId: row.city_id,
        target: workshopId,
      });
      return true;
    });
  }

  /**
   * Results of a workshop: one suggestion of channel WORKSHOP per text, in the workshop's
   * action field, into the normal queue. No contact details and no follow link: they are
   * the workshop's, not one resident's.
   */
  async enterResults(actor: Actor, input: EnterWorkshopResultsInput): Promise<WorkshopType> {
    const workshopId = requiredId(input.workshopId, 'input.workshopId');
    const texts = resultTexts(input.texts);
    return this.tenantDb.run(actor, async (manager) => {
      const { row, initiative, person } = await this.requireWorkshop(
        actor,
        manager,
        workshopId,
        'input.workshopId',
      );
      for (const text of texts) {
        const [created] = (await manager.query(
          `INSERT INTO suggestion (city_id, initiative_id, field_id, workshop_id, text, channel, entered_by)
           VALUES ($1, $2, $3, $4, $5, 'WORKSHOP', $6) RETURNING id`,
          [row.city_id, row.initiative_id, row.field_id, workshopId, text, person.userId],
        )) as Array<{ id: string }>;
        await manager.query(
          `INSERT INTO suggestion_event (city_id, suggestion_id, kind, status, internal, actor_user_id)
           VALUES ($1, $2, 'SUBMITTED', 'NEW', false, $3)`,
          [row.city_id, created.id, person.userId],
        );
        await this.audit.record(manager, {
          actorUserId: person.userId,
          action: AuditAction.SUGGESTION_ENTERED,
          cityId: row.city_id,
          target: created.id,
          details: { channel: 'WORKSHOP', workshop: workshopId },
        });
      }
      return this.present(actor, manager, row, initiative);
    });
  }

  private async requireQueue(actor: Actor, manager: EntityManager, initiativeId: string) {
    const initiative = await this.initiatives.load(manager, `i.id = $1`, [initiativeId]);
    if (!initiative) throw InitiativeException.notFound('input.initiativeId');
    const person = requireAccess(
      actor,
      Permission.SUGGESTION_QUEUE_WORK,
      InitiativeService.queueTarget(initiative),
    );
    return { initiative, person };
  }

  private async requireWorkshop(actor: Actor, manager: EntityManager, id: string, field: string) {
    const row = await this.row(manager, id);
    if (!row) throw WorkshopException.notFound(field);
    const { initiative, person } = await this.requireQueue(actor, manager, row.initiative_id);
    return { row, initiative, person };
  }

  private async row(manager: EntityManager, id: string): Promise<WorkshopRow | null> {
    const [row] = (await manager.query(`${WORKSHOP_SQL} WHERE w.id = $1`, [id])) as WorkshopRow[];
    return row ?? null;
  }

  /** Results per workshop: counts only, also for callers who may not read a suggestion. */
  private async counts(manager: EntityManager, initiativeIds: string[]) {
    const counts = new Map<string, number>();
    for (const initiativeId of initiativeIds) {
      const rows = (await manager.query(
        `SELECT workshop_id, results::int AS results FROM workshop_result_counts($1)`,
        [initiativeId],
      )) as Array<{ workshop_id: string; results: number }>;
      for (const entry of rows) counts.set(entry.workshop_id, entry.results);
    }
    return counts;
  }

  private async present(
    actor: Actor,
    manager: EntityManager,
    row: WorkshopRow,
    initiative: LoadedInitiative,
  ): Promise<WorkshopType> {
    const count = (await this.counts(manager, [row.initiative_id])).get(row.id) ?? 0;
    return toWorkshop(
      row,
      count,
      mayAccess(actor, Permission.SUGGESTION_QUEUE_WORK, InitiativeService.queueTarget(initiative)),
    );
  }
}
