#!/usr/bin/env node
// Speed under load (issue 18, "Targets"), every pair side by side in one run:
//   (a) searchPractices through GraphQL vs exactly the engine request the API sends,
//       straight to Meilisearch, LOAD_CONNECTIONS (50) concurrent clients: req/s ratio.
//   (b) cities(first: 20), practices(first: 20) and one practice through GraphQL vs a minimal
//       fastify + pg server doing the same SQL in the same RLS transaction
//       (bench/baseline-server.mjs): req/s ratio.
//   With LOAD_COMPARE_FETCH=1 (default) the search pair runs a second time against an API
//   started with BENCH_MEILI_FETCH=1 (the former fetch client, a new TCP connection per
//   search): before/after of the keep-alive client in the same run.
// Runs the built API (npm run build:api) against its own embedded PostgreSQL + Meilisearch
// with the demo data. bench/README.md, "load.mjs".
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { startBaseline } from './baseline-server.mjs';
import { PRODUCTION_ENV } from './production-env.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist/api');
const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const pg = require('pg');
const { startDevServices, freePort } = require(join(dist, 'libs/dev-services/src/index.js'));
const { MeiliSearchIndex } = require(join(dist, 'apps/api/src/search/meili-search-index.js'));
const { PRACTICE_FACETS, PRACTICE_HIT_ATTRIBUTES } = require(
  join(dist, 'apps/api/src/modules/practices/practice-search.service.js'),
);

