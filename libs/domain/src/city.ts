/** What kind of municipality a member of the network is. */
export enum CityKind {
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  COMMUNITY = 'COMMUNITY',
}

export const CITY_KINDS = Object.values(CityKind);

/** Slugs appear in URLs (`/cloppenburg`): lower-case letters, digits and single hyphens. */
export const CITY_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Page sizes of every connection are capped here, for the API and the web alike. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
