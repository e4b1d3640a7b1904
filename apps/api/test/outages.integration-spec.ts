import { startDevServices, startMeilisearch, type DevServices } from '@wissensnetz/dev-services';
import { type MeiliHandle } from '@wissensnetz/dev-services';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { MailService } from '../src/modules/mail/mail.service';
import { OutboxWorker } from '../src/search/outbox-worker';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

/** How long a test waits for any answer: far above the timeouts configured below. */
const ANSWER_WITHIN_MS = 20_000;

interface Answer {
  status: number;
  contentType: string;
  body: unknown;
}

/**
 * A TCP relay in front of this file's PostgreSQL: the API connects through it, so the
 * database can be stopped and started again (on another port) under the same address,
 * and a stall (a server that accepts but never answers) can be simulated.
 */
class PostgresRelay {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private paused = false;
  port = 0;

  constructor(private upstreamPort: number) {}

  async open(upstreamPort = this.upstreamPort): Promise<void> {
    this.upstreamPort = upstreamPort;
    const server = net.createServer((client) => {
      const upstream = net.connect(this.upstreamPort, '127.0.0.1');
      for (const [from, to] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        this.sockets.add(from);
        from.on('error', () => to.destroy());
        from.on('close', () => {
          this.sockets.delete(from);
          to.destroy();
        });
        from.pipe(to);
        if (this.paused) from.pause();
      }
    });
    await new Promise<void>((done) => server.listen(this.port, '127.0.0.1', done));
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** Like a stopped server: connections are refused, open ones are cut. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    if (server) await new Promise((done) => server.close(done));
  }

  /** Like a frozen server: connections are accepted, nothing is answered. */
  stall(): void {
    this.paused = true;
    for (const socket of this.sockets) socket.pause();
  }

  resume(): void {
    this.paused = false;
    for (const socket of this.sockets) socket.resume();
  }
}

