import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchTaskTimeOutError,
  type FederatedMultiSearchParams,
  type Hit,
} from 'meilisearch';
import { generateTenantToken } from 'meilisearch/token';
import { ServiceUnavailableException } from '../core/errors/service-unavailable';
import { engineHttpClient } from './engine-http';
import {
  HIGHLIGHT_END,
  HIGHLIGHT_START,
  type FederatedHit,
  type FederatedQuery,
  type FederatedSearchRequest,
  type FederatedSearchResponse,
  type IndexSettings,
  type SearchDocument,
  type SearchIndex,
  type SearchRequest,
  type SearchResponse,
} from './search-index';

/** How long a write may take to become searchable before it counts as failed. */
const TASK_TIMEOUT_MS = 60_000;
/**
 * Bound of one HTTP request when the caller names none: long enough for the large batches
 * of a rebuild (bench, scripts). The API passes MEILI_TIMEOUT_MS.
 */
const REQUEST_TIMEOUT_MS = 60_000;
/** Tenant tokens live an hour and are reused for 50 minutes. */
const TOKEN_LIFETIME_MS = 60 * 60_000;
const TOKEN_REUSE_MS = 50 * 60_000;
/** Distinct scopes are few (anonymous, organizers, each set of member cities). */
const MAX_SCOPES = 1000;
const SEARCH_KEY_NAME = 'wissensnetz-search';
/** Words of a cropped passage (a snippet under a hit). */
const CROP_WORDS = 24;

export interface MeiliSearchIndexOptions {
  /** Bound of every HTTP request to the engine: a frozen engine fails fast instead of hanging. */
  requestTimeoutMs?: number;
}

/**
 * The Meilisearch implementation of SearchIndex. Every request is bounded by
 * `requestTimeoutMs`; when the engine cannot be reached, does not answer in time or
 * answers with a server error, every operation rejects with the one typed
 * ServiceUnavailableException (SERVICE_UNAVAILABLE, SEARCH_UNAVAILABLE).
 */
export class MeiliSearchIndex implements SearchIndex {
  private readonly client: Meilisearch;
  private readonly requestTimeoutMs: number;
  private searchKey?: Promise<{ key: string; uid: string }>;
  private readonly scoped = new Map<string, { client: Promise<Meilisearch>; until: number }>();
  /** One keep-alive connection pool for the master client and every tenant-token client. */
  private readonly http = engineHttpClient();

  constructor(
    private readonly url: string,
    private readonly apiKey: string,
    options: MeiliSearchIndexOptions = {},
  ) {
    this.requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    this.client = this.connect(apiKey);
  }

  private connect(apiKey: string): Meilisearch {
    return new Meilisearch({
      host: this.url,
      apiKey: apiKey || undefined,
      timeout: this.requestTimeoutMs,
      // Kept-alive connections with TCP_NODELAY instead of fetch with `Connection: close`
      // (a new TCP connection per search); see engine-http.ts for what that cost.
      // BENCH_MEILI_FETCH=1 restores the former client, for bench/load.mjs's before/after only.
      ...(process.env.BENCH_MEILI_FETCH === '1'
        ? { requestInit: { headers: { connection: 'close' } } }
        : { httpClient: this.http.fetch }),
    });
  }

  ping(): Promise<void> {
    return this.guard(async () => {
      const health = await this.client.health();
      if (health.status !== 'available')
        throw ServiceUnavailableException.search(
          new Error(`Meilisearch status is ${health.status}`),
        );
    });
  }

  version(): Promise<string> {
    return this.guard(async () => (await this.client.getVersion()).pkgVersion);
  }

  configure(index: string, settings: IndexSettings): Promise<void> {
    return this.guard(() => this.applySettings(index, settings));
  }

