import { Injectable } from '@nestjs/common';
import type DataLoader from 'dataloader';
import { loadById, type GraphQLContext } from '../../core/graphql/loaders';
import { paginateSql, type ConnectionShape, type PageArgs } from '../../core/graphql/pagination';
import { Permission, mayAccess, requireAccess } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { isUuid } from '../../core/validation/uuid';
import { CityService } from '../cities/city.service';
import { toTopics, type TopicType } from '../topics/dto/topic.type';
import { TopicService } from '../topics/topic.service';
import type { PracticeFilter } from './dto/practice.inputs';
import { toPractice, type PracticeType } from './dto/practice.type';
import { PracticeEntity, PracticeStatus } from './practice.entity';
import { PracticeException } from './practice.exception';
import { topicIdsFor } from './practice-topics';
import { PRACTICE_COLUMNS, practiceFromRow } from './practice-rows';

/**
 * Reading practices, always through row-level security as the given actor: what the
 * actor may not see does not exist for them. Other features use this service (tandem
 * suggestions count practices, records link them); writing is in the lifecycle,
 * revision and attachment services.
 */
@Injectable()
export class PracticeService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly topics: TopicService,
  ) {}

  /** null when the practice does not exist or the actor may not see it. */
  async get(actor: Actor, id: string): Promise<PracticeEntity | null> {
    if (!isUuid(id)) return null;
    // One round trip (TenantDb.read): the page of one practice is the most read of all.
    const rows = await this.tenantDb.read(
      actor,
      `SELECT ${PRACTICE_COLUMNS} FROM practice p WHERE p.id = $1::uuid`,
      [id],
    );
    return rows[0] ? practiceFromRow(rows[0]) : null;
  }

  /**
   * How many of each city's practices are in each status, for its members (drafts are
   * theirs only); null for a city the actor is no member of. Batched per request.
   */
  async countsByStatus(
    actor: Actor,
    cityIds: readonly string[],
  ): Promise<Array<Record<PracticeStatus, number> | null>> {
    const readable = cityIds.filter((cityId) =>
      mayAccess(actor, Permission.PRACTICE_DRAFT_READ, { cityId }),
    );
    const rows = readable.length
      ? ((await this.tenantDb.run(actor, (manager) =>
          manager.query(
            `SELECT city_id, status, count(*)::int AS n FROM practice
              WHERE city_id = ANY($1::uuid[]) GROUP BY city_id, status`,
            [readable],
          ),
        )) as Array<{ city_id: string; status: PracticeStatus; n: number }>)
      : [];
    return cityIds.map((cityId) => {
      if (!readable.includes(cityId)) return null;
      const counts = Object.fromEntries(
        Object.values(PracticeStatus).map((status) => [status, 0]),
      ) as Record<PracticeStatus, number>;
      for (const row of rows) if (row.city_id === cityId) counts[row.status] = row.n;
      return counts;
    });
  }

  /** Like get, but NOT_FOUND on `field` instead of null. */
  async require(actor: Actor, id: string, field = 'id'): Promise<PracticeEntity> {
    const practice = await this.get(actor, id);
    if (!practice) throw PracticeException.notFound(field);
    return practice;
  }

  /** Practices by id, batched per request (the batch reads as this request's actor); null where hidden. */
  load(actor: Actor, ctx: GraphQLContext, id: string): Promise<PracticeEntity | null> {
    return loadById(
      ctx,
      'practiceById',
      (ids) =>
        this.tenantDb.run(actor, (manager) =>
          manager
            .getRepository(PracticeEntity)
            .createQueryBuilder('practice')
            .where('practice.id = ANY(:ids::uuid[])', { ids: ids.filter(isUuid) })
            .getMany(),
        ),
      id,
    );
  }

  /**
   * The practices among `ids` that the actor may see, in the order of `ids`, as API types:
   * for features that link practices (conference records), through the request's loader.
   */
  async loadVisible(
    actor: Actor,
    ctx: GraphQLContext,
    ids: readonly string[],
  ): Promise<PracticeType[]> {
    const found = await Promise.all(ids.map((id) => this.load(actor, ctx, id)));
    return found.flatMap((practice) => (practice ? [toPractice(practice)] : []));
  }

  async list(
    actor: Actor,
    filter: PracticeFilter | null | undefined,
    page: PageArgs,
  ): Promise<ConnectionShape<PracticeEntity>> {
    const city = filter?.citySlug
      ? await this.cities.requireBySlug(filter.citySlug, 'filter.citySlug')
      : null;
    const topicSlugs = filter?.topicSlugs ?? [];
    const topicIds = topicIdsFor(
      await this.topics.idsBySlugs(topicSlugs),
      topicSlugs,
      'filter.topicSlugs',
    );
    // Plain SQL, no entity hydration: a page of practices is read on every list view.
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (city) where.push(`p.city_id = ${param(city.id)}`);
    if (filter?.status) where.push(`p.status = ${param(filter.status)}`);
    if (topicIds.length) {
      where.push(
        `EXISTS (SELECT 1 FROM practice_topic pt WHERE pt.city_id = p.city_id AND pt.practice_id = p.id AND pt.topic_id = ANY(${param(topicIds)}::uuid[]))`,
      );
    }
    // Page and total in one statement, one round trip with the settings (TenantDb.read).
    return paginateSql<PracticeEntity>(
      (sql, values) => this.tenantDb.read(actor, sql, values),
      { columns: PRACTICE_COLUMNS, from: 'practice p', where, params },
      page,
      [{ column: 'p.id', kind: 'uuid', value: (practice) => practice.id }],
      practiceFromRow,
    );
  }

  /**
   * The newest published practices the actor may see (row-level security decides, as
   * for every read), optionally of one city or with one topic; newest publication first.
   * Feeds read them as the anonymous visitor.
   */
  async newestPublished(
    actor: Actor,
    scope: { cityId?: string; topicId?: string },
    limit: number,
  ): Promise<Array<{ practice: PracticeEntity; topics: TopicType[] }>> {
    const practices = await this.tenantDb.run(actor, (manager) => {
      const query = manager
        .getRepository(PracticeEntity)
        .createQueryBuilder('practice')
        .where('practice.status = :status', { status: PracticeStatus.PUBLISHED });
      if (scope.cityId) query.andWhere('practice.city_id = :cityId', { cityId: scope.cityId });
      if (scope.topicId) {
        query.andWhere(
          'EXISTS (SELECT 1 FROM practice_topic pt WHERE pt.city_id = practice.city_id AND pt.practice_id = practice.id AND pt.topic_id = :topicId)',
          { topicId: scope.topicId },
        );
      }
      return query
        .orderBy('COALESCE(practice.published_at, practice.updated_at)', 'DESC')
        .addOrderBy('practice.id', 'DESC')
        .limit(limit)
        .getMany();
    });
    const topics = practices.length
      ? await this.topicsOfPractices(
          actor,
          practices.map((practice) => practice.id),
        )
      : [];
    return practices.map((practice, index) => ({ practice, topics: toTopics(topics[index]) }));
  }

  /**
   * A city's practices that are still being worked on (every status but published and
   * archived: drafts, and whatever step a later workflow adds), counted per status. For its
   * members (PRACTICE_DRAFT_READ); row-level security says the same.
   */
  async workInProgressCounts(
    actor: Actor,
    cityId: string,
  ): Promise<Array<{ status: PracticeStatus; count: number }>> {
    requireAccess(actor, Permission.PRACTICE_DRAFT_READ, { cityId });
    const rows: Array<{ status: PracticeStatus; n: number }> = await this.tenantDb.run(
      actor,
      (manager) =>
        manager.query(
          `SELECT status, count(*)::int AS n FROM practice
           WHERE city_id = $1 AND status <> ALL ($2::text[])
           GROUP BY status ORDER BY status`,
          [cityId, [PracticeStatus.PUBLISHED, PracticeStatus.ARCHIVED]],
        ),
    );
    return rows.map((row) => ({ status: row.status, count: row.n }));
  }

  /**
   * Published practices visible network-wide, counted per city and topic (for
   * tandem suggestions). Entries visible to their own city only are not counted.
   */
  async networkCountsByCityAndTopic(
    actor: Actor,
    cityIds: string[],
  ): Promise<Map<string, Record<string, number>>> {
    const rows: Array<{ city_id: string; slug: string; n: number }> = await this.tenantDb.run(
      actor,
      (manager) =>
        manager.query(
          `SELECT p.city_id, t.slug, count(*)::int AS n
           FROM practice p
           JOIN practice_topic pt ON pt.city_id = p.city_id AND pt.practice_id = p.id
           JOIN topic t ON t.id = pt.topic_id
          WHERE p.status = 'PUBLISHED' AND p.visibility <> 'CITY' AND p.city_id = ANY($1::uuid[])
          GROUP BY p.city_id, t.slug`,
          [cityIds],
        ),
    );
    const counts = new Map<string, Record<string, number>>();
    for (const row of rows)
      counts.set(row.city_id, { ...(counts.get(row.city_id) ?? {}), [row.slug]: row.n });
    return counts;
  }

  /**
   * The request's loader of Practice.topics: one statement per tick for all practices
   * asked for, as the request's actor. searchPractices primes it with its hits' topics.
   */
  topicLoader(actor: Actor, ctx: GraphQLContext): DataLoader<string, TopicType[]> {
    return ctx.loaders.get('practiceTopics', async (ids: readonly string[]) =>
      (await this.topicsOfPractices(actor, ids)).map(toTopics),
    );
  }

  /** Topics of many practices in one statement. */
  private async topicsOfPractices(actor: Actor, practiceIds: readonly string[]) {
    const rows: Array<{ practice_id: string; topic_id: string }> = await this.tenantDb.run(
      actor,
      (manager) =>
        manager.query(
          'SELECT practice_id, topic_id FROM practice_topic WHERE practice_id = ANY($1::uuid[])',
          [[...practiceIds]],
        ),
    );
    return this.topics.ofLinks(
      practiceIds,
      rows.map((row) => ({ owner: row.practice_id, topicId: row.topic_id })),
    );
  }
}
