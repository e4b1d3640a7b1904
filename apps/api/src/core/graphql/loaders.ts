import DataLoader from 'dataloader';

/**
 * Per-request DataLoader cache, carried in the GraphQL context (no request-scoped
 * providers). A feature asks for its loader by a key and says how to build it;
 * within one request every resolver shares the same loader and its batching.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(key: string, batch: (keys: readonly K[]) => Promise<V[]>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 });
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

export interface GraphQLContext {
  loaders: RequestLoaders;
  req: import('express').Request;
  res: import('express').Response;
  /** Set for subscriptions: the actor of the WebSocket connection's latest session check. */
  readonly wsActor?: import('../tenancy/actor').Actor;
  /** Set for subscriptions: the WebSocket connection's session, read again per event. */
  live?: import('./live-session').LiveSession;
}

/** Orders batch results like the keys; missing keys get the fallback. */
export function byKeys<K, V, R>(
  keys: readonly K[],
  rows: V[],
  keyOf: (row: V) => K,
  group: (rows: V[]) => R,
): R[] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return keys.map((key) => group(map.get(key) ?? []));
}

/** Rows with an id, ordered like the ids asked for; null where a row is missing or hidden. */
export function oneById<T extends { id: string }>(
  ids: readonly string[],
  rows: T[],
): Array<T | null> {
  return byKeys(
    ids,
    rows,
    (row) => row.id,
    (found) => found[0] ?? null,
  );
}

/** The request's loader of rows by id under `key`: each tick's ids in one `fetch`. */
export function loadById<T extends { id: string }>(
  ctx: GraphQLContext,
  key: string,
  fetch: (ids: string[]) => Promise<T[]>,
  id: string,
): Promise<T | null> {
  return ctx.loaders
    .get(key, async (ids: readonly string[]) => oneById(ids, await fetch([...ids])))
    .load(id);
}

/**
 * Rows by id from a cached list of small reference data (cities, topics); only ids the
 * list does not know yet (added after it was loaded) go to `fetchMissing`.
 */
export async function fromCachedList<T extends { id: string }>(
  cached: T[],
  ids: readonly string[],
  fetchMissing: (ids: string[]) => Promise<T[]>,
): Promise<Array<T | null>> {
  const known = new Map(cached.map((row) => [row.id, row]));
  const missing = ids.filter((id) => !known.has(id));
  const fetched = missing.length ? await fetchMissing(missing) : [];
  return oneById(ids, [...ids.flatMap((id) => known.get(id) ?? []), ...fetched]);
}
