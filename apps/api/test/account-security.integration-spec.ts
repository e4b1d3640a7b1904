import { NotificationOutboxWorker } from '../src/modules/notifications/notification-outbox.worker';
import { createClient } from 'graphql-ws';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import WebSocket from 'ws';
import { hashToken } from '../src/core/auth/tokens';
import { AuthService } from '../src/modules/auth/auth.service';
import { PAIR_BACKOFF } from '../src/modules/auth/login-throttle.service';
import { DEMO_PASSWORD } from '../src/seed/demo-accounts';
import { demoEmail, startTestPlatform, type GraphQLResponse, type TestPlatform } from './harness';

/**
 * Account takeover and lock-out paths found when the platform was attacked (issue 11:
 * development outbox, reset links, throttling, sessions). The platform listens on all
 * interfaces here so that a request can really come from a non-loopback address, and
 * believes X-Forwarded-For from 127.0.0.1 only, so tests can act as distinct clients.
 */

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { email } }';
const ME = '{ me { email } }';
const REQUEST_RESET =
  'mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }';
const RESET = 'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }';
const CHANGE = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';
const INVITE = 'mutation($input: InviteToCityInput!) { inviteToCity(input: $input) { id } }';
const ACCEPT =
  'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { email } }';
const MAILBOX = '{ devMailbox(first: 5) { recipient } }';
const IDLE_MINUTES = 8;

interface Answer<T> {
  status: number;
  body: GraphQLResponse<T>;
  /** `wn_session=<token>` when the answer set a session cookie. */
  cookie?: string;
}

/**
 * POST /graphql through node:http: the test chooses the address it connects to and may send
 * headers fetch would not let it choose (Host).
 */
function graphql<T = Record<string, unknown>>(args: {
  port: number;
  host?: string;
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  cookie?: string;
}): Promise<Answer<T>> {
  const payload = JSON.stringify({ query: args.query, variables: args.variables });
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: args.host ?? '127.0.0.1',
        port: args.port,
        path: '/graphql',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          ...(args.cookie ? { cookie: args.cookie } : {}),
          ...args.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const session = (response.headers['set-cookie'] ?? [])
            .map((line) => line.split(';')[0])
            .find((pair) => pair.startsWith('wn_session=') && !pair.endsWith('='));
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as GraphQLResponse<T>,
            cookie: session,
          });
        });
        response.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** An IPv4 address of this machine that is not loopback (the platform listens on 0.0.0.0). */
function externalAddress(): string | undefined {
  for (const entries of Object.values(networkInterfaces())) {
    const found = entries?.find((entry) => entry.family === 'IPv4' && !entry.internal);
    if (found) return found.address;
  }
  return undefined;
}

