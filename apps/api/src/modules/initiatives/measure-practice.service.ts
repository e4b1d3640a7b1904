import { Inject, Injectable } from '@nestjs/common';
import { Permission, requireAccess } from '../../core/auth/access';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { AuditAction, AuditService } from '../audit/audit.service';
import { PracticeLifecycleService } from '../practices/practice-lifecycle.service';
import {
  MeasureStatus,
  type MeasurePracticeType,
  type ModelPracticeType,
} from './dto/measure.types';
import { requiredId } from './initiative-input';
import { modelPracticesOf } from './measure-read';
import { MeasureException } from './measure.exception';
import { MeasureService } from './measure.service';
import { suggestionLink } from './suggestion-link';

/** What the new practice says (Markdown body); pure, so a unit test reads it. */
export function practiceFromMeasure(
  measure: { title: string; goal: string; actors: string; fieldName: string },
  initiativeName: string,
  suggestions: number,
  models: Array<ModelPracticeType & { url: string }>,
) {
  const origin = `Eine Maßnahme aus „${initiativeName}“, Handlungsfeld „${measure.fieldName}“.`;
  const summary = (measure.goal || origin).slice(0, 1000);
  const lines = [
    `## Ziel`,
    '',
    measure.goal || '–',
    '',
    `## Verantwortlich`,
    '',
    measure.actors || '–',
    '',
    `## Aus der Initiative`,
    '',
    `${origin} ${suggestions === 1 ? 'Ein Anliegen' : `${suggestions} Anliegen`} aus der Bevölkerung ${suggestions === 1 ? 'wurde' : 'wurden'} aufgegriffen.`,
  ];
  if (models.length > 0)
    lines.push(
      '',
      '## Vorbilder',
      '',
      ...models.map((model) => `- [Vorbild: ${model.cityName}: ${model.title}](${model.url})`),
    );
  return {
    title: measure.title,
    summary,
    body: lines.join('\n'),
    partners: measure.actors || null,
    links: models.map((model) => ({
      label: `Vorbild: ${model.cityName}: ${model.title}`.slice(0, 200),
      url: model.url,
    })),
  };
}

/** A done measure becomes a draft practice of the city in one step. */
@Injectable()
export class MeasurePracticeService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly measures: MeasureService,
    private readonly practices: PracticeLifecycleService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(actor: Actor, measureId: string): Promise<MeasurePracticeType> {
    const id = requiredId(measureId, 'id');
    return this.tenantDb.run(actor, async (manager) => {
      // Locked: two clicks make one practice.
      const { measure, initiative, person } = await this.measures.requireMeasure(
        actor,
        manager,
        id,
        'id',
        true,
      );
      requireAccess(actor, Permission.PRACTICE_DRAFT, { cityId: measure.city_id });
      if (measure.status !== MeasureStatus.DONE) throw MeasureException.notDone();
      if (measure.practice_id) throw MeasureException.alreadyPractice();
      const [{ n }] = (await manager.query(
        `SELECT count(*)::int AS n FROM measure_suggestion WHERE city_id = $1 AND measure_id = $2`,
        [measure.city_id, id],
      )) as Array<{ n: number }>;
      const models = (await modelPracticesOf(manager, [id])).get(id) ?? [];
      const content = practiceFromMeasure(
        {
          title: measure.title,
          goal: measure.goal,
          actors: measure.actors,
          fieldName: measure.field_name,
        },
        initiative.row.name,
        n,
        models.map((model) => ({
          ...model,
          url: suggestionLink(this.config, `/praxis/${model.practiceId}`),
        })),
      );
      const topics = measure.topic_id
        ? ((await manager.query(`SELECT id, slug FROM topic WHERE id = $1`, [
            measure.topic_id,
          ])) as Array<{ id: string; slug: string }>)
        : [];
      const practice = await this.practices.draftIn(
        manager,
        person,
        measure.city_id,
        content,
        topics.map((topic) => topic.id),
        topics.map((topic) => topic.slug),
      );
      await manager.query(
        `UPDATE measure SET practice_id = $3, updated_at = now() WHERE city_id = $1 AND id = $2`,
        [measure.city_id, id, practice.id],
      );
      await this.audit.record(manager, {
        actorUserId: person.userId,
        action: AuditAction.MEASURE_BECAME_PRACTICE,
        cityId: measure.city_id,
        target: id,
        details: { practice: practice.id },
      });
      return { practiceId: practice.id, measure: await this.measures.one(manager, actor, id) };
    });
  }
}
