/**
 * What the rest of the API may ask of the search engine. Features depend on this
 * interface, never on the Meilisearch client, so another engine could stand in.
 *
 * Every call is bounded in time. When the engine is down, frozen or overloaded, every
 * call rejects with ServiceUnavailableException (`SERVICE_UNAVAILABLE`,
 * reason `SEARCH_UNAVAILABLE`, core/errors/service-unavailable.ts): callers let it
 * through, and the client gets the typed error.
 */
export interface SearchIndex {
  /** Resolves when the engine answers its health check; rejects otherwise. */
  ping(signal?: AbortSignal): Promise<void>;
  /** The engine's version string, for logs and the start banner. */
  version(): Promise<string>;
  /** Creates the index when missing and applies its settings; waits until done. */
  configure(index: string, settings: IndexSettings): Promise<void>;
  /** Adds or replaces documents; resolves once they are searchable (waiting at most `waitMs`). */
  upsert(index: string, documents: SearchDocument[], waitMs?: number): Promise<void>;
  /** Removes documents; resolves once they are gone from results (waiting at most `waitMs`). */
  remove(index: string, ids: string[], waitMs?: number): Promise<void>;
  /**
   * `scope`: a filter the engine itself enforces on top of the request's (a second
   * check: what the caller may see, so a request that forgot it still finds nothing
   * more, facet counts included).
   */
  search(index: string, request: SearchRequest, scope?: string): Promise<SearchResponse>;
  /**
   * One ranked list across several indexes (Meilisearch's federated multi-search) and,
   * in the same round trip to the caller, each query's own number of matches.
   * `scopes`: per index the filter the engine enforces itself ('' for none); an index
   * missing from it cannot be searched with the resulting token at all.
   */
  federatedSearch(
    request: FederatedSearchRequest,
    scopes?: Record<string, string>,
  ): Promise<FederatedSearchResponse>;
  /** Atomically exchanges the contents of two indexes (both must exist). */
  swap(a: string, b: string): Promise<void>;
  drop(index: string): Promise<void>;
  exists(index: string): Promise<boolean>;
  count(index: string): Promise<number>;
}

export const SEARCH_INDEX = Symbol('SEARCH_INDEX');

export type SearchDocument = { id: string } & Record<string, unknown>;

export interface IndexSettings {
  searchableAttributes: string[];
  filterableAttributes: string[];
  sortableAttributes: string[];
  displayedAttributes?: string[];
  rankingRules?: string[];
  stopWords: string[];
  synonyms: Record<string, string[]>;
}

export interface SearchRequest {
  query: string;
  /** Engine filter expression; built by the feature, never taken from a client. */
  filter?: string;
  facets?: string[];
  offset: number;
  limit: number;
  highlight?: string[];
  sort?: string[];
  /** Attributes each hit's document carries back (default: all of them). */
  retrieve?: string[];
}

export interface FederatedQuery {
  index: string;
  query: string;
  filter?: string;
  highlight?: string[];
  /** Attributes shortened to a passage around the matches (and highlighted). */
  crop?: string[];
  retrieve?: string[];
  /** Factor on this query's ranking scores in the merged list (default 1). */
  weight?: number;
}

export interface FederatedSearchRequest {
  /** Queries whose hits are merged into one ranked list. */
  queries: FederatedQuery[];
  /** Queries that are only counted (for tabs): usually a superset of `queries`. */
  counted: FederatedQuery[];
  offset: number;
  limit: number;
}

export interface FederatedHit extends SearchHit {
  /** The index the hit came from. */
  index: string;
}

export interface FederatedSearchResponse {
  hits: FederatedHit[];
  /** Matches of the merged queries on all pages (estimated by the engine). */
  total: number;
  /** Matches per counted index. */
  counts: Record<string, number>;
  processingTimeMs: number;
}

export interface SearchHit {
  document: SearchDocument;
  /** Highlighted copies of the requested attributes, marked with HIGHLIGHT_START/END. */
  highlighted: Record<string, string>;
}

export interface SearchResponse {
  hits: SearchHit[];
  total: number;
  facets: Record<string, Record<string, number>>;
  processingTimeMs: number;
}

/**
 * The engine's highlight marks; search/highlight.ts turns each START…END pair into <mark>
 * after escaping. Stored text may hold these characters too (input refuses only NUL and
 * lone surrogates): the converter drops every mark that is not part of a pair.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';
