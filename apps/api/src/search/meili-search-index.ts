import { Meilisearch, MeilisearchApiError, type Hit } from 'meilisearch';
import { generateTenantToken } from 'meilisearch/token';
import {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  type IndexSettings,
  type SearchDocument,
  type SearchIndex,
  type SearchRequest,
  type SearchResponse,
} from './search-index';

/** How long a write may take to become searchable before it counts as failed. */
const TASK_TIMEOUT_MS = 60_000;
/** Tenant tokens live an hour and are reused for 50 minutes. */
const TOKEN_LIFETIME_MS = 60 * 60_000;
const TOKEN_REUSE_MS = 50 * 60_000;
/** Distinct scopes are few (anonymous, organizers, each set of member cities). */
const MAX_SCOPES = 1000;
const SEARCH_KEY_NAME = 'wissensnetz-search';

export class MeiliSearchIndex implements SearchIndex {
  private readonly client: Meilisearch;
  private searchKey?: Promise<{ key: string; uid: string }>;
  private readonly scoped = new Map<string, { client: Promise<Meilisearch>; until: number }>();

  constructor(
    private readonly url: string,
    private readonly apiKey: string,
  ) {
    this.client = this.connect(apiKey);
  }

  private connect(apiKey: string): Meilisearch {
    return new Meilisearch({
      host: this.url,
      apiKey: apiKey || undefined,
      // Measured (bench/search.mjs): on a reused keep-alive connection each request
      // to Meilisearch waited ~40 ms (small TCP segments meeting delayed ACKs); a fresh
      // connection per request answers in ~3 ms, even with the connect.
      requestInit: { headers: { connection: 'close' } },
    });
  }

  async ping(): Promise<void> {
    const health = await this.client.health();
    if (health.status !== 'available') throw new Error(`Meilisearch status is ${health.status}`);
  }

  async version(): Promise<string> {
    return (await this.client.getVersion()).pkgVersion;
  }

  async configure(index: string, settings: IndexSettings): Promise<void> {
    if (!(await this.exists(index))) {
      await this.succeeded(
        this.client.createIndex(index, { primaryKey: 'id' }).waitTask({ timeout: TASK_TIMEOUT_MS }),
      );
    }
    await this.succeeded(
      this.client
        .index(index)
        .updateSettings({
          searchableAttributes: settings.searchableAttributes,
          filterableAttributes: settings.filterableAttributes,
          sortableAttributes: settings.sortableAttributes,
          displayedAttributes: settings.displayedAttributes ?? ['*'],
          rankingRules: settings.rankingRules,
          stopWords: settings.stopWords,
          synonyms: settings.synonyms,
          typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
          pagination: { maxTotalHits: 100_000 },
          faceting: { maxValuesPerFacet: 200 },
        })
        .waitTask({ timeout: TASK_TIMEOUT_MS }),
    );
  }

  async upsert(index: string, documents: SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    await this.succeeded(
      this.client
        .index(index)
        .addDocuments(documents, { primaryKey: 'id' })
        .waitTask({ timeout: TASK_TIMEOUT_MS, interval: 20 }),
    );
  }

  async remove(index: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.succeeded(
      this.client
        .index(index)
        .deleteDocuments(ids)
        .waitTask({ timeout: TASK_TIMEOUT_MS, interval: 20 }),
    );
  }

  async search(index: string, request: SearchRequest, scope?: string): Promise<SearchResponse> {
    const client = scope === undefined ? this.client : await this.scopedClient(index, scope);
    const result = await client.index(index).search<SearchDocument>(request.query, {
      filter: request.filter,
      facets: request.facets,
      offset: request.offset,
      limit: request.limit,
      sort: request.sort,
      attributesToHighlight: request.highlight,
      attributesToRetrieve: request.retrieve,
      highlightPreTag: HIGHLIGHT_START,
      highlightPostTag: HIGHLIGHT_END,
    });
    return {
      hits: result.hits.map((hit: Hit<SearchDocument>) => {
        const { _formatted, ...document } = hit;
        const highlighted: Record<string, string> = {};
        for (const attribute of request.highlight ?? []) {
          const value = (_formatted as Record<string, unknown> | undefined)?.[attribute];
          if (typeof value === 'string') highlighted[attribute] = value;
        }
        return { document: document as SearchDocument, highlighted };
      }),
      total: result.estimatedTotalHits ?? result.hits.length,
      facets: (result.facetDistribution ?? {}) as Record<string, Record<string, number>>,
      processingTimeMs: result.processingTimeMs,
    };
  }

