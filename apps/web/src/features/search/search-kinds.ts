import type { SearchHitFieldsFragment, SearchKind } from '../../generated/graphql';

/**
 * The tabs of `/suche`, in the address as `?art=` (German words like the rest of the
 * app's addresses): no `art` is "all". `praxis` is the practice search with its facets.
 */
export const SEARCH_TABS = ['alle', 'praxis', 'protokolle', 'konferenzen', 'staedte'] as const;
export type SearchTab = (typeof SEARCH_TABS)[number];

export const TAB_PARAM = 'art';

const KIND_OF_TAB: Record<Exclude<SearchTab, 'alle'>, SearchKind> = {
  praxis: 'PRACTICE',
  protokolle: 'RECORD',
  konferenzen: 'CONFERENCE',
  staedte: 'CITY',
};

export function readTab(params: URLSearchParams): SearchTab {
  const value = (params.get(TAB_PARAM) ?? '').toLowerCase();
  return (SEARCH_TABS as readonly string[]).includes(value) ? (value as SearchTab) : 'alle';
}

/** The kinds a tab asks the API for; all of them for "all". */
export function kindsOfTab(tab: SearchTab): SearchKind[] | null {
  return tab === 'alle' ? null : [KIND_OF_TAB[tab]];
}

export function tabOfKind(kind: SearchKind): SearchTab {
  const found = (Object.keys(KIND_OF_TAB) as Array<keyof typeof KIND_OF_TAB>).find(
    (tab) => KIND_OF_TAB[tab] === kind,
  );
  return found ?? 'alle';
}

/** The address of a tab for a search text; "all" leaves `art` out. */
export function tabHref(tab: SearchTab, query: string): string {
  const params = new URLSearchParams();
  if (query.trim()) params.set('q', query.trim());
  if (tab !== 'alle') params.set(TAB_PARAM, tab);
  const search = params.toString();
  return search ? `/suche?${search}` : '/suche';
}

/** Where a hit leads. */
export function hitHref(hit: SearchHitFieldsFragment): string {
  switch (hit.__typename) {
    case 'PracticeHit':
      return `/praxis/${hit.practice.id}`;
    case 'RecordHit':
      return `/konferenzen/${hit.record.conference.id}`;
    case 'ConferenceHit':
      return `/konferenzen/${hit.conference.id}`;
    case 'CityHit':
      return `/${hit.city.slug}`;
    default:
      return '/suche';
  }
}

/** The hit's title as plain text (for the suggestion's accessible name and the address bar). */
export function hitTitle(hit: SearchHitFieldsFragment): string {
  switch (hit.__typename) {
    case 'PracticeHit':
      return hit.practice.title;
    case 'RecordHit':
      return hit.conferenceTitle;
    case 'ConferenceHit':
      return hit.conference.title;
    case 'CityHit':
      return hit.city.name;
    default:
      return '';
  }
}

/** The title as the API highlighted it (escaped HTML with <mark>). */
export function hitTitleHtml(hit: SearchHitFieldsFragment): string {
  switch (hit.__typename) {
    case 'PracticeHit':
      return hit.titleHtml;
    case 'ConferenceHit':
      return hit.titleHtml;
    case 'CityHit':
      return hit.nameHtml;
    case 'RecordHit':
      return escapeText(hit.conferenceTitle);
    default:
      return '';
  }
}

export function hitSnippetHtml(hit: SearchHitFieldsFragment): string {
  switch (hit.__typename) {
    case 'PracticeHit':
      return hit.summaryHtml;
    case 'RecordHit':
    case 'ConferenceHit':
    case 'CityHit':
      return hit.snippetHtml;
    default:
      return '';
  }
}

function escapeText(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ??
      character,
  );
}
