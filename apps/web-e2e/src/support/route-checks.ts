import { CITY_ROUTES, NETWORK_ROUTES } from '@wissensnetz/domain';
import type { Page } from 'playwright-core';
import { coordinatorOf, inviteAndReadLink, memberOf, pageGraphql, uniqueEmail } from './accounts';

/** Who looks at a page: a visitor, or one of the demo roles (accounts of CITY). */
export type Role = 'anonymous' | 'member' | 'coordinator' | 'organizer';
export const ROLES: readonly Role[] = ['anonymous', 'member', 'coordinator', 'organizer'];

/** The city whose member and coordinator the route check signs in as; no other spec writes to it. */
export const CITY = 'markt-schwaben';
/** A demo tandem (Herford – Lemgo): its page as the organizer sees it, and as an outsider. */
export const TANDEM_CITY = 'herford';

export const ROLE_ACCOUNTS: Record<Exclude<Role, 'anonymous'>, string> = {
  member: memberOf(CITY),
  coordinator: coordinatorOf(CITY),
  organizer: 'organizer@demo.wissensnetz.example',
};

/** Real ids, slugs and tokens of the demo data, found once before the pages are checked. */
export interface DemoIds {
  practiceId: string;
  conferenceId: string;
  tandemId: string;
  resetToken: string;
  invitationToken: string;
}

/** Which roles a page is meant for, and its address with the demo ids filled in. */
interface RouteCheck {
  roles: readonly Role[];
  path: (ids: DemoIds) => string;
}

const everyone = ROLES;
const signedIn: readonly Role[] = ['member', 'coordinator', 'organizer'];
const visitorAndMember: readonly Role[] = ['anonymous', 'member'];
const cityPeople: readonly Role[] = ['member', 'coordinator'];
const fixed = (path: string) => () => path;

/**
 * Every network page. Keyed by the route list itself: a new route in web-routes.ts is a
 * type error here, and the spec fails at run time when one has no entry.
 */
export const NETWORK_CHECKS: Record<(typeof NETWORK_ROUTES)[number], RouteCheck> = {
  '': { roles: everyone, path: fixed('/') },
  themen: { roles: visitorAndMember, path: fixed('/themen') },
  topics: { roles: ['anonymous'], path: fixed('/topics') },
  anmelden: { roles: ['anonymous'], path: fixed('/anmelden') },
  login: { roles: ['anonymous'], path: fixed('/login') },
  'passwort-vergessen': { roles: ['anonymous'], path: fixed('/passwort-vergessen') },
  'passwort-zuruecksetzen/:token': {
    roles: ['anonymous'],
    path: (ids) => `/passwort-zuruecksetzen/${ids.resetToken}`,
  },
  'einladung/:token': { roles: ['anonymous'], path: (ids) => `/einladung/${ids.invitationToken}` },
  konto: { roles: signedIn, path: fixed('/konto') },
  'konto/folge-ich': { roles: ['member'], path: fixed('/konto/folge-ich') },
  // The page only asks; the token is checked when its button is pressed.
  'abbestellen/:token': {
    roles: ['anonymous'],
    path: fixed('/abbestellen/kein-echter-link-nur-zum-pruefen-der-seite-000'),
  },
  'netzwerk/protokoll': { roles: ['organizer'], path: fixed('/netzwerk/protokoll') },
  'netzwerk/zahlen': { roles: everyone, path: fixed('/netzwerk/zahlen') },
  benachrichtigungen: { roles: signedIn, path: fixed('/benachrichtigungen') },
  'netzwerk/tandems': { roles: ['organizer'], path: fixed('/netzwerk/tandems') },
  'netzwerk/konferenzen/neu': { roles: ['organizer'], path: fixed('/netzwerk/konferenzen/neu') },
  konferenzen: { roles: everyone, path: fixed('/konferenzen') },
  'konferenzen/:id': { roles: everyone, path: (ids) => `/konferenzen/${ids.conferenceId}` },
  'dev/mailbox': { roles: ['anonymous'], path: fixed('/dev/mailbox') },
  suche: { roles: visitorAndMember, path: fixed('/suche?q=Engagement') },
  'praxis/neu': { roles: cityPeople, path: fixed('/praxis/neu') },
  'praxis/:id': { roles: everyone, path: (ids) => `/praxis/${ids.practiceId}` },
  'praxis/:id/bearbeiten': {
    roles: ['coordinator'],
    path: (ids) => `/praxis/${ids.practiceId}/bearbeiten`,
  },
  'praxis/:id/verlauf': {
    roles: ['anonymous', 'coordinator'],
    path: (ids) => `/praxis/${ids.practiceId}/verlauf`,
  },
  impressum: { roles: visitorAndMember, path: fixed('/impressum') },
  datenschutz: { roles: visitorAndMember, path: fixed('/datenschutz') },
  barrierefreiheit: { roles: visitorAndMember, path: fixed('/barrierefreiheit') },
  kontakt: { roles: visitorAndMember, path: fixed('/kontakt') },
  'netzwerk/rueckmeldungen': { roles: ['organizer'], path: fixed('/netzwerk/rueckmeldungen') },
  'leichte-sprache': { roles: ['anonymous'], path: fixed('/leichte-sprache') },
  // The organizer sees the upload form as well.
  gebaerdensprache: { roles: ['anonymous', 'organizer'], path: fixed('/gebaerdensprache') },
};

