import { CityKind, MAX_PAGE_SIZE, federalStateName } from '@wissensnetz/domain';
import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { decodeCursor, encodeCursor, validatePageSize } from '../../core/graphql/pagination';
import { readScope } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { highlightToHtml } from '../../search/highlight';
import { SearchKind } from '../../search/search-kind';
import {
  SEARCH_INDEX,
  type SearchIndex,
  type SearchRequest,
  type SearchResponse,
} from '../../search/search-index';
import { CityService } from '../cities/city.service';
import { UnfoundSearchService } from '../statistics/unfound-search.service';
import { toTopics } from '../topics/dto/topic.type';
import { TopicService } from '../topics/topic.service';
import type { PracticeSearchFilter } from './dto/practice.inputs';
import type { FacetCount, PracticeSearchResult } from './dto/practice-search.types';
import { toPractice } from './dto/practice.type';
import { validateSearchFilter } from './practice-content';
import { PRACTICES_INDEX, type PracticeDocument } from './practice-search.source';
import { PracticeEntity } from './practice.entity';
import { PRACTICE_COLUMNS, practiceFromRow } from './practice-rows';
import { PracticeException } from './practice.exception';
import { topicIdsFor } from './practice-topics';

export const PRACTICE_FACETS = ['topics', 'federalState', 'citySlug', 'joinedYear', 'kind'];
/** What a hit needs from its document: the rest comes from PostgreSQL (the body stays in the engine). */
export const PRACTICE_HIT_ATTRIBUTES = ['id', 'title', 'summary'];
const KIND_LABELS: Record<string, string> = {
  [CityKind.CITY]: 'Stadt',
  [CityKind.DISTRICT]: 'Stadtteil',
  [CityKind.COMMUNITY]: 'Gemeinde',
};

/** Filter values are quoted for the engine; our values are slugs, codes and uuids anyway. */
const quote = (value: string | number) => JSON.stringify(String(value));
const anyOf = (attribute: string, values: Array<string | number>) =>
  `${attribute} IN [${values.map(quote).join(', ')}]`;

/**
 * What the caller may find: decided on the server from the session, never by the client.
 * The index holds published practices only; their visibility and city decide (readScope).
 */
export function visibilityFilter(actor: Actor): string {
  const { cityIds, network } = readScope(actor);
  if (cityIds.length > 0)
    return `(visibility IN ["PUBLIC", "NETWORK"] OR ${anyOf('cityId', cityIds)})`;
  if (network) return 'visibility IN ["PUBLIC", "NETWORK"]';
  return 'visibility = "PUBLIC"';
}

@Injectable()
export class PracticeSearchService {
  constructor(
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
    private readonly tenantDb: TenantDb,
    private readonly topics: TopicService,
    private readonly cities: CityService,
    private readonly unfound: UnfoundSearchService,
  ) {}

