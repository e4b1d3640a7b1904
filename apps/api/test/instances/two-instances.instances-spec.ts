import { createClient, type Client as WsClient } from 'graphql-ws';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import WebSocket from 'ws';
import { SmtpSink } from '../smtp-sink';
import {
  freePort,
  openForPostgres,
  ROOT,
  runTool,
  SEED_JS,
  spawnApi,
  startMeili,
  startPostgres,
  type ApiInstance,
} from './servers';

/**
 * Issue 18, "Several instances on real servers": two API processes (the built dist, in
 * production mode) started at the same moment against one PostgreSQL server and one
 * Meilisearch, each started as a server of its own. What one instance does, the other
 * must see: the schema (migrated once), sessions, login throttling, live notes (LISTEN/
 * NOTIFY), the outbox (sent once) and scheduled jobs (run once).
 */

const DEMO = 'demo.wissensnetz.example';
const PASSWORD = 'wissensnetz-demo';
const SESSION_ENDED = 4401;
/** Every ScheduledJob the API registers (apps/api/src/modules/*\/*.job.ts). */
const JOBS = [
  'data-export-expiry',
  'digest',
  'retention-accessibility-feedback',
  'retention-audit',
  'retention-registrations',
  'retention-sign-in',
];

interface Answer<T> {
  data?: T | null;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** A browser: keeps its session cookie, whichever instance the balancer sends it to. */
class Browser {
  cookie?: string;

