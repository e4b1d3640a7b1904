import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { tokenFromMailbox, type Client, type TestPlatform } from './harness';

/** Helpers for tests of live tandem notes over graphql-ws (tandem-live, pg-restart). */

export const SUBSCRIBE =
  'subscription($id: ID!) { tandemNoteAdded(tandemId: $id) { id body authorCity { slug } viewerIsAuthor } }';

export interface LiveSocket {
  client: WsClient;
  /** Close codes the server ended the socket with, in order. */
  closes: number[];
}

/**
 * A graphql-ws client that sends the session cookie and an Origin with the upgrade, like a
 * browser on the platform's own page. `origin: null` sends none (a non-browser client).
 */
export function wsClient(
  url: string,
  options: { cookie?: string; origin?: string | null } = {},
): LiveSocket {
  const origin = options.origin === undefined ? url : options.origin;
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (origin !== null) headers.origin = origin;
  class BrowserLikeWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const closes: number[] = [];
  const client = createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: BrowserLikeWebSocket,
    retryAttempts: 0,
    lazy: false,
    // The error of a refused connection is not this test's business; the close code is.
    onNonLazyError: () => undefined,
  });
  client.on('closed', (event) => closes.push((event as { code: number }).code));
  return { client, closes };
}

export interface Received {
  data?: {
    tandemNoteAdded: {
      id: string;
      body: string;
      authorCity: { slug: string };
      viewerIsAuthor: boolean;
    };
  } | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Subscribes and collects what arrives; `done` resolves when the subscription ends. */
export function subscribe(client: WsClient, tandemId: string) {
  const received: Received[] = [];
  let failure: unknown;
  const done = new Promise<void>((resolve) => {
    client.subscribe(
      { query: SUBSCRIBE, variables: { id: tandemId } },
      {
        next: (value) => received.push(value as Received),
        error: (error) => {
          failure = error;
          resolve();
        },
        complete: () => resolve(),
      },
    );
  });
  const notes = () =>
    received.flatMap((value) => (value.data?.tandemNoteAdded ? [value.data.tandemNoteAdded] : []));
  return { received, notes, done, failure: () => failure };
}

/** Waits (bounded) until `check` holds. */
export async function until(check: () => boolean, what = 'the expected event', ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen in time`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ADD_NOTE = 'mutation($i: AddTandemNoteInput!) { addTandemNote(input: $i) { id } }';

export async function addNote(author: Client, tandemId: string, body: string): Promise<string> {
  const added = await author.gql<{ addTandemNote: { id: string } }>(ADD_NOTE, {
    i: { tandemId, kind: 'NOTE', body },
  });
  if (added.errors) throw new Error(`addTandemNote failed: ${JSON.stringify(added.errors)}`);
  return added.data!.addTandemNote.id;
}

/**
 * Proves a subscription is registered on the server: writes notes (a bounded number) until
 * the first one arrives. Returns the id of the note that arrived.
 */
export async function firstDelivery(
  author: Client,
  tandemId: string,
  live: ReturnType<typeof subscribe>,
): Promise<string> {
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    const id = await addNote(author, tandemId, `Kontrolle ${attempt}`);
    const deadline = Date.now() + 500;
    while (Date.now() < deadline) {
      if (live.notes().some((note) => note.id === id)) return id;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  throw new Error('the subscription never received a note');
}

/** The id of the active demo tandem Halberstadt (new) – Stendal (partner). */
export async function halberstadtTandem(api: TestPlatform): Promise<string> {
  const { data } = await api.gql<{
    tandems: { edges: Array<{ node: { id: string; newCity: { slug: string } } }> };
  }>(
    '{ tandems(first: 50, filter: { citySlug: "stendal", status: ACTIVE }) { edges { node { id newCity { slug } } } } }',
  );
  return data!.tandems.edges.find((edge) => edge.node.newCity.slug === 'halberstadt')!.node.id;
}

export const NEW_MEMBER_PASSWORD = 'Live-Notizen am Dom 2024';

/**
 * A fresh member of a city (invited by its coordinator, signed in): tests may log it out,
 * expire or remove it without touching the demo accounts other tests use.
 */
export async function newMember(
  api: TestPlatform,
  citySlug: string,
): Promise<{ client: Client; email: string; userId: string; membershipId: string }> {
  const coordinator = await api.as('coordinator', citySlug);
  const email = `live.${Date.now()}.${Math.random().toString(36).slice(2, 8)}@${citySlug}.example`;
  const invited = await coordinator.gql(
    'mutation($input: InviteToCityInput!) { inviteToCity(input: $input) { id } }',
    { input: { citySlug, email, role: 'MEMBER' } },
  );
  if (invited.errors) throw new Error(`invitation failed: ${JSON.stringify(invited.errors)}`);
  const client = api.client();
  const token = await tokenFromMailbox(client, email, 'einladung');
  const accepted = await client.gql(
    'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { email } }',
    { input: { token, displayName: 'Live-Test', password: NEW_MEMBER_PASSWORD } },
  );
  if (accepted.errors) throw new Error(`acceptance failed: ${JSON.stringify(accepted.errors)}`);
  const [row] = await api.ownerQuery<{ user_id: string; membership_id: string }>(
    `SELECT u.id AS user_id, m.id AS membership_id
       FROM app_user u JOIN membership m ON m.user_id = u.id JOIN city c ON c.id = m.city_id
      WHERE u.email = $1 AND c.slug = $2`,
    [email, citySlug],
  );
  return { client, email, userId: row.user_id, membershipId: row.membership_id };
}
