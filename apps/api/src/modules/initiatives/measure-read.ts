import type { EntityManager } from 'typeorm';
import { mayAccess, Permission } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { MeasureStatus, type MeasureType, type ModelPracticeType } from './dto/measure.types';

/** A measure row with its field (what presenting and access decisions need). */
export interface MeasureRow {
  id: string;
  city_id: string;
  initiative_id: string;
  field_id: string;
  field_name: string;
  topic_id: string | null;
  title: string;
  goal: string;
  actors: string;
  status: MeasureStatus;
  practice_id: string | null;
}

export const MEASURE_SQL = `
  SELECT m.id, m.city_id, m.initiative_id, m.field_id, f.name AS field_name, f.topic_id,
         m.title, m.goal, m.actors, m.status, m.practice_id
    FROM measure m JOIN initiative_field f ON f.city_id = m.city_id AND f.id = m.field_id`;

export const MEASURE_ORDER = `ORDER BY f.position, CASE m.status WHEN 'RUNNING' THEN 0 WHEN 'PLANNED' THEN 1 ELSE 2 END, m.title, m.id`;

interface ModelRow {
  measure_id: string;
  practice_id: string;
  title: string;
  city_slug: string;
  city_name: string;
}

/**
 * The model practices of these measures that the caller may see (row-level security on
 * `practice` decides; only published ones count as "Vorbild").
 */
export async function modelPracticesOf(
  manager: EntityManager,
  measureIds: string[],
): Promise<Map<string, ModelPracticeType[]>> {
  const rows = (await manager.query(
    `SELECT mp.measure_id, p.id AS practice_id, p.title, c.slug AS city_slug, c.name AS city_name
       FROM measure_model_practice mp
       JOIN practice p ON p.id = mp.practice_id AND p.status = 'PUBLISHED'
       JOIN city c ON c.id = p.city_id
      WHERE mp.measure_id = ANY ($1::uuid[])
      ORDER BY c.name, p.title`,
    [measureIds],
  )) as ModelRow[];
  const map = new Map<string, ModelPracticeType[]>();
  for (const row of rows) {
    const list = map.get(row.measure_id) ?? [];
    list.push({
      practiceId: row.practice_id,
      title: row.title,
      citySlug: row.city_slug,
      cityName: row.city_name,
    });
    map.set(row.measure_id, list);
  }
  return map;
}

/** Measure rows as the API shows them, in the caller's transaction. */
export async function presentMeasures(
  manager: EntityManager,
  actor: Actor,
  rows: MeasureRow[],
): Promise<MeasureType[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const initiativeIds = [...new Set(rows.map((row) => row.initiative_id))];
  const steering = (await manager.query(
    `SELECT initiative_id, person_id FROM initiative_steering_member
      WHERE initiative_id = ANY ($1::uuid[]) AND person_id IS NOT NULL`,
    [initiativeIds],
  )) as Array<{ initiative_id: string; person_id: string }>;
  const canEdit = new Map(
    rows.map((row) => [
      row.id,
      mayAccess(actor, Permission.MEASURE_MANAGE, {
        cityId: row.city_id,
        steeringPersonIds: steering
          .filter((member) => member.initiative_id === row.initiative_id)
          .map((member) => member.person_id),
      }),
    ]),
  );
  const editable = ids.filter((id) => canEdit.get(id));
  // Row-level security shows a link only to those who see the suggestion; counted for editors.
  const counts = editable.length
    ? ((await manager.query(
        `SELECT measure_id, count(*)::int AS n FROM measure_suggestion
          WHERE measure_id = ANY ($1::uuid[]) GROUP BY measure_id`,
        [editable],
      )) as Array<{ measure_id: string; n: number }>)
    : [];
  const models = await modelPracticesOf(manager, ids);
  // The practice a measure became, if the caller may see it (a draft only its city sees).
  const practiceIds = rows.map((row) => row.practice_id).filter((id): id is string => !!id);
  const visiblePractices = new Set(
    practiceIds.length
      ? (
          (await manager.query(`SELECT id FROM practice WHERE id = ANY ($1::uuid[])`, [
            practiceIds,
          ])) as Array<{ id: string }>
        ).map((practice) => practice.id)
      : [],
  );
  return rows.map((row) => ({
    id: row.id,
    initiativeId: row.initiative_id,
    fieldId: row.field_id,
    fieldName: row.field_name,
    title: row.title,
    goal: row.goal,
    actors: row.actors,
    status: row.status,
    practiceId: row.practice_id && visiblePractices.has(row.practice_id) ? row.practice_id : null,
    modelPractices: models.get(row.id) ?? [],
    suggestionCount: canEdit.get(row.id)
      ? (counts.find((count) => count.measure_id === row.id)?.n ?? 0)
      : null,
    viewerCanEdit: canEdit.get(row.id) ?? false,
  }));
}