  async gql<T = Record<string, unknown>>(
    instance: ApiInstance,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<Answer<T>> {
    const response = await fetch(`${instance.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair.endsWith('=') ? undefined : pair;
    }
    return (await response.json()) as Answer<T>;
  }

  async login(instance: ApiInstance, email: string, password = PASSWORD) {
    return this.gql<{ login: { id: string } }>(
      instance,
      'mutation($input: LoginInput!) { login(input: $input) { id } }',
      { input: { email, password } },
    );
  }
}

async function signedIn(instance: ApiInstance, email: string): Promise<Browser> {
  const browser = new Browser();
  const answer = await browser.login(instance, email);
  if (answer.errors) throw new Error(`login of ${email} failed: ${JSON.stringify(answer.errors)}`);
  return browser;
}

/** Waits (bounded) until `check` holds; the bound only ends a hang, it asserts no timing. */
async function until(check: () => boolean | Promise<boolean>, what: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen in time`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

const ADD_NOTE = 'mutation($i: AddTandemNoteInput!) { addTandemNote(input: $i) { id } }';
const SUBSCRIBE =
  'subscription($id: ID!) { tandemNoteAdded(tandemId: $id) { id body authorCity { slug } } }';

describe('two API instances on one PostgreSQL and one Meilisearch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wissensnetz-instances-'));
  const cleanups: Array<() => unknown> = [];
  const sockets: WsClient[] = [];
  let owner: pg.Pool;
  let sink: SmtpSink;
  let publicUrl: string;
  let a: ApiInstance;
  let b: ApiInstance;
  let tandemId: string;

  /** A graphql-ws client on `instance`, sending the cookie and the public Origin like a browser. */
  function live(instance: ApiInstance, cookie: string | undefined) {
    const headers: Record<string, string> = { origin: publicUrl };
    if (cookie) headers.cookie = cookie;
    class BrowserLikeWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    }
    const closes: number[] = [];
    const client = createClient({
      url: `${instance.url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: BrowserLikeWebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    client.on('closed', (event) => closes.push((event as { code: number }).code));
    sockets.push(client);
    const notes: Array<{ id: string; body: string; authorCity: { slug: string } }> = [];
    client.subscribe(
      { query: SUBSCRIBE, variables: { id: tandemId } },
      {
        next: (value) => {
          const note = (
            value.data as {
              tandemNoteAdded?: { id: string; body: string; authorCity: { slug: string } };
            } | null
          )?.tandemNoteAdded;
          if (note) notes.push(note);
        },
        error: () => undefined,
        complete: () => undefined,
      },
    );
    return { notes, closes };
  }

  async function addNote(author: Browser, instance: ApiInstance, body: string): Promise<string> {
    const added = await author.gql<{ addTandemNote: { id: string } }>(instance, ADD_NOTE, {
      i: { tandemId, kind: 'NOTE', body },
    });
    if (added.errors) throw new Error(`addTandemNote failed: ${JSON.stringify(added.errors)}`);
    return added.data!.addTandemNote.id;
  }

  /** Writes notes on `instance` (a bounded number) until one arrives: the subscription is registered. */
  async function firstDelivery(
    author: Browser,
    instance: ApiInstance,
    watch: { notes: Array<{ id: string }> },
  ) {
    for (let attempt = 1; attempt <= 40; attempt += 1) {
      const id = await addNote(author, instance, `Kontrolle ${attempt}`);
      const deadline = Date.now() + 500;
      while (Date.now() < deadline) {
        if (watch.notes.some((note) => note.id === id)) return id;
        await new Promise((done) => setTimeout(done, 25));
      }
    }
    throw new Error('the subscription never received a note');
  }

  const query = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await owner.query<T>(sql, params)).rows;

  beforeAll(async () => {
    openForPostgres(dir);
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    sink = new SmtpSink();
    const [postgres, meili, smtpPort] = await Promise.all([
      startPostgres(dir),
      startMeili(dir),
      sink.listen(0),
    ]);
    cleanups.push(() => sink.close());
    cleanups.push(() => postgres.stop());
    cleanups.push(() => meili.stop());
    owner = new pg.Pool({ connectionString: postgres.ownerUrl, max: 2 });
    cleanups.push(() => owner.end());

    // The address of the (imagined) load balancer: links in mails, the allowed Origin.
    publicUrl = `http://127.0.0.1:${await freePort()}`;
    const shared: Record<string, string> = {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      DATABASE_URL: postgres.appUrl,
      DATABASE_MIGRATION_URL: postgres.ownerUrl,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.masterKey,
      PUBLIC_URL: publicUrl,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'wissensnetz@instances.example',
      // info: the migration log lines tell which instance migrated.
      LOG_LEVEL: 'info',
      JOBS_ENABLED: 'true',
      JOBS_POLL_MS: '200',
      NOTIFICATION_POLL_MS: '200',
      WS_SESSION_CHECK_SECONDS: '1',
      // Not what this test is about; a loaded two-core machine may wait longer.
      DATABASE_CONNECT_TIMEOUT_MS: '30000',
      DATABASE_LOCK_TIMEOUT_MS: '30000',
      DATABASE_STATEMENT_TIMEOUT_MS: '60000',
      MEILI_TIMEOUT_MS: '15000',
      OPERATOR_NAME: 'Testbetreiber',
      OPERATOR_ADDRESS: 'Teststraße 1|12345 Teststadt',
      OPERATOR_REPRESENTATIVE: 'Test Person',
      OPERATOR_EMAIL: 'betrieb@instances.example',
      OPERATOR_PHONE: '+49 30 000000',
      DPO_NAME: 'Datenschutz Test',
      DPO_CONTACT: 'datenschutz@instances.example',
      SUPERVISORY_AUTHORITY_NAME: 'Aufsicht Test',
      SUPERVISORY_AUTHORITY_URL: 'https://aufsicht.instances.example',
    };
    const [portA, portB] = [await freePort(), await freePort()];
    // Both at the same moment, on an empty database.
    const startA = spawnApi('api-a', dir, {
      ...shared,
      PORT: String(portA),
      DATA_DIR: join(dir, 'a'),
    });
    const startB = spawnApi('api-b', dir, {
      ...shared,
      PORT: String(portB),
      DATA_DIR: join(dir, 'b'),
    });
    a = startA.instance;
    b = startB.instance;
    cleanups.push(() => Promise.all([a.stop(), b.stop()]));
    const started = await Promise.allSettled([startA.ready, startB.ready]);
    const failed = started.flatMap((result) =>
      result.status === 'rejected' ? [result.reason] : [],
    );
    if (failed.length > 0) throw new Error(failed.map(String).join('\n\n'));

    // Production starts empty; the demo network comes from the seed tool, as an operator would run it.
    await runTool(
      SEED_JS,
      {
        NODE_ENV: 'test',
        DATABASE_URL: postgres.appUrl,
        DATABASE_MIGRATION_URL: postgres.ownerUrl,
        MEILI_URL: meili.url,
        MEILI_MASTER_KEY: meili.masterKey,
      },
      join(dir, 'seed.log'),
    );
    [{ id: tandemId }] = await query<{ id: string }>(
      `SELECT t.id FROM tandem t JOIN city n ON n.id = t.city_id JOIN city p ON p.id = t.partner_city_id
        WHERE n.slug = 'halberstadt' AND p.slug = 'stendal' AND t.status = 'ACTIVE'`,
    );
  });

  afterAll(async () => {
    await Promise.allSettled(sockets.map((socket) => socket.dispose()));
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch {
        // the next one still runs
      }
    }
  });

  it('ran the migrations once: both started, every migration recorded once', async () => {
    expect([a.exitCode(), b.exitCode()]).toEqual([undefined, undefined]);
    const files = readdirSync(join(ROOT, 'apps/api/src/database/migrations')).filter((name) =>
      /^\d{13}-.+\.ts$/.test(name),
    );
    const rows = await query<{ name: string; n: number }>(
      'SELECT name, count(*)::int AS n FROM schema_migration GROUP BY name',
    );
    expect(rows.length).toBe(files.length);
    expect(rows.filter((row) => row.n !== 1)).toEqual([]);
    // One instance applied them all; the other waited for the lock and found none pending.
    const applied = [a, b].map(
      (instance) => instance.log().split('migration applied: ').length - 1,
    );
    expect(applied.sort((x, y) => x - y)).toEqual([0, files.length]);
    for (const instance of [a, b]) {
      const health = await fetch(`${instance.url}/health`);
      expect(health.status).toBe(200);
    }
  });

  it('shares sessions: signed in on A, signed in on B; signed out on A, out on B and its live socket closes', async () => {
    const email = `member.stendal@${DEMO}`;
    const browser = await signedIn(a, email);
    const me = await browser.gql<{ me: { email: string } | null }>(b, '{ me { email } }');
    expect(me.data?.me?.email).toBe(email);

    const watch = live(b, browser.cookie);
    const author = await signedIn(a, `member.halberstadt@${DEMO}`);
    await firstDelivery(author, a, watch);
    const cookie = browser.cookie;
    expect((await browser.gql<{ logout: boolean }>(a, 'mutation { logout }')).data?.logout).toBe(
      true,
    );
    const stale = new Browser();
    stale.cookie = cookie;
    expect((await stale.gql<{ me: unknown }>(b, '{ me { email } }')).data?.me).toBeNull();
    // B re-checks its open sockets' sessions (WS_SESSION_CHECK_SECONDS): this one ended on A.
    await until(() => watch.closes.length > 0, 'the socket on B closing after logout on A');
    expect(watch.closes).toEqual([SESSION_ENDED]);
  });

  it('delivers a note written on A live to a subscriber on B, once', async () => {
    const reader = await signedIn(b, `coordinator.stendal@${DEMO}`);
    const watch = live(b, reader.cookie);
    const author = await signedIn(a, `coordinator.halberstadt@${DEMO}`);
    await firstDelivery(author, a, watch);
    const body = `Über Instanzen ${Date.now()}`;
    const id = await addNote(author, a, body);
    await until(() => watch.notes.some((note) => note.id === id), 'the note arriving on B');
    expect(watch.notes.filter((note) => note.id === id)).toEqual([
      { id, body, authorCity: { slug: 'halberstadt' } },
    ]);
  });

  it('sends each notification e-mail of the outbox once, though both instances drain it', async () => {
    const author = await signedIn(a, `coordinator.halberstadt@${DEMO}`);
    const tokens = Array.from({ length: 4 }, (_, i) => `Doppelt-${i}-${Date.now()}`);
    // Written on both instances: each one's trigger wakes both workers.
    for (const [index, token] of tokens.entries())
      await addNote(author, index % 2 === 0 ? a : b, `Rundgang ${token}`);
    const recipients = await query<{ email: string }>(
      `SELECT u.email FROM membership m JOIN app_user u ON u.id = m.user_id JOIN city c ON c.id = m.city_id
        WHERE c.slug = 'stendal' AND u.mail_tandem = 'IMMEDIATE' AND u.mail_city = 'IMMEDIATE' ORDER BY u.email`,
    );
    expect(recipients.length).toBeGreaterThan(0);
    const progress = () =>
      query<{ processed: boolean; mails: number; sent: number }>(
        `SELECT o.processed_at IS NOT NULL AS processed, count(m.id)::int AS mails, count(m.sent_at)::int AS sent
           FROM notification_outbox o LEFT JOIN notification_mail m ON m.outbox_id = o.id
          WHERE o.body LIKE ANY ($1) GROUP BY o.id`,
        [tokens.map((token) => `%${token}%`)],
      );
    await until(async () => {
      const rows = await progress();
      return (
        rows.length === tokens.length &&
        rows.every((row) => row.processed && row.sent === row.mails)
      );
    }, 'the outbox rows being sent');
    expect(await progress()).toEqual(
      tokens.map(() => ({ processed: true, mails: recipients.length, sent: recipients.length })),
    );
    for (const token of tokens) {
      const to = sink
        .containing(token)
        .flatMap((mail) => mail.to)
        .sort();
      expect(to).toEqual(recipients.map((row) => row.email));
    }
    const inApp = await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification WHERE body LIKE ANY ($1) GROUP BY user_id, body`,
      [tokens.map((token) => `%${token}%`)],
    );
    expect(inApp.filter((row) => row.n !== 1)).toEqual([]);
  });

  it('finds a practice published on A by a search through B (one search outbox, one index)', async () => {
    const author = await signedIn(a, `coordinator.halberstadt@${DEMO}`);
    const word = `Domplatzrunde${Date.now()}`;
    const created = await author.gql<{ createPractice: { id: string } }>(
      a,
      'mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }',
      {
        input: {
          citySlug: 'halberstadt',
          title: `${word} am Dom`,
          summary: 'Auf einer Instanz geschrieben, auf der anderen gesucht.',
          visibility: 'PUBLIC',
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createPractice.id;
    const published = await author.gql<{ publishPractice: { status: string } }>(
      a,
      'mutation($id: ID!) { publishPractice(id: $id) { status } }',
      { id },
    );
    expect(published.data?.publishPractice.status).toBe('PUBLISHED');
    const anonymous = new Browser();
    const found = async () => {
      const result = await anonymous.gql<{
        searchPractices: { hits: Array<{ practice: { id: string } }> };
      }>(b, 'query($q: String!) { searchPractices(query: $q) { hits { practice { id } } } }', {
        q: word,
      });
      return result.data?.searchPractices.hits.map((hit) => hit.practice.id) ?? [];
    };
    await until(async () => (await found()).includes(id), 'the practice being found on B');
    expect(await found()).toEqual([id]);
    const pending = await query<{ n: number }>(
      'SELECT count(*)::int AS n FROM search_outbox WHERE document_id = $1 AND processed_at IS NULL',
      [id],
    );
    expect(pending).toEqual([{ n: 0 }]);
  });

  it('shares login throttling: failed attempts on A make B wait, even with the right password', async () => {
    const email = `member.goch@${DEMO}`;
    const guesser = new Browser();
    // The free attempts and two slowed ones on A, honouring each wait, so the next wait is long.
    let failures = 0;
    const deadline = Date.now() + 60_000;
    while (failures < 5) {
      if (Date.now() > deadline) throw new Error('could not make the failed attempts');
      const answer = await guesser.login(a, email, 'falsches Passwort');
      const code = answer.errors?.[0].extensions?.code;
      if (code === 'UNAUTHENTICATED') failures += 1;
      else if (code === 'TOO_MANY_ATTEMPTS') {
        const params = answer.errors![0].extensions!.params as { retryAfterSeconds: number };
        await new Promise((done) => setTimeout(done, params.retryAfterSeconds * 1000 + 100));
      } else throw new Error(`unexpected answer ${JSON.stringify(answer)}`);
    }
    const onB = await new Browser().login(b, email);
    expect(onB.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    const params = onB.errors![0].extensions!.params as { retryAfterSeconds: number };
    expect(params.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('runs each scheduled job once across the two instances', async () => {
    const runs = () =>
      query<{ name: string; n: number; finished: number }>(
        `SELECT name, count(*)::int AS n, count(finished_at)::int AS finished
           FROM scheduled_job_run GROUP BY name ORDER BY name`,
      );
    await until(async () => {
      const rows = await runs();
      return JOBS.every((job) => rows.some((row) => row.name === job && row.finished > 0));
    }, 'every job having run');
    // By now both schedulers (JOBS_POLL_MS=200) have passed over every job many times.
    expect((await runs()).filter((row) => JOBS.includes(row.name))).toEqual(
      JOBS.map((name) => ({ name, n: 1, finished: 1 })),
    );
    expect(
      await query('SELECT name, error FROM scheduled_job_run WHERE error IS NOT NULL'),
    ).toEqual([]);
  });
});