  private async applySettings(index: string, settings: IndexSettings): Promise<void> {
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

  async upsert(
    index: string,
    documents: SearchDocument[],
    waitMs = TASK_TIMEOUT_MS,
  ): Promise<void> {
    if (documents.length === 0) return;
    await this.guard(() =>
      this.succeeded(
        this.client
          .index(index)
          .addDocuments(documents, { primaryKey: 'id' })
          .waitTask({ timeout: waitMs, interval: 20 }),
      ),
    );
  }

  async remove(index: string, ids: string[], waitMs = TASK_TIMEOUT_MS): Promise<void> {
    if (ids.length === 0) return;
    await this.guard(() =>
      this.succeeded(
        this.client.index(index).deleteDocuments(ids).waitTask({ timeout: waitMs, interval: 20 }),
      ),
    );
  }

  search(index: string, request: SearchRequest, scope?: string): Promise<SearchResponse> {
    return this.scopedCall(scope === undefined ? undefined : { [index]: scope }, () =>
      this.searchOnce(index, request, scope),
    );
  }

  federatedSearch(
    request: FederatedSearchRequest,
    scopes?: Record<string, string>,
  ): Promise<FederatedSearchResponse> {
    return this.scopedCall(scopes, async () => {
      const client = scopes === undefined ? this.client : await this.scopedClient(scopes);
      const params = (query: FederatedQuery) => ({
        indexUid: query.index,
        q: query.query,
        filter: query.filter,
        // A cropped passage is highlighted too (the engine crops without marking otherwise).
        attributesToHighlight: [...(query.highlight ?? []), ...(query.crop ?? [])],
        attributesToCrop: query.crop,
        cropLength: query.crop ? CROP_WORDS : undefined,
        attributesToRetrieve: query.retrieve,
        highlightPreTag: HIGHLIGHT_START,
        highlightPostTag: HIGHLIGHT_END,
      });
      const federated = (query: FederatedQuery) => ({
        ...params(query),
        federationOptions: { weight: query.weight ?? 1 },
      });
      // Two requests side by side: a federated request answers one total for all its
      // queries, the tabs need one per index (limit 0 counts without fetching hits).
      const [merged, counted] = await Promise.all([
        request.queries.length > 0
          ? client.multiSearch<FederatedMultiSearchParams, SearchDocument>({
              federation: { offset: request.offset, limit: request.limit },
              queries: request.queries.map(federated),
            })
          : undefined,
        request.counted.length > 0
          ? client.multiSearch({
              queries: request.counted.map((query) => ({
                indexUid: query.index,
                q: query.query,
                filter: query.filter,
                limit: 0,
              })),
            })
          : undefined,
      ]);
      const counts: Record<string, number> = {};
      for (const result of counted?.results ?? [])
        counts[result.indexUid] = result.estimatedTotalHits ?? 0;
      return {
        hits: (merged?.hits ?? []).map((hit): FederatedHit => {
          const { _formatted, _federation, ...document } = hit;
          return {
            index: _federation?.indexUid ?? '',
            document: document as SearchDocument,
            highlighted: highlightedOf(_formatted, request, _federation?.indexUid),
          };
        }),
        total: merged?.estimatedTotalHits ?? 0,
        counts,
        processingTimeMs: Math.max(merged?.processingTimeMs ?? 0, 0),
      };
    });
  }

  /** A search (scoped or not) with the engine's failures turned into typed outcomes. */
  private scopedCall<T>(
    scopes: Record<string, string> | undefined,
    operation: () => Promise<T>,
  ): Promise<T> {
    return this.guard(async () => {
      try {
        return await operation();
      } catch (error) {
        if (scopes !== undefined && isApiError(error, 'invalid_api_key')) {
          // The engine lost the key our cached tenant tokens are signed with (its data was
          // reset): sign new ones from now on.
          this.searchKey = undefined;
          this.scoped.clear();
          throw ServiceUnavailableException.search(error);
        }
        if (isApiError(error, 'index_not_found')) {
          // A fresh engine before the outbox worker created the index: not ready yet.
          throw ServiceUnavailableException.search(error);
        }
        throw error;
      }
    });
  }

  private async searchOnce(
    index: string,
    request: SearchRequest,
    scope: string | undefined,
  ): Promise<SearchResponse> {
    const client = scope === undefined ? this.client : await this.scopedClient({ [index]: scope });
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

  swap(a: string, b: string): Promise<void> {
    return this.guard(() =>
      this.succeeded(
        this.client
          .swapIndexes([{ indexes: [a, b], rename: false }])
          .waitTask({ timeout: TASK_TIMEOUT_MS }),
      ),
    );
  }

  drop(index: string): Promise<void> {
    return this.guard(async () => {
      if (!(await this.exists(index))) return;
      await this.succeeded(this.client.deleteIndex(index).waitTask({ timeout: TASK_TIMEOUT_MS }));
    });
  }

  exists(index: string): Promise<boolean> {
    return this.guard(async () => {
      try {
        await this.client.getRawIndex(index);
        return true;
      } catch (error) {
        if (isApiError(error, 'index_not_found')) return false;
        throw error;
      }
    });
  }

  count(index: string): Promise<number> {
    return this.guard(async () => (await this.client.index(index).getStats()).numberOfDocuments);
  }

  /** An engine that cannot answer (in time) becomes the one typed error; other errors stay as they are. */
  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      const cause = meiliCause(error);
      throw isOutage(cause) ? ServiceUnavailableException.search(cause) : cause;
    }
  }

