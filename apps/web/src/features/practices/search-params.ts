import type { PracticeFeedScope } from '@wissensnetz/domain';
/**
 * The search page keeps its state in the address, so a reload or a shared link shows the
 * same results: `/suche?q=Ehrenamt&thema=digitalisierung&land=DE-NW`. Several values of
 * one filter repeat the parameter (`thema=a&thema=b`).
 */
export interface SearchState {
  query: string;
  topics: string[];
  federalStates: string[];
  cities: string[];
  joinedYears: string[];
  kinds: string[];
}

export type FacetName = Exclude<keyof SearchState, 'query'>;

export const FACET_NAMES: readonly FacetName[] = [
  'topics',
  'federalStates',
  'cities',
  'joinedYears',
  'kinds',
];

/** German parameter names, like the rest of the app's addresses (`/netzwerk?jahr=2024`). */
export const FACET_PARAMS: Record<FacetName, string> = {
  topics: 'thema',
  federalStates: 'land',
  cities: 'stadt',
  joinedYears: 'jahr',
  // `art` is the results page's tab (features/search/search-kinds.ts).
  kinds: 'typ',
};

const KINDS = ['CITY', 'DISTRICT', 'COMMUNITY'] as const;
type Kind = (typeof KINDS)[number];

/** Longest search text the API accepts. */
export const MAX_QUERY_LENGTH = 200;

const unique = (values: string[]) => [...new Set(values.filter((value) => value !== ''))];

export function readSearchState(params: URLSearchParams): SearchState {
  return {
    query: (params.get('q') ?? '').slice(0, MAX_QUERY_LENGTH),
    topics: unique(params.getAll(FACET_PARAMS.topics)),
    federalStates: unique(params.getAll(FACET_PARAMS.federalStates).map((v) => v.toUpperCase())),
    cities: unique(params.getAll(FACET_PARAMS.cities)),
    // Anything that is not a year would only make the API answer with an error.
    joinedYears: unique(params.getAll(FACET_PARAMS.joinedYears).filter((v) => /^\d{4}$/.test(v))),
    kinds: unique(params.getAll(FACET_PARAMS.kinds).map((v) => v.toUpperCase())).filter(isKind),
  };
}

function isKind(value: string): value is Kind {
  return (KINDS as readonly string[]).includes(value);
}

export function writeSearchState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  const query = state.query.trim();
  if (query) params.set('q', query);
  for (const name of FACET_NAMES) {
    for (const value of state[name]) params.append(FACET_PARAMS[name], value);
  }
  return params;
}

export function hasFilters(state: SearchState): boolean {
  return FACET_NAMES.some((name) => state[name].length > 0);
}

/** The API's filter input; empty lists are left out. */
export function searchFilter(state: SearchState) {
  return {
    topicSlugs: state.topics.length ? state.topics : undefined,
    federalStates: state.federalStates.length ? state.federalStates : undefined,
    citySlugs: state.cities.length ? state.cities : undefined,
    joinedYears: state.joinedYears.length ? state.joinedYears.map(Number) : undefined,
    kinds: state.kinds.length ? state.kinds.filter(isKind) : undefined,
  };
}

export function toggleValue(state: SearchState, name: FacetName, value: string): SearchState {
  const current = state[name];
  const next = current.includes(value)
    ? current.filter((item) => item !== value)
    : [...current, value];
  return { ...state, [name]: next };
}

/**
 * The feed that matches a search: the topic's or the city's when that is its only
 * filter (and there is no search text), else the feed of all public practices.
 * `facets` lend the topic's or city's name once the search has answered.
 */
export function feedOfSearch(
  state: SearchState,
  facets: { topics: ReadonlyArray<FacetLabel>; cities: ReadonlyArray<FacetLabel> } | null,
): { scope: PracticeFeedScope; name?: string } {
  const only = FACET_NAMES.filter((name) => state[name].length > 0);
  if (state.query.trim() === '' && only.length === 1 && state[only[0]].length === 1) {
    const slug = state[only[0]][0];
    if (only[0] === 'topics')
      return {
        scope: { kind: 'topic', slug },
        name: facets?.topics.find((facet) => facet.value === slug)?.label ?? undefined,
      };
    if (only[0] === 'cities')
      return {
        scope: { kind: 'city', slug },
        name: facets?.cities.find((facet) => facet.value === slug)?.label ?? undefined,
      };
  }
  return { scope: { kind: 'all' } };
}

interface FacetLabel {
  value: string;
  label?: string | null;
}
