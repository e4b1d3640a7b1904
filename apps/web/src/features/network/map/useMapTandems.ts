import { useMemo } from 'react';
import { useQuery } from 'urql';
import { MAX_PAGE_SIZE } from '@wissensnetz/domain';
import { NetworkMapTandemsDocument } from '../../../generated/graphql';
import type { MapTandem } from './types';

/**
 * The tandem pairs for the map's lines. Asked for by the start page as it mounts, next to
 * the cities, so the lines do not wait for a second round trip after the map is drawn.
 * Who is signed in changes which tandems may be seen (proposals: only their cities).
 */
export function useMapTandems(): MapTandem[] {
  const [result] = useQuery({
    query: NetworkMapTandemsDocument,
    variables: { first: MAX_PAGE_SIZE },
    requestPolicy: 'cache-and-network',
  });
  return useMemo<MapTandem[]>(
    () =>
      (result.data?.tandems.edges ?? []).flatMap(({ node }) =>
        node.status === 'DECLINED'
          ? []
          : [
              {
                id: node.id,
                status: node.status,
                newCityId: node.newCity.id,
                partnerCityId: node.partnerCity.id,
              },
            ],
      ),
    [result.data],
  );
}