  /**
   * A client whose every search Meilisearch restricts to the given indexes, each to its
   * filter ('' for none), through a tenant token signed with a search-only key: the engine applies the filter itself,
   * whatever the request says.
   */
  private scopedClient(scopes: Record<string, string>): Promise<Meilisearch> {
    // An engine without a master key has no keys to sign with (development only; the
    // configuration requires a key in production): the request's filter is all there is.
    if (!this.apiKey) return Promise.resolve(this.client);
    const cacheKey = JSON.stringify(Object.entries(scopes).sort(([a], [b]) => a.localeCompare(b)));
    const now = Date.now();
    const cached = this.scoped.get(cacheKey);
    if (cached && cached.until > now) return cached.client;
    if (this.scoped.size >= MAX_SCOPES) this.scoped.clear();
    const client = (async () => {
      const { key, uid } = await this.searchOnlyKey();
      const token = await generateTenantToken({
        apiKey: key,
        apiKeyUid: uid,
        searchRules: Object.fromEntries(
          Object.entries(scopes).map(([index, filter]) => [index, filter ? { filter } : null]),
        ),
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

function highlightedOf(
  formatted: unknown,
  request: FederatedSearchRequest,
  index: string | undefined,
): Record<string, string> {
  const highlighted: Record<string, string> = {};
  const asked = request.queries.find((query) => query.index === index);
  const attributes = [...(asked?.highlight ?? []), ...(asked?.crop ?? [])];
  for (const attribute of attributes) {
    const value = (formatted as Record<string, unknown> | undefined)?.[attribute];
    if (typeof value === 'string') highlighted[attribute] = value;
  }
  return highlighted;
}

/**
 * No answer (refused, reset, timed out: MeilisearchRequestError), a task not applied in
 * time, or a server error (5xx). A 4xx is a bug in the request, not an outage.
 */
function isOutage(thrown: unknown): boolean {
  const error = meiliCause(thrown);
  return (
    error instanceof MeilisearchRequestError ||
    error instanceof MeilisearchTaskTimeOutError ||
    (error instanceof MeilisearchApiError && error.response.status >= 500)
  );
}

function isApiError(thrown: unknown, code: string): boolean {
  const error = meiliCause(thrown);
  return error instanceof MeilisearchApiError && error.cause?.code === code;
}

/**
 * The client wraps whatever its `httpClient` throws in a MeilisearchRequestError, also the
 * MeilisearchApiError engine-http.ts throws for a 4xx/5xx answer: that one is unwrapped, so
 * a 4xx stays a request bug and not an outage.
 */
function meiliCause(error: unknown): unknown {
  return error instanceof MeilisearchRequestError && error.cause instanceof MeilisearchApiError
    ? error.cause
    : error;
}