  async searchPractices(
    actor: Actor,
    query: string,
    filterInput: PracticeSearchFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
  ): Promise<PracticeSearchResult> {
    const started = performance.now();
    if (query.length > 200)
      throw PracticeException.invalid('query', 'the search text is too long', { max: 200 });
    const filter = validateSearchFilter(filterInput);
    await this.requireKnownFilterValues(filter);
    const limit = validatePageSize(first);
    const offset = after ? Number(decodeCursor(after, ['int'])[0]) : 0;
    const clauses = [visibilityFilter(actor)];
    if (filter.topicSlugs?.length) clauses.push(anyOf('topics', filter.topicSlugs));
    if (filter.federalStates?.length) clauses.push(anyOf('federalState', filter.federalStates));
    if (filter.citySlugs?.length) clauses.push(anyOf('citySlug', filter.citySlugs));
    if (filter.joinedYears?.length) clauses.push(anyOf('joinedYear', filter.joinedYears));
    if (filter.kinds?.length) clauses.push(anyOf('kind', filter.kinds));

    const response = await this.engine(actor, {
      query: query.trim(),
      filter: clauses.join(' AND '),
      facets: PRACTICE_FACETS,
      retrieve: PRACTICE_HIT_ATTRIBUTES,
      offset,
      limit,
      highlight: ['title', 'summary'],
      sort: query.trim() ? undefined : ['publishedAt:desc'],
    });
    // A word that found nothing anywhere (no narrowing filter, first page) tells the
    // network office what is missing; counted without waiting and without the person.
    if (response.total === 0 && offset === 0 && clauses.length === 1 && query.trim())
      this.unfound.record(actor, query);
    // The index only decides the order; rows come from PostgreSQL through
    // row-level security, so a stale document can never show what is hidden now.
    const ids = response.hits.map((hit) => hit.document.id);
    const [{ practices, links }, facets] = await Promise.all([
      ids.length ? this.readHits(actor, ids) : Promise.resolve({ practices: [], links: [] }),
      this.labelFacets(response.facets),
    ]);
    const topicLists = await this.topics.ofLinks(ids, links);
    const topicsByPractice = new Map(ids.map((id, index) => [id, toTopics(topicLists[index])]));
    const byId = new Map(practices.map((practice) => [practice.id, practice]));
    const hits = response.hits.flatMap((hit) => {
      const practice = byId.get(hit.document.id);
      if (!practice) return [];
      const document = hit.document as PracticeDocument;
      return [
        {
          kind: SearchKind.PRACTICE as const,
          practice: toPractice(practice),
          titleHtml: highlightToHtml(hit.highlighted.title ?? document.title),
          summaryHtml: highlightToHtml(hit.highlighted.summary ?? document.summary),
        },
      ];
    });
    const nextOffset = offset + response.hits.length;
    const hasNextPage = response.hits.length === limit && nextOffset < response.total;
    return {
      hits,
      topicsByPractice,
      totalHits: response.total,
      facets,
      processingTimeMs: response.processingTimeMs,
      tookMs: Math.round(performance.now() - started),
      pageInfo: {
        hasNextPage,
        hasPreviousPage: offset > 0,
        startCursor: hits.length ? encodeCursor([offset]) : null,
        endCursor: hasNextPage ? encodeCursor([nextOffset]) : null,
      },
    };
  }

  /**
   * Cities and topics in a filter must exist, as in `practices`: an empty result would
   * read as "nothing found" for something that is not there at all.
   */
  private async requireKnownFilterValues(filter: PracticeSearchFilter): Promise<void> {
    if (filter.citySlugs?.length)
      await this.cities.requireBySlugs(filter.citySlugs, 'filter.citySlugs');
    if (filter.topicSlugs?.length)
      topicIdsFor(
        await this.topics.idsBySlugs(filter.topicSlugs),
        filter.topicSlugs,
        'filter.topicSlugs',
      );
  }

  /** Published practices like this one: same topics first, then similar words. */
  async similar(
    actor: Actor,
    practice: PracticeEntity,
    first: number | null | undefined,
  ): Promise<PracticeEntity[]> {
    const limit = Math.min(validatePageSize(first ?? 5), MAX_PAGE_SIZE);
    const topicRows: Array<{ slug: string }> = await this.tenantDb.run(actor, (manager) =>
      manager.query(
        'SELECT t.slug FROM practice_topic pt JOIN topic t ON t.id = pt.topic_id WHERE pt.practice_id = $1',
        [practice.id],
      ),
    );
    const base = `${visibilityFilter(actor)} AND id != ${quote(practice.id)}`;
    const words = practice.title.split(/\s+/).slice(0, 8).join(' ');
    const found: string[] = [];
    const attempts = topicRows.length
      ? [
          {
            query: '',
            filter: `${base} AND ${anyOf(
              'topics',
              topicRows.map((row) => row.slug),
            )}`,
          },
          { query: words, filter: base },
        ]
      : [{ query: words, filter: base }];
    for (const attempt of attempts) {
      if (found.length >= limit) break;
      const response = await this.engine(actor, {
        ...attempt,
        offset: 0,
        limit: limit * 2,
        retrieve: ['id'],
      });
      for (const hit of response.hits)
        if (!found.includes(hit.document.id)) found.push(hit.document.id);
    }
    const ids = found.slice(0, limit);
    if (ids.length === 0) return [];
    const practices = await this.tenantDb.run(actor, (manager) =>
      manager.getRepository(PracticeEntity).findBy({ id: In(ids) }),
    );
    const byId = new Map(practices.map((entry) => [entry.id, entry]));
    return ids
      .map((id) => byId.get(id))
      .filter((entry): entry is PracticeEntity => entry !== undefined);
  }

