/**
 * Every page of the web app, in ONE list: the web router (apps/web/src/App.tsx) declares
 * exactly these paths (a web test compares them), and the server answers every other
 * address with HTTP 404 (apps/api/src/web-app.ts). A new page is added here first.
 *
 * `:name` is one path segment of any value (an id, a token). Pages of a city live under
 * `/<city-slug>/…` and exist only for slugs of member cities.
 */
export const NETWORK_ROUTES = [
  '',
  'themen',
  'topics',
  'anmelden',
  'login',
  'passwort-vergessen',
  'passwort-zuruecksetzen/:token',
  'einladung/:token',
  'konto',
  'netzwerk/protokoll',
  'benachrichtigungen',
  'netzwerk/tandems',
  'netzwerk/konferenzen/neu',
  'konferenzen',
  'konferenzen/:id',
  'dev/mailbox',
  'suche',
  'praxis/neu',
  'praxis/:id',
  'praxis/:id/bearbeiten',
  'praxis/:id/verlauf',
  'impressum',
  'datenschutz',
  'barrierefreiheit',
  'kontakt',
  'leichte-sprache',
  'gebaerdensprache',
  'netzwerk/rueckmeldungen',
] as const;

/** Pages below `/<city-slug>`; '' is the city page itself. */
export const CITY_ROUTES = [
  '',
  'mitglieder',
  'arbeitsbereich',
  'profil/bearbeiten',
  'profil/verlauf',
  'tandem',
  'tandems/:id',
] as const;

/** Paths the server answers itself (API, files, built assets): never a page, never a city. */
export const SERVER_PATHS = [
  'graphql',
  'health',
  'assets',
  'export',
  'calendar',
  'files',
  'api',
  '.well-known',
];

/** What an address of the web app names: a network page, a page of the city `slug`, or nothing. */
export type WebRouteMatch = { kind: 'network' } | { kind: 'city'; slug: string } | null;

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

function matches(pattern: string, segments: readonly string[]): boolean {
  const parts = segmentsOf(pattern);
  return (
    parts.length === segments.length &&
    parts.every((part, index) => part.startsWith(':') || part === segments[index])
  );
}

/** Matches a URL path (`/praxis/123`, trailing slash allowed) against the pages above. */
export function matchWebRoute(path: string): WebRouteMatch {
  const segments = segmentsOf(path);
  if (NETWORK_ROUTES.some((pattern) => matches(pattern, segments))) return { kind: 'network' };
  const [slug, ...rest] = segments;
  if (!slug || RESERVED_SLUGS.includes(slug)) return null;
  if (CITY_ROUTES.some((pattern) => matches(pattern, rest))) return { kind: 'city', slug };
  return null;
}

/** First segments of network pages and server paths: no city may take one as its slug. */
export const RESERVED_SLUGS: readonly string[] = [
  ...new Set([...SERVER_PATHS, ...NETWORK_ROUTES.map((route) => segmentsOf(route)[0] ?? '')]),
].filter((slug) => slug !== '');