const SECONDS = Number(process.env.LOAD_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const COMPARE_FETCH = (process.env.LOAD_COMPARE_FETCH ?? '1') === '1';
const QUERIES = [
  'Ehrenamt',
  'Digitalisierung Vereine',
  'Jugendforum',
  'Klimaschutz Nachbarschaft',
  'Beteiligung Spielplatz',
  'Demokratie Schule',
  'Repair Cafe',
  'Engagement Lotsen',
];
const SEARCH = `query($q: String!) { searchPractices(query: $q, first: 20) { totalHits hits { titleHtml summaryHtml practice { id title city { name } topics { slug } } }
  facets { topics { value label count } federalStates { value label count } cities { value label count } joinedYears { value count } kinds { value label count } } } }`;
const round = (value) => Math.round(value * 100) / 100;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const dataDir = mkdtempSync(join(root, '.data-bench-load-'));
  const services = await startDevServices({ dataDir, durable: false, log: () => undefined });
  const results = {
    date: new Date().toISOString(),
    commit: git(['rev-parse', 'HEAD']),
    settings: { seconds: SECONDS, connections: CONNECTIONS },
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadavgAtStart: loadavg().map(round),
    },
    pairs: [],
  };
  let api;
  let baseline;
  try {
    api = await startApi(services, dataDir, {});
    const owner = new pg.Client({ connectionString: services.env.DATABASE_MIGRATION_URL });
    await owner.connect();
    await waitFor(
      async () =>
        Number(
          (await owner.query('SELECT count(*) AS n FROM search_outbox WHERE processed_at IS NULL'))
            .rows[0].n,
        ) === 0,
      300_000,
      'indexing',
    );
    const practiceId = (
      await owner.query(
        `SELECT id FROM practice WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC' ORDER BY id LIMIT 1`,
      )
    ).rows[0].id;
    await owner.end();
    baseline = await startBaseline({
      databaseUrl: services.env.DATABASE_URL,
      port: await freePort(),
    });
    const engine = await engineRequests();
    if (engine.length !== QUERIES.length)
      throw new Error(`recorded ${engine.length} engine requests`);

    const gqlRequests = (queries) =>
      queries.map(([query, variables]) => ({
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      }));
    const searchGql = gqlRequests(QUERIES.map((q) => [SEARCH, { q }]));
    const direct = {
      url: services.env.MEILI_URL,
      requests: engine.map((request) => ({
        method: request.method,
        path: request.path,
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${services.env.MEILI_MASTER_KEY}`,
        },
        body: request.body,
      })),
    };
    // Warm both sides (caches, JIT, connection pools), not measured.
    await load('warm-up', { url: api.url, requests: searchGql }, 3);
    await load('warm-up', direct, 2);

    const pair = async (name, wissensnetz, reference, target, note) => {
      const a = await load(`${name}: Wissensnetz`, wissensnetz);
      const b = await load(`${name}: baseline`, reference);
      const entry = {
        name,
        wissensnetz: a,
        baseline: b,
        ratio: round(a.requestsPerSecond / b.requestsPerSecond),
        target,
        met: a.requestsPerSecond / b.requestsPerSecond >= target,
        loadavg: loadavg().map(round),
        ...(note ? { note } : {}),
      };
      results.pairs.push(entry);
      console.log(`${name}: ${entry.ratio}× (target ≥ ${target}×)`);
      return entry;
    };
    await pair(
      'searchPractices (20 hits, 5 facets, highlights) vs Meilisearch direct',
      { url: api.url, requests: searchGql },
      direct,
      0.5,
    );
    const floors = {
      'searchPractices { totalHits }': await load('floor: totalHits', {
        url: api.url,
        requests: gqlRequests(
          QUERIES.map((q) => [
            'query($q: String!) { searchPractices(query: $q, first: 20) { totalHits } }',
            { q },
          ]),
        ),
      }),
      '{ __typename }': await load('floor: __typename', {
        url: api.url,
        requests: gqlRequests([['{ __typename }', {}]]),
      }),
    };
    results.floors = floors;
    await pair(
      'cities(first: 20) vs fastify + pg',
      {
        url: api.url,
        requests: gqlRequests([
          ['{ cities(first: 20) { totalCount edges { node { id slug name federalState } } } }', {}],
        ]),
      },
      { url: baseline.url, requests: [{ method: 'GET', path: '/cities' }] },
      0.6,
    );
    await pair(
      'practices(first: 20) vs fastify + pg',
      {
        url: api.url,
        requests: gqlRequests([
          ['{ practices(first: 20) { totalCount edges { node { id title } } } }', {}],
        ]),
      },
      { url: baseline.url, requests: [{ method: 'GET', path: '/practices' }] },
      0.6,
    );
    await pair(
      'practice(id) vs fastify + pg',
      {
        url: api.url,
        requests: gqlRequests([
          [
            'query($id: ID!) { practice(id: $id) { id title summary status city { name } } }',
            { id: practiceId },
          ],
        ]),
      },
      { url: baseline.url, requests: [{ method: 'GET', path: `/practice/${practiceId}` }] },
      0.6,
    );

    if (COMPARE_FETCH) {
      // Before/after of the Meilisearch HTTP client, same run: the API again, with fetch.
      await api.stop();
      api = await startApi(services, dataDir, { BENCH_MEILI_FETCH: '1' });
      const fetchSearch = { url: api.url, requests: searchGql };
      await load('warm-up', fetchSearch, 3);
      await pair(
        'searchPractices with the former fetch client (Connection: close) vs Meilisearch direct',
        fetchSearch,
        direct,
        0.5,
        'before: BENCH_MEILI_FETCH=1',
      );
    }
    results.machine.loadavgAtEnd = loadavg().map(round);
  } finally {
    await baseline?.stop().catch(() => undefined);
    await api?.stop().catch(() => undefined);
    await services.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
  await report(results);
}

/** The API (built) on a free port against the given services, NODE_ENV=production. */
async function startApi(services, dataDir, env) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(dist, 'apps/api/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      ...services.env,
      ...PRODUCTION_ENV,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
      PORT: String(port),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      NODE_ENV: process.env.BENCH_NODE_ENV ?? 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(
    async () => {
      if (exited) throw new Error('the API exited during its start (see above)');
      return (await fetch(`${url}/health`).catch(() => null))?.ok === true;
    },
    180_000,
    'API start',
  );
  return {
    url,
    stop: async () => {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await Promise.race([gone, sleep(15_000)]);
    },
  };
}

/**
 * Exactly the engine requests the API sends for an anonymous caller: the built adapter is
 * pointed at a local server that records what it is sent (and answers like the engine), so
 * the benchmark replays the same method, path and body against Meilisearch.
 */
async function engineRequests() {
  const recorded = [];
  const capture = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      recorded.push({ method: req.method, path: req.url, body });
      res.setHeader('content-type', 'application/json');
      res.end(
        JSON.stringify({
          hits: [],
          facetDistribution: {},
          estimatedTotalHits: 0,
          processingTimeMs: 0,
        }),
      );
    });
  });
  await new Promise((resolve) => capture.listen(0, '127.0.0.1', resolve));
  const adapter = new MeiliSearchIndex(`http://127.0.0.1:${capture.address().port}`, '');
  for (const query of QUERIES) {
    await adapter
      .search(
        'practices',
        {
          query,
          filter: 'visibility = "PUBLIC"',
          facets: PRACTICE_FACETS,
          offset: 0,
          limit: 20,
          highlight: ['title', 'summary'],
          retrieve: PRACTICE_HIT_ATTRIBUTES,
        },
        'visibility = "PUBLIC"',
      )
      .catch(() => undefined);
  }
  await new Promise((resolve) => capture.close(resolve));
  return recorded.filter((entry) => entry.method === 'POST' && entry.path.includes('search'));
}

/** autocannon for SECONDS with CONNECTIONS clients; every non-2xx or error is counted. */
async function load(name, { url, requests }, seconds = SECONDS) {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests,
  });
  const summary = {
    requestsPerSecond: round(result.requests.average),
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  if (name !== 'warm-up')
    console.log(`  ${name}: ${summary.requestsPerSecond} req/s, p50 ${summary.p50} ms`);
  return summary;
}

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`${what} did not finish within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

function git(args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function report(results) {
  const date = results.date.slice(0, 10);
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const { machine } = results;
  const lines = [
    `# Load — ${date}`,
    '',
    `Node ${machine.node}, ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB; load average ${machine.loadavgAtStart.join(' / ')} at the start, ${machine.loadavgAtEnd?.join(' / ')} at the end. ${results.settings.connections} clients, ${results.settings.seconds} s each, commit ${results.commit.slice(0, 10)}.`,
    '',
    '| pair | Wissensnetz req/s (p50) | baseline req/s (p50) | ratio | target | met | errors |',
    '| --- | ---: | ---: | ---: | ---: | --- | ---: |',
    ...results.pairs.map(
      (pair) =>
        `| ${pair.name} | ${pair.wissensnetz.requestsPerSecond} (${pair.wissensnetz.p50} ms) | ${pair.baseline.requestsPerSecond} (${pair.baseline.p50} ms) | ${pair.ratio}× | ≥ ${pair.target}× | ${pair.met ? 'yes' : 'no'} | ${pair.wissensnetz.errors + pair.wissensnetz.non2xx} / ${pair.baseline.errors + pair.baseline.non2xx} |`,
    ),
    ...Object.entries(results.floors ?? {}).map(
      ([name, floor]) =>
        `| floor: GraphQL \`${name}\` | ${floor.requestsPerSecond} (${floor.p50} ms) | – | – | – | – | ${floor.errors + floor.non2xx} |`,
    ),
  ];
  await writeFile(join(dir, `load-${date}.json`), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(dir, `load-${date}.md`), `${lines.join('\n')}\n`);
  console.log(
    `\n${lines.join('\n')}\n\nwritten to ${relative(root, join(dir, `load-${date}.md`))}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
