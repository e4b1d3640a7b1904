// The built platform as `npm start` runs it (API + web app from dist/, embedded PostgreSQL
// and Meilisearch, demo network), on a free port with a temporary DATA_DIR, in production
// mode. Not a benchmark itself (bench/run.mjs leaves it out): used by first-visit.mjs and
// search-suggest.mjs.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCTION_ENV } from './production-env.mjs';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist/api');
const require = createRequire(import.meta.url);

export const round = (value) => Math.round(value * 10) / 10;
export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
export const median = (values) => percentile(values, 50);
export const load = () => loadavg().map(round);
export const machine = () => ({
  node: process.version,
  cpus: cpus().length,
  cpu: cpus()[0]?.model,
  memoryGiB: round(totalmem() / 2 ** 30),
});
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `options.apiEnv(services)` may return variables that differ for the API (e.g. a
 * MEILI_URL through a recording proxy).
 */
export async function startDemoPlatform(name, options = {}) {
  const { startDevServices, freePort } = require(join(dist, 'libs/dev-services/src/index.js'));
  const dataDir = mkdtempSync(join(root, `.data-bench-${name}-`));
  const services = await startDevServices({ dataDir, durable: false, log: () => undefined });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const apiEnv = options.apiEnv ? await options.apiEnv(services) : {};
  const api = spawn(process.execPath, [join(dist, 'apps/api/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      ...services.env,
      ...PRODUCTION_ENV,
      PUBLIC_URL: url,
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      NODE_ENV: process.env.BENCH_NODE_ENV ?? 'production',
      ...apiEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (api.exitCode === null) {
      const exited = new Promise((resolve) => api.once('exit', resolve));
      api.kill('SIGINT');
      await exited;
    }
    await services.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 180_000;
    while ((await fetch(`${url}/health`).catch(() => null))?.ok !== true) {
      if (api.exitCode !== null) throw new Error(`the API exited with ${api.exitCode}`);
      if (Date.now() > deadline) throw new Error('the API did not answer /health within 180 s');
      await sleep(200);
    }
    // The demo seed's documents are in the search index once the outbox is drained.
    const pg = require('pg');
    const owner = new pg.Client({ connectionString: services.env.DATABASE_MIGRATION_URL });
    await owner.connect();
    try {
      const pending = async () =>
        Number(
          (await owner.query('SELECT count(*) AS n FROM search_outbox WHERE processed_at IS NULL'))
            .rows[0].n,
        );
      while ((await pending()) > 0) {
        if (Date.now() > deadline) throw new Error('the demo data was not indexed within 180 s');
        await sleep(200);
      }
    } finally {
      await owner.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, services, stop };
}
