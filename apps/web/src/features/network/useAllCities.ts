import { useCallback, useEffect, useState } from 'react';
import { useClient, type OperationResult } from 'urql';
import { MAX_PAGE_SIZE } from '@wissensnetz/domain';
import {
  NetworkCitiesDocument,
  type NetworkCitiesQuery,
  type NetworkCitiesQueryVariables,
} from '../../generated/graphql';

export type NetworkCity = NetworkCitiesQuery['cities']['edges'][number]['node'];

export type AllCitiesState =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'done'; cities: NetworkCity[]; totalCount: number };

/** Guards against an API that keeps answering hasNextPage: true. */
const MAX_PAGES = 1000;

/**
 * Loads every member city by following the connection's cursors. The network has a
 * few hundred cities at most, so the start page shows them all instead of paginating.
 */
export function useAllCities(): AllCitiesState & { reload: () => void } {
  const client = useClient();
  const [state, setState] = useState<AllCitiesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;

    async function load(): Promise<void> {
      const cities: NetworkCity[] = [];
      let after: string | null = null;
      let totalCount = 0;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const result: OperationResult<NetworkCitiesQuery, NetworkCitiesQueryVariables> =
          await client
            .query(
              NetworkCitiesDocument,
              { first: MAX_PAGE_SIZE, after },
              { requestPolicy: attempt > 0 ? 'network-only' : 'cache-first' },
            )
            .toPromise();
        if (cancelled) return;
        if (result.error || !result.data) {
          throw result.error ?? new Error('Empty response for cities');
        }
        const connection: NetworkCitiesQuery['cities'] = result.data.cities;
        totalCount = connection.totalCount;
        cities.push(...connection.edges.map((edge) => edge.node));
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
      if (!cancelled) setState({ status: 'done', cities, totalCount });
    }

    load().catch((error: unknown) => {
      if (!cancelled)
        setState({
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        });
    });
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  return { ...state, reload };
}