describe('outages: fail fast and typed, recover without restart', () => {
  let dir: string;
  let postgres: DevServices;
  let meili: MeiliHandle;
  let meiliPid: number;
  let relay: PostgresRelay;
  let api: TestPlatform;
  let member: Client;
  let coordinator: Client;
  let practiceId: string;
  const masterKey = 'outages-test-master-key-0123456789';

  const startPostgres = () =>
    startDevServices({
      dataDir: join(dir, 'pg'),
      // MEILI_URL given: this launcher starts (and stops) PostgreSQL only.
      env: { MEILI_URL: 'http://127.0.0.1:9' },
      durable: false,
      log: () => undefined,
    });
  const viaRelay = (url: string) => {
    const parsed = new URL(url);
    parsed.port = String(relay.port);
    return parsed.toString();
  };

  /** One HTTP request, with the client's cookie if any, bounded so a hang fails the test. */
  async function request(
    path: string,
    options: { client?: Client; query?: string; variables?: Record<string, unknown> } = {},
  ): Promise<Answer> {
    const response = await fetch(`${api.url}${path}`, {
      method: options.query ? 'POST' : 'GET',
      headers: {
        ...(options.query ? { 'content-type': 'application/json' } : {}),
        ...(options.client?.cookie ? { cookie: options.client.cookie } : {}),
      },
      body: options.query
        ? JSON.stringify({ query: options.query, variables: options.variables })
        : undefined,
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
    const text = await response.text();
    const contentType = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      contentType,
      body: contentType.includes('json') ? JSON.parse(text) : text,
    };
  }
  const gql = (query: string, variables?: Record<string, unknown>, client?: Client) =>
    request('/graphql', { query, variables, client });

  function firstError(answer: Answer): Record<string, unknown> | undefined {
    const body = answer.body as { errors?: Array<{ extensions?: Record<string, unknown> }> };
    return body?.errors?.[0]?.extensions;
  }

  async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check().catch(() => false))) {
      if (Date.now() > deadline) throw new Error('condition not reached in time');
      await new Promise((done) => setTimeout(done, 200));
    }
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(__dirname, '..', '..', '..', '.data-test-outages-'));
    postgres = await startPostgres();
    meili = await startMeilisearch({ dir: join(dir, 'meili'), masterKey, log: () => undefined });
    meiliPid = Number((await readFile(join(dir, 'meili', 'meilisearch.pid'), 'utf8')).trim());
    relay = new PostgresRelay(Number(new URL(postgres.env.DATABASE_URL).port));
    await relay.open();
    api = await startTestPlatform({
      DATABASE_URL: viaRelay(postgres.env.DATABASE_URL),
      DATABASE_MIGRATION_URL: viaRelay(postgres.env.DATABASE_MIGRATION_URL),
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: masterKey,
      MEILI_TIMEOUT_MS: '500',
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      DATABASE_STATEMENT_TIMEOUT_MS: '3000',
      DATABASE_LOCK_TIMEOUT_MS: '1000',
      SMTP_TIMEOUT_MS: '500',
      SEARCH_POLL_MS: '200',
      SEARCH_RETRY_MAX_MS: '500',
    });
    await api.platform.app.get(OutboxWorker).settle(60_000);
    member = await api.as('member', 'herford');
    coordinator = await api.as('coordinator', 'goch');
    const [row] = await api.ownerQuery<{ id: string }>(
      `SELECT p.id FROM practice p JOIN city c ON c.id = p.city_id
        WHERE c.slug = 'goch' AND p.status = 'PUBLISHED' AND p.visibility = 'PUBLIC' LIMIT 1`,
    );
    practiceId = row.id;
  });
  afterAll(async () => {
    if (meiliPid) process.kill(meiliPid, 'SIGCONT');
    relay?.resume();
    await api?.stop();
    await relay?.close();
    await meili?.stop();
    await postgres?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers every search SERVICE_UNAVAILABLE while Meilisearch is frozen; the rest keeps working and nothing is lost', async () => {
    const worker = api.platform.app.get(OutboxWorker);
    const [archived] = await api.ownerQuery<{ id: string }>(
      `SELECT p.id FROM practice p JOIN city c ON c.id = p.city_id
        WHERE c.slug = 'goch' AND p.status = 'PUBLISHED' AND p.id <> $1 LIMIT 1`,
      [practiceId],
    );
    let createdId = '';
    process.kill(meiliPid, 'SIGSTOP');
    try {
      const searches: Array<[string, () => Promise<Answer>]> = [
        [
          'searchPractices (anonymous)',
          () => gql('{ searchPractices(query: "Ehrenamt") { totalHits } }'),
        ],
        [
          'searchPractices (member, tenant token)',
          () => gql('{ searchPractices(query: "Ehrenamt") { totalHits } }', undefined, member),
        ],
        [
          'similarPractices',
          () =>
            gql('query($id: ID!) { similarPractices(id: $id) { id } }', { id: practiceId }, member),
        ],
        [
          'searchRecords',
          () => gql('{ searchRecords(query: "Tandem") { conferenceTitle } }', undefined, member),
        ],
      ];
      for (const [name, run] of searches) {
        const answer = await run();
        expect({ name, error: firstError(answer) }).toMatchObject({
          name,
          error: { code: 'SERVICE_UNAVAILABLE', reason: 'SEARCH_UNAVAILABLE' },
        });
      }

      // Pages that do not need search answer as usual.
      const cities = await gql('{ cities(first: 3) { totalCount } }');
      expect(cities.body).toMatchObject({ data: { cities: { totalCount: expect.any(Number) } } });
      const practice = await gql('query($id: ID!) { practice(id: $id) { id } }', {
        id: practiceId,
      });
      expect(practice.body).toMatchObject({ data: { practice: { id: practiceId } } });
      const health = await request('/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ details: { search: { status: 'down' } } });

      // Writes are confirmed and wait in the outbox, narrowing ones included.
      const created = await gql(
        'mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }',
        {
          input: {
            citySlug: 'goch',
            title: 'Niederrheinischer Reparaturtreff im Ausfall',
            summary: 'Geschrieben, während die Suche stand.',
            visibility: 'PUBLIC',
          },
        },
        coordinator,
      );
      createdId = (created.body as { data: { createPractice: { id: string } } }).data.createPractice
        .id;
      const published = await gql(
        'mutation($id: ID!) { publishPractice(id: $id) { status } }',
        { id: createdId },
        coordinator,
      );
      expect(published.body).toMatchObject({ data: { publishPractice: { status: 'PUBLISHED' } } });
      const archive = await gql(
        'mutation($id: ID!) { archivePractice(id: $id) { status } }',
        { id: archived.id },
        coordinator,
      );
      expect(archive.body).toMatchObject({ data: { archivePractice: { status: 'ARCHIVED' } } });
      const pending = await api.ownerQuery<{ id: string }>(
        'SELECT document_id AS id FROM search_outbox WHERE processed_at IS NULL AND document_id = ANY($1)',
        [[createdId, archived.id]],
      );
      expect(new Set(pending.map((row) => row.id))).toEqual(new Set([createdId, archived.id]));
    } finally {
      process.kill(meiliPid, 'SIGCONT');
    }

    await worker.settle(60_000);
    // The engine just woke up and this file's search bound is 500 ms: on a loaded machine
    // the first searches may still time out; recovery means one answers within 20 tries.
    let after = await gql(
      'query($q: String!) { searchPractices(query: $q) { hits { practice { id } } } }',
      { q: 'Niederrheinischer Reparaturtreff im Ausfall' },
    );
    for (let attempt = 0; attempt < 20 && !(after.body as { data?: unknown }).data; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      after = await gql(
        'query($q: String!) { searchPractices(query: $q) { hits { practice { id } } } }',
        { q: 'Niederrheinischer Reparaturtreff im Ausfall' },
      );
    }
    const found = (
      after.body as { data: { searchPractices: { hits: Array<{ practice: { id: string } }> } } }
    ).data.searchPractices.hits.map((hit) => hit.practice.id);
    expect(found).toContain(createdId);
    const [archivedIndexed] = await api.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL',
    );
    expect(archivedIndexed.n).toBe(0);
  });

  it('answers SERVICE_UNAVAILABLE in the documented shape while PostgreSQL is down, and recovers when it is back', async () => {
    await relay.close();
    await postgres.stop();
    try {
      const anonymous = await gql('{ cities(first: 3) { totalCount } }');
      expect(anonymous.contentType).toContain('application/json');
      expect(firstError(anonymous)).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        reason: 'DATABASE_UNAVAILABLE',
      });

      // The session cookie is looked up before GraphQL runs: still the typed answer.
      const signedIn = await gql('{ me { id } }', undefined, member);
      expect(signedIn.contentType).toContain('application/json');
      expect([200, 503]).toContain(signedIn.status);
      expect(firstError(signedIn)).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        reason: 'DATABASE_UNAVAILABLE',
      });

      // HTTP routes answer in the same shape, with 503.
      for (const client of [undefined, member]) {
        const calendar = await request('/calendar/goch.ics', { client });
        expect(calendar.status).toBe(503);
        expect(firstError(calendar)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      }

      const health = await request('/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ details: { database: { status: 'down' } } });
      // Only the status of each part: no driver message with the database's address.
      expect(health.body).toEqual({
        status: 'error',
        info: { search: { status: 'up' } },
        error: { database: { status: 'down' } },
        details: { database: { status: 'down' }, search: { status: 'up' } },
      });
    } finally {
      postgres = await startPostgres();
      await relay.open(Number(new URL(postgres.env.DATABASE_URL).port));
    }

    // Back without a restart of the API: the pool reconnects, the session still holds.
    await eventually(async () => {
      const answer = await gql('{ me { id } }', undefined, member);
      return (answer.body as { data?: { me?: { id: string } | null } }).data?.me?.id !== undefined;
    });
    const cities = await gql('{ cities(first: 3) { totalCount } }');
    expect(cities.body).toMatchObject({ data: { cities: { totalCount: expect.any(Number) } } });
    expect((await request('/health')).status).toBe(200);
  });

  it('answers SERVICE_UNAVAILABLE when PostgreSQL stalls instead of waiting without limit', async () => {
    relay.stall();
    try {
      const anonymous = await gql('{ cities(first: 3) { totalCount } }');
      expect(firstError(anonymous)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      const signedIn = await gql('{ me { id } }', undefined, member);
      expect(firstError(signedIn)).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      const health = await request('/health');
      expect(health.status).toBe(503);
    } finally {
      relay.resume();
    }
    await eventually(async () => {
      const answer = await gql('{ me { id } }', undefined, member);
      return (answer.body as { data?: { me?: { id: string } | null } }).data?.me?.id !== undefined;
    });
  });

  it("runs the application's statements with statement_timeout and lock_timeout, answered as typed errors", async () => {
    const db = api.platform.app.get<DataSource>(getDataSourceToken());
    const settings = await db.query<Array<{ name: string; setting: string }>>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('statement_timeout', 'lock_timeout') ORDER BY name`,
    );
    expect(settings).toEqual([
      { name: 'lock_timeout', setting: '1000' },
      { name: 'statement_timeout', setting: '3000' },
    ]);
    await expect(db.query('SELECT pg_sleep(10)')).rejects.toMatchObject({ code: '57014' });
  });

  it('gives up on an SMTP server that accepts but never greets', async () => {
    const sockets = new Set<net.Socket>();
    const silent = net.createServer((socket) => sockets.add(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    try {
      const port = (silent.address() as net.AddressInfo).port;
      const mail = new MailService(
        { ...api.platform.config, smtpUrl: `smtp://127.0.0.1:${port}` },
        api.platform.app.get<DataSource>(getDataSourceToken()),
      );
      const outcome = await Promise.race([
        mail.send({ to: 'someone@example.org', subject: 'Test', text: 'Test' }).then(
          () => 'sent',
          () => 'failed',
        ),
        new Promise((done) => setTimeout(() => done('still waiting'), 10_000)),
      ]);
      expect(outcome).toBe('failed');
      expect(sockets.size).toBe(1);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => silent.close(done));
    }
  });
});
