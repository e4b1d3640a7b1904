import { useCallback, useEffect, useState } from 'react';
import { useClient, type OperationResult } from 'urql';
import { MAX_PAGE_SIZE } from '@wissensnetz/domain';
import {
  TandemBoardDocument,
  type TandemBoardQuery,
  type TandemBoardQueryVariables,
  type TandemSummaryFragment,
} from '../../generated/graphql';

export type AllTandemsState =
  | { status: 'loading' }
  | { status: 'error' }
  | { status: 'done'; tandems: TandemSummaryFragment[] };

/** Guards against an API that keeps answering hasNextPage: true. */
const MAX_PAGES = 100;

/**
 * Every tandem of the network, page by page: one per new city at most, so a few
 * hundred. Always from the server, since the board is where they change.
 */
export function useAllTandems(): AllTandemsState & { reload: () => void } {
  const client = useClient();
  const [state, setState] = useState<AllTandemsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    async function load(): Promise<void> {
      const tandems: TandemSummaryFragment[] = [];
      let after: string | null = null;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const result: OperationResult<TandemBoardQuery, TandemBoardQueryVariables> = await client
          .query(
            TandemBoardDocument,
            { first: MAX_PAGE_SIZE, after },
            { requestPolicy: 'network-only' },
          )
          .toPromise();
        if (cancelled) return;
        if (result.error || !result.data) throw result.error ?? new Error('Empty tandems answer');
        const connection: TandemBoardQuery['tandems'] = result.data.tandems;
        tandems.push(...connection.edges.map((edge) => edge.node));
        if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) break;
        after = connection.pageInfo.endCursor;
      }
      if (!cancelled) setState({ status: 'done', tandems });
    }
    load().catch(() => {
      if (!cancelled) setState({ status: 'error' });
    });
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);

  // Keeps the board on screen while it reloads after a proposal; only the first load shows "loading".
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
