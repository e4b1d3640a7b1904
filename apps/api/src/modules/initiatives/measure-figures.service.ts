import { Injectable } from '@nestjs/common';
import { Permission, requireAccess } from '../../core/auth/access';
import { byKeys } from '../../core/graphql/loaders';
import { ANONYMOUS, type Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import type {
  FieldFiguresType,
  MeasureRefType,
  NetworkMeasureFiguresType,
  NetworkMeasureTotalsType,
  OtherCitiesInFieldType,
} from './dto/measure.types';
import { MeasureStatus } from './dto/measure.types';
import { requiredId } from './initiative-input';
import { InitiativeException } from './initiative.exception';
import { InitiativeService } from './initiative.service';
import { MEASURE_ORDER, MEASURE_SQL, presentMeasures, type MeasureRow } from './measure-read';

/**
 * Transparency and learning: the public figures of an initiative's action fields, the
 * measure next to a suggestion (queue, follow link), counts across the network for
 * organizers, and what other cities do in the same field. Counts only where people's
 * suggestions are concerned (initiative_field_figures), never a suggestion's text.
 */
@Injectable()
export class MeasureFiguresService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly initiatives: InitiativeService,
  ) {}

  /** Per initiative (batched for a DataLoader): per field the counts and the measures. */
  async fieldFigures(
    actor: Actor,
    initiativeIds: readonly string[],
  ): Promise<FieldFiguresType[][]> {
    return this.tenantDb.run(actor, async (manager) => {
      const figures = (await manager.query(
        `SELECT f.initiative_id, f.id AS field_id, f.name AS field_name, f.sensitive,
                x.received::int AS received, x.taken_up::int AS taken_up
           FROM unnest($1::uuid[]) AS i (id)
           CROSS JOIN LATERAL initiative_field_figures(i.id) AS x
           JOIN initiative_field f ON f.id = x.field_id
          ORDER BY f.position, f.name`,
        [initiativeIds],
      )) as Array<{
        initiative_id: string;
        field_id: string;
        field_name: string;
        sensitive: boolean;
        received: number;
        taken_up: number;
      }>;
      const rows = (await manager.query(
        `${MEASURE_SQL} WHERE m.initiative_id = ANY ($1::uuid[]) ${MEASURE_ORDER}`,
        [initiativeIds],
      )) as MeasureRow[];
      const measures = await presentMeasures(manager, actor, rows);
      return byKeys(
        initiativeIds,
        figures,
        (row) => row.initiative_id,
        (fields) =>
          fields.map((field) => ({
            fieldId: field.field_id,
            fieldName: field.field_name,
            sensitive: field.sensitive,
            received: field.received,
            takenUp: field.taken_up,
            measures: measures.filter((measure) => measure.fieldId === field.field_id),
          })),
      );
    });
  }

  /** The measure each suggestion is linked to (batched); row-level security as for the suggestion. */
  async ofSuggestions(
    actor: Actor,
    suggestionIds: readonly string[],
  ): Promise<Array<MeasureRefType | null>> {
    return this.tenantDb.run(actor, async (manager) => {
      const rows = (await manager.query(
        `SELECT ms.suggestion_id, m.id, m.title, m.status FROM measure_suggestion ms
           JOIN measure m ON m.city_id = ms.city_id AND m.id = ms.measure_id
          WHERE ms.suggestion_id = ANY ($1::uuid[])`,
        [suggestionIds],
      )) as Array<{ suggestion_id: string; id: string; title: string; status: MeasureStatus }>;
      return byKeys(
        suggestionIds,
        rows,
        (row) => row.suggestion_id,
        (found) =>
          found[0] ? { id: found[0].id, title: found[0].title, status: found[0].status } : null,
      );
    });
  }

  /** The measure behind a follow link (a definer function: the resident has no account). */
  async ofFollowLink(tokenHash: string): Promise<MeasureRefType | null> {
    return this.tenantDb.run(ANONYMOUS, async (manager) => {
      const [row] = (await manager.query(`SELECT * FROM suggestion_follow_measure($1)`, [
        tokenHash,
      ])) as Array<{ id: string; title: string; status: MeasureStatus }>;
      return row ? { id: row.id, title: row.title, status: row.status } : null;
    });
  }

  /** Organizers: per topic how many cities run initiatives, how many measures per status. */
  async network(actor: Actor): Promise<NetworkMeasureFiguresType[]> {
    requireAccess(actor, Permission.NETWORK_STATISTICS_READ);
    return this.tenantDb.run(actor, async (manager) => {
      const rows = (await manager.query(
        `SELECT t.id AS topic_id, t.name AS topic_name, t.name_en AS topic_name_en,
                count(DISTINCT f.city_id)::int AS cities, count(DISTINCT f.initiative_id)::int AS initiatives,
                count(m.id) FILTER (WHERE m.status = 'PLANNED')::int AS planned,
                count(m.id) FILTER (WHERE m.status = 'RUNNING')::int AS running,
                count(m.id) FILTER (WHERE m.status = 'DONE')::int AS done
           FROM initiative_field f
           LEFT JOIN topic t ON t.id = f.topic_id
           LEFT JOIN measure m ON m.city_id = f.city_id AND m.field_id = f.id
          GROUP BY t.id, t.name, t.name_en, t.position
          ORDER BY t.id IS NULL, t.position, t.name`,
      )) as Array<{
        topic_id: string | null;
        topic_name: string | null;
        topic_name_en: string | null;
        cities: number;
        initiatives: number;
        planned: number;
        running: number;
        done: number;
      }>;
      return rows.map((row) => ({
        topicId: row.topic_id,
        topicName: row.topic_name,
        topicNameEn: row.topic_name_en,
        cities: row.cities,
        initiatives: row.initiatives,
        planned: row.planned,
        running: row.running,
        done: row.done,
      }));
    });
  }

  /** Everyone: the network's totals (initiatives and measures are public). */
  async totals(actor: Actor): Promise<NetworkMeasureTotalsType> {
    return this.tenantDb.run(actor, async (manager) => {
      const [row] = (await manager.query(
        `SELECT (SELECT count(DISTINCT city_id) FROM initiative)::int AS cities,
                (SELECT count(*) FROM initiative)::int AS initiatives,
                (SELECT count(*) FROM measure)::int AS measures,
                (SELECT count(*) FROM measure WHERE status = 'DONE')::int AS done`,
      )) as NetworkMeasureTotalsType[];
      return row;
    });
  }

  /** For the steering group: measures and published practices of other cities, per field topic. */
  async othersInFields(actor: Actor, initiativeId: string): Promise<OtherCitiesInFieldType[]> {
    const id = requiredId(initiativeId, 'initiativeId');
    return this.tenantDb.run(actor, async (manager) => {
      const initiative = await this.initiatives.load(manager, `i.id = $1`, [id]);
      if (!initiative) throw InitiativeException.notFound('initiativeId');
      requireAccess(actor, Permission.MEASURE_MANAGE, InitiativeService.queueTarget(initiative));
      const cityId = initiative.row.city_id;
      const topicIds = [
        ...new Set(
          initiative.fields.map((field) => field.topic_id).filter((t): t is string => !!t),
        ),
      ];
      const topics = (await manager.query(
        `SELECT id, name FROM topic WHERE id = ANY ($1::uuid[])`,
        [topicIds],
      )) as Array<{ id: string; name: string }>;
      const measures = (await manager.query(
        `SELECT f.topic_id, m.id, m.title, m.status, c.slug AS city_slug, c.name AS city_name,
                i.slug AS initiative_slug, i.name AS initiative_name
           FROM measure m
           JOIN initiative_field f ON f.city_id = m.city_id AND f.id = m.field_id
           JOIN initiative i ON i.city_id = m.city_id AND i.id = m.initiative_id
           JOIN city c ON c.id = m.city_id
          WHERE f.topic_id = ANY ($1::uuid[]) AND m.city_id <> $2
          ORDER BY c.name, m.title LIMIT 200`,
        [topicIds, cityId],
      )) as Array<{
        topic_id: string;
        id: string;
        title: string;
        status: MeasureStatus;
        city_slug: string;
        city_name: string;
        initiative_slug: string;
        initiative_name: string;
      }>;
      // Row-level security: only practices the caller may read; the newest twelve per topic.
      const practices = (await manager.query(
        `SELECT topic_id, id, title, city_slug, city_name FROM (
           SELECT pt.topic_id, p.id, p.title, c.slug AS city_slug, c.name AS city_name,
                  row_number() OVER (PARTITION BY pt.topic_id ORDER BY p.published_at DESC NULLS LAST, p.id) AS n
             FROM practice p
             JOIN practice_topic pt ON pt.city_id = p.city_id AND pt.practice_id = p.id
             JOIN city c ON c.id = p.city_id
            WHERE pt.topic_id = ANY ($1::uuid[]) AND p.status = 'PUBLISHED' AND p.city_id <> $2
         ) ranked WHERE n <= 12 ORDER BY city_name, title`,
        [topicIds, cityId],
      )) as Array<{
        topic_id: string;
        id: string;
        title: string;
        city_slug: string;
        city_name: string;
      }>;
      return initiative.fields.map((field) => ({
        fieldId: field.id,
        fieldName: field.name,
        topicName: topics.find((topic) => topic.id === field.topic_id)?.name ?? null,
        measures: measures
          .filter((measure) => measure.topic_id === field.topic_id)
          .map((measure) => ({
            id: measure.id,
            title: measure.title,
            status: measure.status,
            citySlug: measure.city_slug,
            cityName: measure.city_name,
            initiativeSlug: measure.initiative_slug,
            initiativeName: measure.initiative_name,
          })),
        practices: practices
          .filter((practice) => practice.topic_id === field.topic_id)
          .map((practice) => ({
            practiceId: practice.id,
            title: practice.title,
            citySlug: practice.city_slug,
            cityName: practice.city_name,
          })),
      }));
    });
  }
}