/** Every page below a city: of CITY, whose member and coordinator are signed in. */
export const CITY_CHECKS: Record<(typeof CITY_ROUTES)[number], RouteCheck> = {
  '': { roles: everyone, path: fixed(`/${CITY}`) },
  mitglieder: { roles: cityPeople, path: fixed(`/${CITY}/mitglieder`) },
  arbeitsbereich: { roles: cityPeople, path: fixed(`/${CITY}/arbeitsbereich`) },
  'profil/bearbeiten': { roles: ['coordinator'], path: fixed(`/${CITY}/profil/bearbeiten`) },
  'profil/verlauf': { roles: cityPeople, path: fixed(`/${CITY}/profil/verlauf`) },
  tandem: { roles: cityPeople, path: fixed(`/${CITY}/tandem`) },
  'tandems/:id': {
    // An outsider's view (Markt Schwaben's member) and the office's.
    roles: ['member', 'organizer'],
    path: (ids) => `/${TANDEM_CITY}/tandems/${ids.tandemId}`,
  },
  // Cloppenburg's demo initiative (no other city has one to show).
  'initiativen/:slug': { roles: everyone, path: fixed('/cloppenburg/initiativen/praevention') },
  // The coordinator's form; a member is told it is not theirs.
  'initiativen/neu': { roles: cityPeople, path: fixed(`/${CITY}/initiativen/neu`) },
  // Outsiders see that the settings are not theirs; the coordinator's view: initiative-admin.e2e-spec.ts.
  'initiativen/:slug/verwalten': {
    roles: ['anonymous', 'member', 'coordinator'],
    path: fixed('/cloppenburg/initiativen/praevention/verwalten'),
  },
  // Outsiders see that the inbox is not theirs; the steering group's view: initiatives.e2e-spec.ts.
  'initiativen/:slug/eingang': {
    roles: ['anonymous', 'member'],
    path: fixed('/cloppenburg/initiativen/praevention/eingang'),
  },
  // Recording a workshop is for the steering group: others are told so (theirs: workshops.e2e-spec.ts).
  'initiativen/:slug/workshops/:id': {
    roles: ['anonymous', 'member'],
    path: fixed('/cloppenburg/initiativen/praevention/workshops/neu'),
  },
  // An unknown link: the page says so (a real one: initiatives.e2e-spec.ts).
  'initiativen/:slug/anliegen/:token': {
    roles: ['anonymous'],
    path: fixed(
      '/cloppenburg/initiativen/praevention/anliegen/kein-echter-link-nur-zum-pruefen-000000',
    ),
  },
};