const EXTERNAL = externalAddress();
if (!EXTERNAL)
  console.warn(
    'account-security: this machine has no non-loopback IPv4 address; the test of a dev-outbox request from another address is SKIPPED',
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('account security', () => {
  let api: TestPlatform;
  let port: number;

  beforeAll(async () => {
    api = await startTestPlatform({
      HOST: '0.0.0.0',
      TRUST_PROXY: '127.0.0.1',
      SESSION_IDLE_MINUTES: String(IDLE_MINUTES),
    });
    port = Number(new URL(api.url).port);
  });
  afterAll(async () => {
    await api?.stop();
  });
  beforeEach(async () => {
    await api.ownerQuery('DELETE FROM login_throttle');
  });

  /** The links of the mails to an address, newest first (read as the owner, not through the API). */
  async function linksTo(recipient: string, pathPart: string): Promise<string[]> {
    const mails = await api.ownerQuery<{ text_body: string }>(
      'SELECT text_body FROM dev_mail WHERE recipient = $1 ORDER BY id DESC',
      [recipient],
    );
    return mails.flatMap(
      (mail) => mail.text_body.match(new RegExp(`\\S+/${pathPart}/[A-Za-z0-9_-]{43}`, 'g')) ?? [],
    );
  }

  const tokenOf = (link: string) => link.slice(-43);

  async function restoreDemoPassword(email: string): Promise<void> {
    await api.ownerQuery(
      `UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE email = $1) WHERE email = $2`,
      [demoEmail('member', 'goch'), email],
    );
  }

  describe('development outbox (finding 2)', () => {
    it('answers a request from loopback', async () => {
      const { body } = await graphql({ port, query: MAILBOX });
      expect(body.errors).toBeUndefined();
      expect(Array.isArray((body.data as { devMailbox: unknown[] }).devMailbox)).toBe(true);
    });

    it.skipIf(!EXTERNAL)(
      'refuses a request from a non-loopback address, whatever X-Forwarded-For claims',
      async () => {
        const variants: Array<Record<string, string>> = [{}, { 'x-forwarded-for': '127.0.0.1' }];
        for (const headers of variants) {
          const { status, body } = await graphql({ port, host: EXTERNAL, query: MAILBOX, headers });
          expect(status).toBeLessThan(500);
          expect(body.data ?? null).toBeNull();
          expect(body.errors?.[0].extensions).toMatchObject({
            code: 'FORBIDDEN',
            reason: 'LOOPBACK_ONLY',
          });
        }
        // The same address may still use the rest of the API.
        const { body } = await graphql({ port, host: EXTERNAL, query: ME });
        expect(body.data).toEqual({ me: null });
      },
    );

    it('refuses a loopback request relayed for someone else (X-Forwarded-For)', async () => {
      const { body } = await graphql({
        port,
        query: MAILBOX,
        headers: { 'x-forwarded-for': '203.0.113.50' },
      });
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'LOOPBACK_ONLY',
      });
    });

    it('refuses the outbox over WebSocket, where no HTTP peer can be checked', async () => {
      const origin = `http://localhost:${port}`;
      class OriginWebSocket extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { origin } });
        }
      }
      const client = createClient({
        url: `ws://127.0.0.1:${port}/graphql`,
        webSocketImpl: OriginWebSocket,
        retryAttempts: 0,
      });
      try {
        const answer = await new Promise<GraphQLResponse<unknown> | { failed: unknown }>(
          (resolve) => {
            client.subscribe(
              { query: MAILBOX },
              {
                next: (value) => resolve(value as GraphQLResponse<unknown>),
                error: (error: unknown) => resolve({ failed: error }),
                complete: () => undefined,
              },
            );
          },
        );
        // Either the connection is refused outright or the query answers FORBIDDEN: never mails.
        if ('failed' in answer) return;
        expect(answer.data ?? null).toBeNull();
        expect(answer.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
      } finally {
        await client.dispose();
      }
    });
  });

  describe('links in e-mails come from configuration (finding 3b)', () => {
    it('knows its public address once it listens (PUBLIC_URL unset in tests)', () => {
      expect(api.platform.config.publicUrl).toBe(api.url);
    });

    it('builds a reset link from PUBLIC_URL even when the request names another Host', async () => {
      const email = demoEmail('member', 'lemgo');
      const { body } = await graphql({
        port,
        query: REQUEST_RESET,
        variables: { input: { email } },
        headers: { host: 'attacker.example' },
      });
      expect(body.errors).toBeUndefined();
      const [link] = await linksTo(email, 'passwort-zuruecksetzen');
      expect(link.startsWith(`${api.url}/passwort-zuruecksetzen/`)).toBe(true);
      const mails = await api.ownerQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM dev_mail WHERE text_body LIKE '%attacker.example%'`,
      );
      expect(mails[0].n).toBe(0);
    });

    it('builds invitation and notification links from PUBLIC_URL too', async () => {
      const coordinator = await api.as('coordinator', 'herford');
      const invitee = `gast.${Date.now()}@herford.example`;
      const invited = await graphql({
        port,
        query: INVITE,
        variables: { input: { citySlug: 'herford', email: invitee, role: 'MEMBER' } },
        headers: { host: 'attacker.example' },
        cookie: coordinator.cookie,
      });
      expect(invited.body.errors).toBeUndefined();
      const [invitation] = await linksTo(invitee, 'einladung');
      expect(invitation.startsWith(`${api.url}/einladung/`)).toBe(true);

      // A tandem note mails the partner city's members a link to the tandem.
      const tandems = await api.gql<{
        tandems: { edges: Array<{ node: { id: string; newCity: { slug: string } } }> };
      }>(
        '{ tandems(first: 50, filter: { citySlug: "lemgo", status: ACTIVE }) { edges { node { id newCity { slug } } } } }',
      );
      const tandem = tandems.data!.tandems.edges.find(
        (edge) => edge.node.newCity.slug === 'herford',
      )!.node;
      const body = `Notiz mit fremdem Host ${Date.now()}`;
      const note = await graphql({
        port,
        query: 'mutation($i: AddTandemNoteInput!) { addTandemNote(input: $i) { id } }',
        variables: { i: { tandemId: tandem.id, kind: 'NOTE', body } },
        headers: { host: 'attacker.example' },
        cookie: coordinator.cookie,
      });
      expect(note.body.errors).toBeUndefined();
      // Notification e-mails leave through the outbox worker, after the request.
      await api.platform.app.get(NotificationOutboxWorker).settle();
      const mails = await api.ownerQuery<{ text_body: string }>(
        'SELECT text_body FROM dev_mail WHERE text_body LIKE $1',
        [`%${body}%`],
      );
      expect(mails.length).toBeGreaterThan(0);
      for (const mail of mails) {
        expect(mail.text_body).toContain(`${api.url}/lemgo/tandems/${tandem.id}`);
        expect(mail.text_body).not.toContain('attacker.example');
      }
    });
  });

  describe('setting a password voids the outstanding reset links (finding 3a)', () => {
    it('refuses an older reset link once a newer one was used', async () => {
      const email = demoEmail('member', 'bitburg');
      for (let i = 0; i < 2; i++) {
        const { body } = await graphql({
          port,
          query: REQUEST_RESET,
          variables: { input: { email } },
        });
        expect(body.errors).toBeUndefined();
      }
      const [newer, older] = (await linksTo(email, 'passwort-zuruecksetzen')).map(tokenOf);
      expect(newer).not.toBe(older);
      const used = await api.gql(RESET, {
        input: { token: newer, password: 'Eifel und Prüm 2024' },
      });
      expect(used.data).toEqual({ resetPassword: true });
      const stale = await api.gql(RESET, {
        input: { token: older, password: 'ganz anderes Passwort 2024' },
      });
      expect(stale.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_TOKEN',
        field: 'input.token',
      });
      // The password of the newer link holds; the older link changed nothing.
      await api.client().login(email, 'Eifel und Prüm 2024');
      await restoreDemoPassword(email);
    });

    it('refuses a reset link requested before the password was changed', async () => {
      const email = demoEmail('member', 'stendal');
      await graphql({ port, query: REQUEST_RESET, variables: { input: { email } } });
      const [link] = await linksTo(email, 'passwort-zuruecksetzen');
      const owner = await api.client().login(email);
      const changed = await owner.gql(CHANGE, {
        input: { currentPassword: DEMO_PASSWORD, newPassword: 'Altmark und Elbe 2024' },
      });
      expect(changed.data).toEqual({ changePassword: true });
      const stale = await api.gql(RESET, {
        input: { token: tokenOf(link), password: 'übernommen und weg 2024' },
      });
      expect(stale.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_TOKEN',
      });
      await api.client().login(email, 'Altmark und Elbe 2024');
      await restoreDemoPassword(email);
    });
  });

  describe('sign-in throttling without lock-out (finding 8)', () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });

    it('slows wrong passwords from one address, while the owner signs in from another at once', async () => {
      const email = demoEmail('member', 'puchheim');
      const codes: string[] = [];
      for (let attempt = 0; attempt < 8; attempt++) {
        const { body } = await graphql({
          port,
          query: LOGIN,
          variables: { input: { email, password: `geraten-${attempt}` } },
          headers: from('198.51.100.7'),
        });
        codes.push(String(body.errors?.[0].extensions?.code));
      }
      expect(codes.slice(0, 3)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'UNAUTHENTICATED']);
      expect(
        codes.every((code) => code === 'UNAUTHENTICATED' || code === 'TOO_MANY_ATTEMPTS'),
      ).toBe(true);
      // The guessing address waits, even with the right password ...
      const guesser = await graphql({
        port,
        query: LOGIN,
        variables: { input: { email, password: DEMO_PASSWORD } },
        headers: from('198.51.100.7'),
      });
      expect(guesser.body.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
      const retry = (guesser.body.errors?.[0].extensions?.params as { retryAfterSeconds: number })
        .retryAfterSeconds;
      expect(retry).toBeGreaterThan(0);
      // ... the owner on another device does not.
      const owner = await graphql<{ login: { email: string } }>({
        port,
        query: LOGIN,
        variables: { input: { email, password: DEMO_PASSWORD } },
        headers: from('203.0.113.9'),
      });
      expect(owner.body.errors).toBeUndefined();
      expect(owner.body.data?.login.email).toBe(email);
    });

    it('counts parallel guesses before checking them: only the free ones and one more are checked', async () => {
      const email = demoEmail('coordinator', 'zittau');
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          graphql({
            port,
            query: LOGIN,
            variables: { input: { email, password: `parallel-${i}` } },
            headers: from('198.51.100.77'),
          }),
        ),
      );
      const codes = answers.map((answer) => String(answer.body.errors?.[0].extensions?.code));
      expect(
        codes.every((code) => code === 'UNAUTHENTICATED' || code === 'TOO_MANY_ATTEMPTS'),
      ).toBe(true);
      expect(codes.filter((code) => code === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(
        PAIR_BACKOFF.free + 1,
      );
    });

    it('slows guessing the current password through changePassword with a stolen session', async () => {
      const email = demoEmail('member', 'halberstadt');
      const session = await api.client().login(email);
      const codes: string[] = [];
      for (let attempt = 0; attempt < 8; attempt++) {
        const { errors } = await session.gql(CHANGE, {
          input: { currentPassword: `geraten-${attempt}`, newPassword: 'Harz und Huy 2024 neu' },
        });
        codes.push(String(errors?.[0].extensions?.code));
      }
      expect(codes.slice(0, 3)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT']);
      expect(codes.slice(3)).toContain('TOO_MANY_ATTEMPTS');
      // The owner elsewhere still signs in.
      const owner = await graphql({
        port,
        query: LOGIN,
        variables: { input: { email, password: DEMO_PASSWORD } },
        headers: from('203.0.113.30'),
      });
      expect(owner.body.errors).toBeUndefined();
    });

    it('slows guesses spread over many addresses per account, but never locks the owner out', async () => {
      const email = demoEmail('member', 'zittau');
      for (let i = 1; i <= 20; i++) {
        const { body } = await graphql({
          port,
          query: LOGIN,
          variables: { input: { email, password: `verteilt-${i}` } },
          headers: from(`198.51.100.${i}`),
        });
        expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
      const slowed = await graphql({
        port,
        query: LOGIN,
        variables: { input: { email, password: DEMO_PASSWORD } },
        headers: from('203.0.113.20'),
      });
      expect(slowed.body.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
      const retry = (slowed.body.errors?.[0].extensions?.params as { retryAfterSeconds: number })
        .retryAfterSeconds;
      expect(retry).toBeGreaterThan(0);
      // A back-off, not a lock: after the wait the right password gets in.
      expect(retry).toBeLessThanOrEqual(60);
      await sleep(retry * 1000 + 200);
      const owner = await graphql({
        port,
        query: LOGIN,
        variables: { input: { email, password: DEMO_PASSWORD } },
        headers: from('203.0.113.20'),
      });
      expect(owner.body.errors).toBeUndefined();
    });
  });

  describe('sessions (findings 9 and 5)', () => {
    const tokenOfCookie = (cookie: string | undefined) => cookie!.split('=')[1];

    it('ends a session that was not used for SESSION_IDLE_MINUTES', async () => {
      const client = await api.as('member', 'goch');
      const token = tokenOfCookie(client.cookie);
      await api.ownerQuery(
        `UPDATE user_session SET last_seen_at = now() - make_interval(mins => $2) WHERE token_hash = $1`,
        [hashToken(token), IDLE_MINUTES + 1],
      );
      expect((await client.gql(ME)).data).toEqual({ me: null });
      const auth = api.platform.app.get(AuthService);
      expect(await auth.sessionActor(token)).toBeNull();
    });

    it('keeps a session in use alive: use is recorded more often than the idle timeout', async () => {
      const client = await api.as('member', 'goch');
      const token = tokenOfCookie(client.cookie);
      // Older than a quarter of the idle time, well inside it.
      await api.ownerQuery(
        `UPDATE user_session SET last_seen_at = now() - interval '3 minutes' WHERE token_hash = $1`,
        [hashToken(token)],
      );
      expect((await client.gql<{ me: { email: string } }>(ME)).data?.me.email).toBe(
        demoEmail('member', 'goch'),
      );
      const [row] = await api.ownerQuery<{ recent: boolean }>(
        `SELECT last_seen_at > now() - interval '1 minute' AS recent FROM user_session WHERE token_hash = $1`,
        [hashToken(token)],
      );
      expect(row.recent).toBe(true);
    });

    it('tells whether a session token is still valid and for whom', async () => {
      const auth = api.platform.app.get(AuthService);
      const client = await api.as('coordinator', 'goch');
      const token = tokenOfCookie(client.cookie);
      const actor = await auth.sessionActor(token);
      expect(actor).toMatchObject({ kind: 'user' });
      const [user] = await api.ownerQuery<{ id: string }>(
        'SELECT id FROM app_user WHERE email = $1',
        [demoEmail('coordinator', 'goch')],
      );
      expect(actor?.userId).toBe(user.id);
      expect(await auth.sessionActor('not-a-token')).toBeNull();
      await client.gql('mutation { logout }');
      expect(await auth.sessionActor(token)).toBeNull();
      // authenticate keeps its signature for the WebSocket re-check.
      expect(await auth.authenticate(token)).toEqual({ kind: 'anonymous' });
    });

    it('gives a browser a new session on every sign-in and ends the one it had', async () => {
      const email = demoEmail('member', 'lemgo');
      const first = await graphql({
        port,
        query: LOGIN,
        variables: { input: { email, password: DEMO_PASSWORD } },
      });
      const second = await graphql({
        port,
        query: LOGIN,
        variables: { input: { email, password: DEMO_PASSWORD } },
        cookie: first.cookie,
      });
      expect(second.cookie).toBeDefined();
      expect(second.cookie).not.toBe(first.cookie);
      expect((await graphql({ port, query: ME, cookie: first.cookie })).body.data).toEqual({
        me: null,
      });
      expect(
        (await graphql<{ me: { email: string } }>({ port, query: ME, cookie: second.cookie })).body
          .data?.me.email,
      ).toBe(email);
    });

    it('ends the session a browser had when it accepts an invitation there', async () => {
      const coordinator = await api.as('coordinator', 'bitburg');
      const invitee = `neu.${Date.now()}@bitburg.example`;
      await coordinator.gql(INVITE, {
        input: { citySlug: 'bitburg', email: invitee, role: 'MEMBER' },
      });
      const [link] = await linksTo(invitee, 'einladung');
      // Someone else was signed in in this browser before.
      const before = await api.as('member', 'halberstadt');
      const accepted = await graphql({
        port,
        query: ACCEPT,
        variables: {
          input: {
            token: tokenOf(link),
            displayName: 'Neue Kollegin',
            password: 'Eifel und Kyll 2024',
          },
        },
        cookie: before.cookie,
      });
      expect(accepted.body.errors).toBeUndefined();
      expect(accepted.cookie).toBeDefined();
      expect((await graphql({ port, query: ME, cookie: before.cookie })).body.data).toEqual({
        me: null,
      });
    });
  });
});
