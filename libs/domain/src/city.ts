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

/** Routes of the web app that are not city slugs. */
export const RESERVED_SLUGS = [
  'graphql',
  'impressum',
  'datenschutz',
  'barrierefreiheit',
  'kontakt',
  'health',
  'themen',
  'topics',
  'assets',
  'dev',
  'export',
  'calendar',
  'login',
  'anmelden',
  'konto',
  'einladung',
  'passwort-vergessen',
  'passwort-zuruecksetzen',
  'netzwerk',
  'suche',
  'praxis',
  'files',
  'api',
  'benachrichtigungen',
  'konferenzen',
] as const;