/** Routes of web-routes.ts without an entry above (must stay empty). */
export function uncheckedRoutes(): string[] {
  return [
    ...NETWORK_ROUTES.filter((route) => !(route in NETWORK_CHECKS)).map((route) => `/${route}`),
    ...CITY_ROUTES.filter((route) => !(route in CITY_CHECKS)).map((route) => `/:city/${route}`),
  ];
}

export interface PageCase {
  route: string;
  role: Role;
  path: (ids: DemoIds) => string;
}

/** Every (route, role) pair the route check visits. */
export function pageCases(): PageCase[] {
  const cases: PageCase[] = [];
  for (const [route, check] of Object.entries(NETWORK_CHECKS) as Array<[string, RouteCheck]>)
    for (const role of check.roles) cases.push({ route: `/${route}`, role, path: check.path });
  for (const [route, check] of Object.entries(CITY_CHECKS) as Array<[string, RouteCheck]>)
    for (const role of check.roles)
      cases.push({ route: `/:city${route ? `/${route}` : ''}`, role, path: check.path });
  return cases;
}

async function readMailLink(page: Page, recipient: string, pattern: RegExp): Promise<string> {
  for (let attempt = 0; attempt < 40; attempt += 1) {
    const { devMailbox } = await pageGraphql<{
      devMailbox: Array<{ recipient: string; textBody: string }>;
    }>(page, 'query { devMailbox(first: 100) { recipient textBody } }');
    const match = devMailbox
      .filter((mail) => mail.recipient === recipient)
      .map((mail) => mail.textBody.match(pattern)?.[1])
      .find(Boolean);
    if (match) return match;
    await page.waitForTimeout(250);
  }
  throw new Error(`no mail to ${recipient} matching ${pattern}`);
}

/** Looks up the demo ids with the signed-in pages of CITY's coordinator and the organizer. */
export async function findDemoIds(coordinator: Page, organizer: Page): Promise<DemoIds> {
  const { practices } = await pageGraphql<{
    practices: { edges: Array<{ node: { id: string } }> };
  }>(
    coordinator,
    'query ($f: PracticeFilter) { practices(filter: $f, first: 1) { edges { node { id } } } }',
    { f: { citySlug: CITY, status: 'PUBLISHED' } },
  );
  const { conferences } = await pageGraphql<{
    conferences: { edges: Array<{ node: { id: string } }> };
  }>(coordinator, 'query { conferences(first: 1) { edges { node { id } } } }');
  const { tandems } = await pageGraphql<{ tandems: { edges: Array<{ node: { id: string } }> } }>(
    organizer,
    'query ($f: TandemFilter) { tandems(filter: $f, first: 1) { edges { node { id } } } }',
    { f: { citySlug: TANDEM_CITY, status: 'ACTIVE' } },
  );
  const invitee = uniqueEmail('a11y-routes');
  const invitationLink = await inviteAndReadLink(coordinator, CITY, invitee);
  await pageGraphql(
    coordinator,
    'mutation ($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) }',
    { i: { email: memberOf(CITY) } },
  );
  const resetToken = await readMailLink(
    coordinator,
    memberOf(CITY),
    /\/passwort-zuruecksetzen\/([A-Za-z0-9_-]+)/,
  );
  const ids = {
    practiceId: practices.edges[0]?.node.id ?? '',
    conferenceId: conferences.edges[0]?.node.id ?? '',
    tandemId: tandems.edges[0]?.node.id ?? '',
    resetToken,
    invitationToken: invitationLink.split('/einladung/')[1] ?? '',
  };
  const missing = Object.entries(ids).filter(([, value]) => !value);
  if (missing.length > 0) throw new Error(`demo data lacks ${missing.map(([key]) => key)}`);
  return ids;
}
