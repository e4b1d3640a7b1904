import type { Page } from 'playwright-core';

/** Demo accounts seeded with SEED_DEMO=true (apps/api seed/demo-accounts.ts). */
export const DEMO_PASSWORD = 'wissensnetz-demo';
export const DEMO_DOMAIN = 'demo.wissensnetz.example';
export const ORGANIZER = `organizer@${DEMO_DOMAIN}`;

export function coordinatorOf(slug: string): string {
  return `coordinator.${slug}@${DEMO_DOMAIN}`;
}

export function memberOf(slug: string): string {
  return `member.${slug}@${DEMO_DOMAIN}`;
}

interface GraphQLAnswer<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/**
 * A GraphQL request from inside the page's browser context: it sends and stores the
 * context's cookies, so it acts as whoever is signed in there.
 */
export async function pageGraphql<T>(
  page: Page,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await page.context().request.post('/graphql', {
    data: { query, variables },
    headers: { 'content-type': 'application/json' },
  });
  const body = (await response.json()) as GraphQLAnswer<T>;
  if (!response.ok() || body.errors?.length || !body.data) {
    throw new Error(`GraphQL failed (HTTP ${response.status()}): ${JSON.stringify(body.errors)}`);
  }
  return body.data;
}

/** Signs in without the form, for tests about other pages; sets the session cookie. */
export async function signInQuietly(page: Page, email: string): Promise<void> {
  await pageGraphql(page, 'mutation ($input: LoginInput!) { login(input: $input) { id } }', {
    input: { email, password: DEMO_PASSWORD },
  });
}

/** Signs in through the form on /anmelden, as a person would. */
export async function signInWithForm(
  page: Page,
  email: string,
  password = DEMO_PASSWORD,
): Promise<void> {
  if (!new URL(page.url()).pathname.startsWith('/anmelden')) await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Passwort', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
}

/** A fresh address per run, so repeated runs against one platform do not collide. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.wissensnetz.example`;
}

/** Invites by GraphQL as the page's signed-in coordinator; returns the link from the outbox. */
export async function inviteAndReadLink(
  page: Page,
  citySlug: string,
  email: string,
  role: 'MEMBER' | 'COORDINATOR' = 'MEMBER',
): Promise<string> {
  await pageGraphql(
    page,
    'mutation ($input: InviteToCityInput!) { inviteToCity(input: $input) { id } }',
    { input: { citySlug, email, role } },
  );
  const { devMailbox } = await pageGraphql<{
    devMailbox: Array<{ recipient: string; textBody: string }>;
  }>(page, 'query { devMailbox(first: 100) { recipient textBody } }');
  const mail = devMailbox.find((item) => item.recipient === email);
  const link = mail?.textBody.match(/https?:\/\/\S+\/einladung\/[A-Za-z0-9_-]{43}/)?.[0];
  if (!link) throw new Error(`no invitation mail for ${email} in the outbox`);
  return link;
}