  /** The search index of published practices (for the one search box). */
  readonly searchIndex = PRACTICES_INDEX;

  /**
   * Practices found by another search (the one search box), read through row-level
   * security: what is hidden now stays hidden, whatever the index still holds.
   */
  async visibleByIds(actor: Actor, ids: string[]): Promise<PracticeEntity[]> {
    if (ids.length === 0) return [];
    return this.tenantDb.run(actor, (manager) =>
      manager.getRepository(PracticeEntity).findBy({ id: In(ids) }),
    );
  }

  /**
   * The hits' rows and their topic ids in one statement (the topics are handed to the
   * Practice.topics loader), through row-level security: what is hidden now stays hidden.
   */
  private async readHits(
    actor: Actor,
    ids: string[],
  ): Promise<{
    practices: PracticeEntity[];
    links: Array<{ owner: string; topicId: string }>;
  }> {
    // Plain SQL (no TypeORM building or hydration): read for every search (bench/load.mjs).
    // In one round trip with the caller's settings (TenantDb.read).
    const rows = await this.tenantDb.read<Record<string, unknown> & { topic_ids: string[] }>(
      actor,
      `SELECT ${PRACTICE_COLUMNS},
              ARRAY(SELECT pt.topic_id FROM practice_topic pt WHERE pt.practice_id = p.id) AS topic_ids
         FROM practice p WHERE p.id = ANY($1::uuid[])`,
      [ids],
    );
    const links = rows.flatMap((row) =>
      row.topic_ids.map((topicId) => ({ owner: row.id as string, topicId })),
    );
    const practices = rows.map(({ topic_ids: _topicIds, ...row }) => practiceFromRow(row));
    return { practices, links };
  }

  /**
   * The request goes with the caller's visibility twice: in its filter (built here) and
   * as the scope the engine enforces on its own (a tenant token), so a filter that
   * forgot it still finds, and counts, nothing hidden. An engine outage rejects with the
   * adapter's typed SERVICE_UNAVAILABLE, within MEILI_TIMEOUT_MS.
   */
  private engine(actor: Actor, request: SearchRequest): Promise<SearchResponse> {
    return this.search.search(PRACTICES_INDEX, request, visibilityFilter(actor));
  }

  private async labelFacets(
    facets: Record<string, Record<string, number>>,
  ): Promise<PracticeSearchResult['facets']> {
    const entries = (name: string) =>
      Object.entries(facets[name] ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const topicSlugs = entries('topics').map(([slug]) => slug);
    const topicNames = new Map(
      (await this.topics.list())
        .filter((topic) => topicSlugs.includes(topic.slug))
        .map((topic) => [topic.slug, topic.name]),
    );
    const citySlugs = entries('citySlug').map(([slug]) => slug);
    const cityNames = new Map(
      (await this.cities.bySlugs(citySlugs)).map((city) => [city.slug, city.name]),
    );
    const toCounts = (name: string, label: (value: string) => string): FacetCount[] =>
      entries(name).map(([value, count]) => ({ value, label: label(value), count }));
    return {
      topics: toCounts('topics', (slug) => topicNames.get(slug) ?? slug),
      federalStates: toCounts('federalState', (code) => federalStateName(code)),
      cities: toCounts('citySlug', (slug) => cityNames.get(slug) ?? slug),
      joinedYears: toCounts('joinedYear', (year) => year).sort(
        (a, b) => Number(b.value) - Number(a.value),
      ),
      kinds: toCounts('kind', (kind) => KIND_LABELS[kind] ?? kind),
    };
  }
}
