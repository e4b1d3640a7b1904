import { startMeilisearch, type MeiliHandle } from '@wissensnetz/dev-services';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { startTestPlatform, type TestPlatform } from './harness';

/**
 * Liveness and readiness against this file's own Meilisearch, which is frozen (SIGSTOP,
 * as bench/resilience does: a server that accepts but never answers) and stopped. The
 * search worker is off: the run's outbox stays with the run's Meilisearch.
 */
describe('operability: /health/live and /health/ready', () => {
  let dir: string;
  let meili: MeiliHandle | undefined;
  let meiliPid = 0;
  let api: TestPlatform;
  const masterKey = 'ops-health-test-master-key-0123456789';

  const get = async (path: string) => {
    const response = await fetch(`${api.url}${path}`, { signal: AbortSignal.timeout(20_000) });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(__dirname, '..', '..', '..', '.data-test-ops-health-'));
    meili = await startMeilisearch({ dir: join(dir, 'meili'), masterKey, log: () => undefined });
    meiliPid = Number((await readFile(join(dir, 'meili', 'meilisearch.pid'), 'utf8')).trim());
    api = await startTestPlatform({
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: masterKey,
      MEILI_TIMEOUT_MS: '500',
      SEARCH_WORKER: 'false',
    });
  });
  afterAll(async () => {
    if (meiliPid) {
      try {
        process.kill(meiliPid, 'SIGCONT');
      } catch {
        // already gone
      }
    }
    await api?.stop();
    await meili?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is live and ready when everything answers, and names each part', async () => {
    expect(await get('/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      details: {
        database: { status: 'up' },
        search: { status: 'up' },
        migrations: { status: 'up' },
      },
    });
    // The old address still answers as before.
    expect((await get('/health')).status).toBe(200);
  });

  it('is not ready while Meilisearch hangs, but still live; ready again once it answers', async () => {
    process.kill(meiliPid, 'SIGSTOP');
    try {
      // A check that was already on its way when the engine froze may still answer "up";
      // the next ones must not (bounded: each check gives up after its 2 s).
      let ready = await get('/health/ready');
      for (let attempt = 1; ready.status !== 503 && attempt < 10; attempt += 1)
        ready = await get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({
        status: 'error',
        error: { search: { status: 'down' } },
        details: {
          database: { status: 'up' },
          search: { status: 'down' },
          migrations: { status: 'up' },
        },
      });
      expect(JSON.stringify(ready.body)).not.toMatch(/127\.0\.0\.1|ECONN|timeout/i);
      expect(await get('/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
    } finally {
      process.kill(meiliPid, 'SIGCONT');
    }
    expect((await get('/health/ready')).status).toBe(200);
  });

  it('is not ready when Meilisearch is stopped', async () => {
    await meili?.stop();
    meili = undefined;
    meiliPid = 0;
    const ready = await get('/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ error: { search: { status: 'down' } } });
    expect((await get('/health/live')).status).toBe(200);
  });

  it('has no /metrics without METRICS_TOKEN', async () => {
    const answer = await fetch(`${api.url}/metrics`, { headers: { authorization: 'Bearer x' } });
    expect(answer.status).toBe(404);
  });
});
