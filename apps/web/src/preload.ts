import { useEffect } from 'react';
import { matchRoutes, type RouteObject } from 'react-router';
import { useClient, type Client } from 'urql';
import {
  CityProfileDocument,
  ConferenceDetailDocument,
  ConferenceListDocument,
  NetworkTopicsDocument,
  PracticeDocument,
} from './generated/graphql';
import { CONFERENCE_PAGE_SIZE } from './features/conferences/conference-format';

/** What a route can fetch ahead: its main query, with the same variables as its page. */
export type Preload = (params: Record<string, string | undefined>, client: Client) => void;

export interface PreloadHandle {
  preload?: Preload;
}

function query(client: Client, ...args: Parameters<Client['query']>): void {
  // Fills urql's cache; the page's useQuery then finds the answer at its first render.
  void client.query(...args).toPromise();
}

/** The main pages' first queries (kept next to the preloads, so a page change shows here). */
export const PRELOADS = {
  city: ({ city }, client) => city && query(client, CityProfileDocument, { slug: city }),
  practice: ({ id }, client) => id && query(client, PracticeDocument, { id }),
  topics: (_params, client) => query(client, NetworkTopicsDocument, {}),
  // The list's two sections without filters (ConferencesPage's ConferenceSection).
  conferences: (_params, client) => {
    for (const upcoming of [true, false]) {
      query(client, ConferenceListDocument, {
        first: CONFERENCE_PAGE_SIZE,
        filter: { upcoming, kind: null, region: null },
      });
    }
  },
  conference: ({ id }, client) => id && query(client, ConferenceDetailDocument, { id }),
} satisfies Record<string, Preload>;

const started = new Set<string>();

/**
 * On hover or keyboard focus of an in-app link, fetches the target page's chunk and its
 * main data, so following the link shows the page without a loading message. Each address
 * is fetched ahead once per page view; the router and urql keep what arrived.
 */
export function usePreloadOnIntent(routes: RouteObject[]): void {
  const client = useClient();
  useEffect(() => {
    const onIntent = (event: Event) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.origin !== window.location.origin) return;
      const path = link.pathname;
      if (started.has(path) || path === window.location.pathname) return;
      started.add(path);
      for (const match of matchRoutes(routes, path) ?? []) {
        const { route, params } = match;
        if (typeof route.lazy === 'function') void route.lazy().catch(() => started.delete(path));
        (route.handle as PreloadHandle | undefined)?.preload?.(params, client);
      }
    };
    document.addEventListener('pointerover', onIntent);
    document.addEventListener('focusin', onIntent);
    return () => {
      document.removeEventListener('pointerover', onIntent);
      document.removeEventListener('focusin', onIntent);
    };
  }, [routes, client]);
}
