import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Permission, requireAccess } from '../../core/auth/access';
import type { Actor, SignedInActor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { AuditAction, AuditService } from '../audit/audit.service';
import type {
  CreateMeasureInput,
  NewMeasureInput,
  TakeUpSuggestionInput,
  UpdateMeasureInput,
} from './dto/measure.input';
import { MeasureStatus, type MeasureType } from './dto/measure.types';
import { SuggestionStatus } from './dto/suggestion.type';
import { optionalText, requiredId, requiredText } from './initiative-input';
import { InitiativeException } from './initiative.exception';
import { InitiativeService, type LoadedInitiative } from './initiative.service';
import { MEASURE_ORDER, MEASURE_SQL, presentMeasures, type MeasureRow } from './measure-read';
import { MeasureException } from './measure.exception';
import { SuggestionQueueService } from './suggestion-queue.service';

/** What a measure's text fields may hold (the table's CHECKs say the same). */
interface CleanMeasure {
  title: string;
  goal: string;
  actors: string;
}

export function cleanMeasure(input: NewMeasureInput, prefix: string): CleanMeasure {
  const title = requiredText(input.title, 200, `${prefix}.title`);
  if (title.length < 3)
    throw InitiativeException.invalid(`${prefix}.title`, 'At least 3 characters');
  return {
    title,
    goal: optionalText(input.goal, 4000, `${prefix}.goal`) ?? '',
    actors: optionalText(input.actors, 1000, `${prefix}.actors`) ?? '',
  };
}

/**
 * An initiative's measures (Maßnahmen): the steering group creates and edits them, takes
 * suggestions up into them and links the practices of other cities that inspired them.
 * Everyone reads them (no personal data); row-level security lets only the initiative's
 * queue users write.
 */
@Injectable()
export class MeasureService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly initiatives: InitiativeService,
    private readonly queue: SuggestionQueueService,
    private readonly audit: AuditService,
  ) {}

  /** The measures of an initiative (public). */
  async ofInitiative(actor: Actor, initiativeId: string): Promise<MeasureType[]> {
    const id = requiredId(initiativeId, 'initiativeId');
    return this.tenantDb.run(actor, async (manager) => {
      const rows = (await manager.query(
        `${MEASURE_SQL} WHERE m.initiative_id = $1 ${MEASURE_ORDER}`,
        [id],
      )) as MeasureRow[];
      return presentMeasures(manager, actor, rows);
    });
  }

  async create(actor: Actor, input: CreateMeasureInput): Promise<MeasureType> {
    const initiativeId = requiredId(input.initiativeId, 'input.initiativeId');
    const fieldId = requiredId(input.fieldId, 'input.fieldId');
    const clean = cleanMeasure(input, 'input');
    return this.tenantDb.run(actor, async (manager) => {
      const initiative = await this.requireInitiative(actor, manager, initiativeId);
      if (!initiative.fields.some((field) => field.id === fieldId))
        throw InitiativeException.fieldNotFound();
      const id = await this.insert(
        manager,
        actor as SignedInActor,
        initiative,
        fieldId,
        clean,
        input.status,
      );
      return this.one(manager, actor, id);
    });
  }

  async update(actor: Actor, input: UpdateMeasureInput): Promise<MeasureType> {
    const id = requiredId(input.id, 'input.id');
    const fieldId = requiredId(input.fieldId, 'input.fieldId');
    const clean = cleanMeasure(input, 'input');
    return this.tenantDb.run(actor, async (manager) => {
      const { measure, initiative, person } = await this.requireMeasure(
        actor,
        manager,
        id,
        'input.id',
      );
      if (!initiative.fields.some((field) => field.id === fieldId))
        throw InitiativeException.fieldNotFound();
      if (measure.practice_id && input.status !== MeasureStatus.DONE)
        throw MeasureException.statusLocked();
      await manager.query(
        `UPDATE measure SET field_id = $3, title = $4, goal = $5, actors = $6, status = $7,
                updated_at = now()
          WHERE city_id = $1 AND id = $2`,
        [measure.city_id, id, fieldId, clean.title, clean.goal, clean.actors, input.status],
      );
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.MEASURE_CHANGED,
        cityId: measure.city_id,
        target: id,
        details: { from: measure.status, to: input.status },
      });
      return this.one(manager, actor, id);
    });
  }

  /**
   * Takes a suggestion up (status TAKEN_UP, the resident hears of it) into an existing
   * measure of the initiative or a new one in the suggestion's field, in one transaction.
   * A suggestion that is taken up already moves to the chosen measure.
   */
  async takeUp(actor: Actor, input: TakeUpSuggestionInput): Promise<MeasureType> {
    const suggestionId = requiredId(input.suggestionId, 'input.suggestionId');
    if (!input.measureId === !input.newMeasure) throw MeasureException.chooseOne();
    const measureId = input.measureId ? requiredId(input.measureId, 'input.measureId') : null;
    const clean = input.newMeasure ? cleanMeasure(input.newMeasure, 'input.newMeasure') : null;
    const reason = optionalText(input.reason, 4000, 'input.reason');
    return this.tenantDb.run(actor, async (manager) => {
      const suggestion = await this.requireSuggestion(manager, suggestionId, 'input.suggestionId');
      const initiative = await this.requireInitiative(actor, manager, suggestion.initiative_id);
      const person = actor as SignedInActor;
      let target: string;
      if (measureId) {
        const [measure] = await this.rows(manager, measureId);
        if (!measure) throw MeasureException.notFound('input.measureId');
        if (measure.initiative_id !== suggestion.initiative_id)
          throw MeasureException.otherInitiative();
        target = measure.id;
      } else {
        target = await this.insert(
          manager,
          person,
          initiative,
          suggestion.field_id,
          clean!,
          MeasureStatus.PLANNED,
        );
      }
      if (suggestion.merged_into_id) throw InitiativeException.statusNotAllowed();
      if (suggestion.status !== SuggestionStatus.TAKEN_UP)
        await this.queue.changeStatusIn(
          actor,
          manager,
          suggestionId,
          SuggestionStatus.TAKEN_UP,
          reason,
        );
      await manager.query(
        `INSERT INTO measure_suggestion (city_id, measure_id, suggestion_id) VALUES ($1, $2, $3)
         ON CONFLICT (city_id, suggestion_id) DO UPDATE SET measure_id = EXCLUDED.measure_id`,
        [suggestion.city_id, target, suggestionId],
      );
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.MEASURE_CHANGED,
        cityId: suggestion.city_id,
        target,
        details: { suggestionLinked: suggestionId },
      });
      return this.one(manager, actor, target);
    });
  }

  /** Unlinks a suggestion from its measure (its status stays; the queue may answer it). */
  async unlinkSuggestion(actor: Actor, suggestionId: string): Promise<boolean> {
    const id = requiredId(suggestionId, 'suggestionId');
    return this.tenantDb.run(actor, async (manager) => {
      const suggestion = await this.requireSuggestion(manager, id, 'suggestionId');
      await this.requireInitiative(actor, manager, suggestion.initiative_id);
      const [link] = (await manager.query(
        `SELECT measure_id FROM measure_suggestion WHERE city_id = $1 AND suggestion_id = $2`,
        [suggestion.city_id, id],
      )) as Array<{ measure_id: string }>;
      if (!link) throw MeasureException.notLinked();
      await manager.query(
        `DELETE FROM measure_suggestion WHERE city_id = $1 AND suggestion_id = $2`,
        [suggestion.city_id, id],
      );
      await this.audit.record(manager, {
        actorUserId: (actor as SignedInActor).userId,
        action: AuditAction.MEASURE_CHANGED,
        cityId: suggestion.city_id,
        target: link.measure_id,
        details: { suggestionUnlinked: id },
      });
      return true;
    });
  }

  /** Links a published practice of another city that the caller may see ("Vorbild"). */
  async linkModelPractice(
    actor: Actor,
    measureId: string,
    practiceId: string,
  ): Promise<MeasureType> {
    const id = requiredId(measureId, 'measureId');
    const practice = requiredId(practiceId, 'practiceId');
    return this.tenantDb.run(actor, async (manager) => {
      const { measure, person } = await this.requireMeasure(actor, manager, id, 'measureId');
      // Row-level security hides what the caller may not read; own-city ones are no "Vorbild".
      const [model] = (await manager.query(
        `SELECT id FROM practice WHERE id = $1 AND status = 'PUBLISHED' AND city_id <> $2`,
        [practice, measure.city_id],
      )) as unknown[];
      if (!model) throw MeasureException.modelPracticeNotFound();
      await manager.query(
        `INSERT INTO measure_model_practice (city_id, measure_id, practice_id) VALUES ($1, $2, $3)
         ON CONFLICT DO NOTHING`,
        [measure.city_id, id, practice],
      );
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.MEASURE_CHANGED,
        cityId: measure.city_id,
        target: id,
        details: { modelPracticeLinked: practice },
      });
      return this.one(manager, actor, id);
    });
  }

  async unlinkModelPractice(
    actor: Actor,
    measureId: string,
    practiceId: string,
  ): Promise<MeasureType> {
    const id = requiredId(measureId, 'measureId');
    const practice = requiredId(practiceId, 'practiceId');
    return this.tenantDb.run(actor, async (manager) => {
      const { measure, person } = await this.requireMeasure(actor, manager, id, 'measureId');
      await manager.query(
        `DELETE FROM measure_model_practice WHERE city_id = $1 AND measure_id = $2 AND practice_id = $3`,
        [measure.city_id, id, practice],
      );
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.MEASURE_CHANGED,
        cityId: measure.city_id,
        target: id,
        details: { modelPracticeUnlinked: practice },
      });
      return this.one(manager, actor, id);
    });
  }

  /** A measure and its initiative, for the caller allowed to change it; `lock` for update. */
  async requireMeasure(
    actor: Actor,
    manager: EntityManager,
    id: string,
    field: string,
    lock = false,
  ): Promise<{ measure: MeasureRow; initiative: LoadedInitiative; person: SignedInActor }> {
    const [visible] = await this.rows(manager, id);
    if (!visible) throw MeasureException.notFound(field);
    const initiative = await this.requireInitiative(actor, manager, visible.initiative_id);
    // FOR UPDATE needs the write policy, so it comes after the access check (it would hide
    // the row from anyone else, a refusal is clearer).
    const [measure] = lock ? await this.rows(manager, id, true) : [visible];
    if (!measure) throw MeasureException.notFound(field);
    return { measure, initiative, person: actor as SignedInActor };
  }

  async one(manager: EntityManager, actor: Actor, id: string): Promise<MeasureType> {
    const [measure] = await presentMeasures(manager, actor, await this.rows(manager, id));
    return measure;
  }

  private rows(manager: EntityManager, id: string, lock = false): Promise<MeasureRow[]> {
    return manager.query(`${MEASURE_SQL} WHERE m.id = $1${lock ? ' FOR UPDATE OF m' : ''}`, [
      id,
    ]) as Promise<MeasureRow[]>;
  }

  private async requireInitiative(
    actor: Actor,
    manager: EntityManager,
    initiativeId: string,
  ): Promise<LoadedInitiative> {
    const initiative = await this.initiatives.load(manager, `i.id = $1`, [initiativeId]);
    if (!initiative) throw InitiativeException.notFound('input.initiativeId');
    requireAccess(actor, Permission.MEASURE_MANAGE, InitiativeService.queueTarget(initiative));
    return initiative;
  }

  /** Row-level security first: a suggestion the caller may not read is NOT_FOUND. */
  private async requireSuggestion(manager: EntityManager, id: string, field: string) {
    const [suggestion] = (await manager.query(
      `SELECT id, city_id, initiative_id, field_id, status, merged_into_id FROM suggestion WHERE id = $1`,
      [id],
    )) as Array<{
      id: string;
      city_id: string;
      initiative_id: string;
      field_id: string;
      status: SuggestionStatus;
      merged_into_id: string | null;
    }>;
    if (!suggestion) throw InitiativeException.suggestionNotFound(field);
    return suggestion;
  }

  private async insert(
    manager: EntityManager,
    person: SignedInActor,
    initiative: LoadedInitiative,
    fieldId: string,
    clean: CleanMeasure,
    status: MeasureStatus,
  ): Promise<string> {
    const cityId = initiative.row.city_id;
    const [created] = (await manager.query(
      `INSERT INTO measure (city_id, initiative_id, field_id, title, goal, actors, status, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        cityId,
        initiative.row.id,
        fieldId,
        clean.title,
        clean.goal,
        clean.actors,
        status,
        person.userId,
      ],
    )) as Array<{ id: string }>;
    await this.audit.record(manager, {
      actorUserId: person.userId,
      action: AuditAction.MEASURE_CREATED,
      cityId,
      target: created.id,
      details: { initiative: initiative.row.id, status },
    });
    return created.id;
  }
}
