/**
 * What the rest of the API may ask of the search engine. Features depend on this
 * interface, never on the Meilisearch client, so another engine (or a test double
 * in pure unit tests) can stand in.
 */
export interface SearchIndex {
  /** Resolves when the engine answers its health check; rejects otherwise. */
  ping(signal?: AbortSignal): Promise<void>;
  /** The engine's version string, for logs and the start banner. */
  version(): Promise<string>;
}

export const SEARCH_INDEX = Symbol('SEARCH_INDEX');
