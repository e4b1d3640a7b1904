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
  /** Set for subscriptions: the actor of the WebSocket connection. */
  wsActor?: import('../tenancy/actor').Actor;
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