  async swap(a: string, b: string): Promise<void> {
    await this.succeeded(
      this.client
        .swapIndexes([{ indexes: [a, b], rename: false }])
        .waitTask({ timeout: TASK_TIMEOUT_MS }),
    );
  }

  async drop(index: string): Promise<void> {
    if (!(await this.exists(index))) return;
    await this.succeeded(this.client.deleteIndex(index).waitTask({ timeout: TASK_TIMEOUT_MS }));
  }

  async exists(index: string): Promise<boolean> {
    try {
      await this.client.getRawIndex(index);
      return true;
    } catch (error) {
      if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found')
        return false;
      throw error;
    }
  }

  async count(index: string): Promise<number> {
    return (await this.client.index(index).getStats()).numberOfDocuments;
  }

  /**
   * A client whose every search in `index` Meilisearch restricts to `scope`, through a
   * tenant token signed with a search-only key: the engine applies the filter itself,
   * whatever the request says.
   */
  private scopedClient(index: string, scope: string): Promise<Meilisearch> {
    // An engine without a master key has no keys to sign with (development only; the
    // configuration requires a key in production): the request's filter is all there is.
    if (!this.apiKey) return Promise.resolve(this.client);
    const cacheKey = `${index}\n${scope}`;
    const now = Date.now();
    const cached = this.scoped.get(cacheKey);
    if (cached && cached.until > now) return cached.client;
    if (this.scoped.size >= MAX_SCOPES) this.scoped.clear();
    const client = (async () => {
      const { key, uid } = await this.searchOnlyKey();
      const token = await generateTenantToken({
        apiKey: key,
        apiKeyUid: uid,
        searchRules: { [index]: { filter: scope } },
        expiresAt: new Date(now + TOKEN_LIFETIME_MS),
      });
      return this.connect(token);
    })();
    this.scoped.set(cacheKey, { client, until: now + TOKEN_REUSE_MS });
    // A failure (engine down) must not stay cached.
    client.catch(() => this.scoped.delete(cacheKey));
    return client;
  }

  /** The key tenant tokens are signed with: may search, nothing else; created once. */
  private searchOnlyKey(): Promise<{ key: string; uid: string }> {
    this.searchKey ??= (async () => {
      const { results } = await this.client.getKeys({ limit: 1000 });
      const found = results.find(
        (candidate) =>
          candidate.name === SEARCH_KEY_NAME &&
          candidate.expiresAt === null &&
          candidate.actions.length === 1 &&
          candidate.actions[0] === 'search',
      );
      const key =
        found ??
        (await this.client.createKey({
          name: SEARCH_KEY_NAME,
          description: 'Signs the tenant tokens of Wissensnetz searches',
          actions: ['search'],
          indexes: ['*'],
          expiresAt: null,
        }));
      return { key: key.key, uid: key.uid };
    })();
    this.searchKey.catch(() => (this.searchKey = undefined));
    return this.searchKey;
  }

  /** A task that ran but failed (bad settings, bad documents) is an error, not a success. */
  private async succeeded(
    task: Promise<{ status: string; error?: { message: string } | null; uid: number }>,
  ): Promise<void> {
    const done = await task;
    if (done.status !== 'succeeded') {
      throw new Error(
        `Meilisearch task ${done.uid} ${done.status}: ${done.error?.message ?? 'no details'}`,
      );
    }
  }
}
