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
  'konto/folge-ich',
  'abbestellen/:token',
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
  'netzwerk/zahlen',
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
  'initiativen/neu',
  'initiativen/:slug',
  'initiativen/:slug/verwalten',
  'initiativen/:slug/eingang',
  'initiativen/:slug/anliegen/:token',
  'initiativen/:slug/workshops/:id',
] as const;

/** Paths the server answers itself (API, files, built assets): never a page, never a city. */
export const SERVER_PATHS = [
  'graphql',
  'health',
  'assets',
  'export',
  'calendar',
  'feeds',
  'files',
  'api',
  '.well-known',
];

/**
 * What an address of the web app names: a network page or a page of the city `slug`, with
 * the route pattern it matched (`praxis/:id`) and its `:name` values; or nothing.
 */
export type WebRouteMatch =
  | { kind: 'network'; route: NetworkRoute; params: Record<string, string> }
  | { kind: 'city'; slug: string; route: CityRoute; params: Record<string, string> }
  | null;

export type NetworkRoute = (typeof NETWORK_ROUTES)[number];
export type CityRoute = (typeof CITY_ROUTES)[number];

function segmentsOf(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** The `:name` values when `segments` fit `pattern`, else null. */
function paramsOf(pattern: string, segments: readonly string[]): Record<string, string> | null {
  const parts = segmentsOf(pattern);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = segments[index] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return null;
  }
  return params;
}

function firstMatch<R extends string>(
  routes: readonly R[],
  segments: readonly string[],
): { route: R; params: Record<string, string> } | null {
  for (const route of routes) {
    const params = paramsOf(route, segments);
    if (params) return { route, params };
  }
  return null;
}

/** Matches a URL path (`/praxis/123`, trailing slash allowed) against the pages above. */
export function matchWebRoute(path: string): WebRouteMatch {
  const segments = segmentsOf(path);
  const network = firstMatch(NETWORK_ROUTES, segments);
  if (network) return { kind: 'network', ...network };
  const [slug, ...rest] = segments;
  if (!slug || RESERVED_SLUGS.includes(slug)) return null;
  const city = firstMatch(CITY_ROUTES, rest);
  return city ? { kind: 'city', slug, ...city } : null;
}

/** First segments of network pages and server paths: no city may take one as its slug. */
export const RESERVED_SLUGS: readonly string[] = [
  ...new Set([...SERVER_PATHS, ...NETWORK_ROUTES.map((route) => segmentsOf(route)[0] ?? '')]),
].filter((slug) => slug !== '');
