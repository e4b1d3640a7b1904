import { startDevServices, type DevServices } from '@wissensnetz/dev-services';
import { Meilisearch } from 'meilisearch';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PRACTICES_INDEX } from '../src/modules/practices/practice-search.source';
import { OutboxWorker } from '../src/search/outbox-worker';
import { startTestPlatform, type TestPlatform } from './harness';
import {
  addNote,
  firstDelivery,
  halberstadtTandem,
  subscribe,
  until,
  wsClient,
  type LiveSocket,
} from './live-client';

const quiet = (): void => undefined;

/**
 * The API's LISTEN connection (live tandem notes, outbox wake-up) across a PostgreSQL
 * restart. This file runs its own PostgreSQL and Meilisearch so it can stop PostgreSQL and
 * start it again on the same port and data directory under the running API.
 */
describe('LISTEN after a PostgreSQL restart', () => {
  let dataDir: string;
  let meili: DevServices;
  let postgres: DevServices | undefined;
  let postgresPort: number;
  let api: TestPlatform;
  const sockets: LiveSocket[] = [];

  const startPostgres = async () => {
    postgres = await startDevServices({
      dataDir,
      // Given: only PostgreSQL is started by this launcher.
      env: { MEILI_URL: meili.env.MEILI_URL, MEILI_MASTER_KEY: meili.env.MEILI_MASTER_KEY },
      durable: false,
      postgresPort: postgresPort || undefined,
      log: quiet,
    });
    postgresPort = Number(new URL(postgres.env.DATABASE_URL).port);
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(__dirname, '..', '..', '..', '.data-test-pg-restart-'));
    meili = await startDevServices({
      dataDir,
      env: { DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused' },
      durable: false,
      log: quiet,
    });
    postgresPort = 0;
    await startPostgres();
    api = await startTestPlatform({
      ...postgres!.env,
      // The poll is a minute away: what reaches the index in this test came by LISTEN or by
      // the drain after the reconnect.
      SEARCH_POLL_MS: '60000',
      WS_SESSION_CHECK_SECONDS: '1',
    });
    // The demo's documents are in the index: no drain is still running when the test starts.
    await api.platform.app.get(OutboxWorker).settle(120_000);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.client.dispose()));
    await api?.stop();
    await postgres?.stop();
    await meili?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('listens again after the restart: live notes arrive, the outbox drains, the socket stays', async () => {
    const engine = new Meilisearch({
      host: meili.env.MEILI_URL,
      apiKey: meili.env.MEILI_MASTER_KEY,
    });
    const titleInIndex = async (id: string) =>
      (await engine.index(PRACTICES_INDEX).getDocument<{ title: string }>(id)).title;
    const tandemId = await halberstadtTandem(api);
    const newSide = await api.as('member', 'halberstadt');
    const watcher = wsClient(api.url, { cookie: (await api.as('member', 'stendal')).cookie });
    sockets.push(watcher);
    const live = subscribe(watcher.client, tandemId);
    await firstDelivery(newSide, tandemId, live);

    // A change whose outbox row falls due only after PostgreSQL went down: its NOTIFY came
    // too early, so only the drain after the reconnect can bring it into the index.
    const [practice] = await api.ownerQuery<{ id: string }>(
      `SELECT id FROM practice WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`,
    );
    await api.ownerQuery(
      `UPDATE practice SET title = 'Wiedergefunden nach dem Neustart' WHERE id = $1`,
      [practice.id],
    );
    const [{ due }] = await api.ownerQuery<{ due: Date }>(
      `INSERT INTO search_outbox (index_name, document_id, next_attempt_at)
       VALUES ($1, $2, now() + interval '1 second') RETURNING next_attempt_at AS due`,
      [PRACTICES_INDEX, practice.id],
    );

    await postgres!.stop();
    // Down until the row is due, then up again on the same port and data.
    await until(() => Date.now() > due.getTime() + 200, 'the outbox row falling due');
    await startPostgres();

    await eventually(
      async () => (await titleInIndex(practice.id)) === 'Wiedergefunden nach dem Neustart',
      'the drain after the reconnect',
    );

    // New notes reach the open page again (tandem_note_added is listened to again).
    const after = await addNote(newSide, tandemId, 'Nach dem Neustart live');
    await until(() => live.notes().some((note) => note.id === after), 'the live note');

    // New outbox rows wake the worker again (search_outbox is listened to again).
    await api.ownerQuery(`UPDATE practice SET title = 'Sofort gefunden' WHERE id = $1`, [
      practice.id,
    ]);
    await api.ownerQuery(`INSERT INTO search_outbox (index_name, document_id) VALUES ($1, $2)`, [
      PRACTICES_INDEX,
      practice.id,
    ]);
    await eventually(
      async () => (await titleInIndex(practice.id)) === 'Sofort gefunden',
      'the wake-up by NOTIFY',
    );
    // The outage did not end the live socket: a session that cannot be checked is no ended one.
    expect(watcher.closes).toEqual([]);
  });
});

/** Waits (bounded) until an async check holds. */
async function eventually(check: () => Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen in time`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
