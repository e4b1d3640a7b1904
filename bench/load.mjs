#!/usr/bin/env node
// Speed under load (issue 18, "Targets"), every pair side by side in one run:
//   (a) searchPractices through GraphQL vs exactly the engine request the API sends,
//       straight to Meilisearch, LOAD_CONNECTIONS (50) concurrent clients: req/s ratio.
//   (b) cities(first: 20), practices(first: 20) and one practice through GraphQL vs a minimal
//       fastify + pg server doing the same SQL in the same RLS transaction
//       (bench/baseline-server.mjs, in a process of its own): req/s ratio.
//   Each pair runs with one API instance (and one baseline process), then with two
//   (LOAD_INSTANCES=1,2), the clients spread evenly; the CPU time of every process per
//   request shows what bounds each figure.
//   With LOAD_COMPARE_FETCH=1 the search pair runs once more against an API started with
//   BENCH_MEILI_FETCH=1 (the former fetch client, a new TCP connection per search):
//   before/after of the keep-alive client in the same run.
// Runs the built API (npm run build:api) against its own embedded PostgreSQL + Meilisearch
// with the demo data. bench/README.md, "load.mjs".
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
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
const COMPARE_FETCH = (process.env.LOAD_COMPARE_FETCH ?? '0') === '1';
// LOAD_INSTANCES=1,2: every pair with one API instance (and one baseline process), then two.
// BENCH_SERVER_NODE: another Node binary for the servers under test, the API instances and
// the baseline processes alike (the production image runs Node 24).
const SERVER_NODE = process.env.BENCH_SERVER_NODE || process.execPath;
const INSTANCES = (process.env.LOAD_INSTANCES ?? '1,2').split(',').map(Number);
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
// Clock ticks of /proc/<pid>/stat (utime, stime); 100 per second on Linux unless configured.
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);
/** Processes by role for cpuMs: the API instances and the baseline processes. */
const apiPids = new Set();
const baselinePids = new Set();
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
      serverNode:
        SERVER_NODE === process.execPath
          ? process.version
          : execFileSync(SERVER_NODE, ['--version']).toString().trim(),
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadavgAtStart: loadavg().map(round),
    },
    pairs: [],
  };
  const apis = [];
  const baselines = [];
  try {
    apis.push(await startApi(services, dataDir, {}));
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
      urls: [services.env.MEILI_URL],
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

    const pair = async (instances, name, wissensnetz, reference, target, note) => {
      const label = `${name} (${instances} × API${reference === direct ? '' : `, ${instances} × baseline`})`;
      const a = await load(`${label}: Wissensnetz`, wissensnetz);
      const b = await load(`${label}: baseline`, reference);
      const entry = {
        name,
        instances,
        wissensnetz: a,
        baseline: b,
        ratio: round(a.requestsPerSecond / b.requestsPerSecond),
        target,
        met: a.requestsPerSecond / b.requestsPerSecond >= target,
        loadavg: loadavg().map(round),
        ...(note ? { note } : {}),
      };
      results.pairs.push(entry);
      console.log(`${label}: ${entry.ratio}× (target ≥ ${target}×)`);
      return entry;
    };

    for (const instances of INSTANCES) {
      // n API instances against one PostgreSQL and one Meilisearch (README, "Scaling out"),
      // and as many baseline processes; the clients are spread evenly over them.
      while (apis.length < instances) apis.push(await startApi(services, dataDir, {}));
      while (baselines.length < instances)
        baselines.push(await startBaselineProcess(services.env.DATABASE_URL));
      const api = apis.slice(0, instances).map((instance) => instance.url);
      const baseline = baselines.slice(0, instances).map((instance) => instance.url);
      // Warm both sides (caches, JIT, connection pools), not measured.
      await load('warm-up', { urls: api, requests: searchGql }, 3);
      await load('warm-up', direct, 2);

      await pair(
        instances,
        'searchPractices (20 hits, 5 facets, highlights) vs Meilisearch direct',
        { urls: api, requests: searchGql },
        direct,
        0.5,
      );
      results.floors ??= {};
      results.floors[instances] = {
        'searchPractices { totalHits }': await load(`floor: totalHits (${instances} × API)`, {
          urls: api,
          requests: gqlRequests(
            QUERIES.map((q) => [
              'query($q: String!) { searchPractices(query: $q, first: 20) { totalHits } }',
              { q },
            ]),
          ),
        }),
        '{ __typename }': await load(`floor: __typename (${instances} × API)`, {
          urls: api,
          requests: gqlRequests([['{ __typename }', {}]]),
        }),
      };
      await pair(
        instances,
        'cities(first: 20) vs fastify + pg',
        {
          urls: api,
          requests: gqlRequests([
            [
              '{ cities(first: 20) { totalCount edges { node { id slug name federalState } } } }',
              {},
            ],
          ]),
        },
        { urls: baseline, requests: [{ method: 'GET', path: '/cities' }] },
        0.6,
      );
      await pair(
        instances,
        'practices(first: 20) vs fastify + pg',
        {
          urls: api,
          requests: gqlRequests([
            ['{ practices(first: 20) { totalCount edges { node { id title } } } }', {}],
          ]),
        },
        { urls: baseline, requests: [{ method: 'GET', path: '/practices' }] },
        0.6,
      );
      await pair(
        instances,
        'practice(id) vs fastify + pg',
        {
          urls: api,
          requests: gqlRequests([
            [
              'query($id: ID!) { practice(id: $id) { id title summary status city { name } } }',
              { id: practiceId },
            ],
          ]),
        },
        { urls: baseline, requests: [{ method: 'GET', path: `/practice/${practiceId}` }] },
        0.6,
      );
    }

    if (COMPARE_FETCH) {
      // Before/after of the Meilisearch HTTP client, same run: one API again, with fetch.
      while (apis.length > 0) await apis.pop().stop();
      apis.push(await startApi(services, dataDir, { BENCH_MEILI_FETCH: '1' }));
      const fetchSearch = { urls: [apis[0].url], requests: searchGql };
      await load('warm-up', fetchSearch, 3);
      await pair(
        1,
        'searchPractices with the former fetch client (Connection: close) vs Meilisearch direct',
        fetchSearch,
        direct,
        0.5,
        'before: BENCH_MEILI_FETCH=1',
      );
    }
    results.machine.loadavgAtEnd = loadavg().map(round);
  } finally {
    for (const instance of [...baselines, ...apis]) await instance.stop().catch(() => undefined);
    await services.stop().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
  await report(results);
}

/** The API (built) on a free port against the given services, NODE_ENV=production. */
async function startApi(services, dataDir, env) {
  const port = await freePort();
  const child = spawn(SERVER_NODE, [join(dist, 'apps/api/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      ...services.env,
      ...PRODUCTION_ENV,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      ...env,
      PORT: String(port),
      // The first instance writes the demo data; the others start on it.
      SEED_DEMO: apiPids.size === 0 ? 'true' : 'false',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      NODE_ENV: process.env.BENCH_NODE_ENV ?? 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  apiPids.add(child.pid);
  return whenReady(child, `http://127.0.0.1:${port}`, {
    what: 'the API',
    readyPath: '/health',
    timeoutMs: 180_000,
    stopSignal: 'SIGINT',
    stopWaitMs: 15_000,
  });
}

/**
 * A started server process once `readyPath` answers 2xx (failing if it exits first), with
 * its URL and a stop that sends `stopSignal` and waits up to `stopWaitMs` for the exit.
 */
async function whenReady(child, url, { what, readyPath, timeoutMs, stopSignal, stopWaitMs }) {
  let exited = false;
  child.once('exit', () => (exited = true));
  await waitFor(
    async () => {
      if (exited) throw new Error(`${what} exited during its start (see above)`);
      return (await fetch(`${url}${readyPath}`).catch(() => null))?.ok === true;
    },
    timeoutMs,
    `${what}: start`,
  );
  return {
    url,
    stop: async () => {
      if (exited) return;
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill(stopSignal);
      await Promise.race([gone, sleep(stopWaitMs)]);
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

/**
 * autocannon for SECONDS with CONNECTIONS clients spread evenly over `urls` (one autocannon
 * per target, all at once; their req/s add up); every non-2xx or error is counted.
 */
async function load(name, { urls, requests }, seconds = SECONDS) {
  const before = cpuMs();
  const runs = await Promise.all(
    urls.map((url) =>
      autocannon({
        url,
        connections: Math.max(1, Math.round(CONNECTIONS / urls.length)),
        duration: seconds,
        requests,
      }),
    ),
  );
  const sum = (pick) => runs.reduce((total, run) => total + pick(run), 0);
  const worst = (pick) => Math.max(...runs.map(pick));
  const requestsTotal = sum((run) => run.requests.total);
  const summary = {
    requestsPerSecond: round(sum((run) => run.requests.average)),
    // With several targets: the slowest target's percentile.
    p50: worst((run) => run.latency.p50),
    p97_5: worst((run) => run.latency.p97_5),
    p99: worst((run) => run.latency.p99),
    requests: requestsTotal,
    non2xx: sum((run) => run.non2xx),
    errors: sum((run) => run.errors),
    timeouts: sum((run) => run.timeouts),
    // CPU time per answered request of each process group while this ran: where the
    // throughput is bounded (one Node process runs its JavaScript on one core).
    cpuMsPerRequest: perRequest(before, cpuMs(), requestsTotal),
  };
  if (name !== 'warm-up')
    console.log(
      `  ${name}: ${summary.requestsPerSecond} req/s, p50 ${summary.p50} ms, CPU ms/request ${JSON.stringify(summary.cpuMsPerRequest)}`,
    );
  return summary;
}

/** bench/baseline-server.mjs in a process of its own (not sharing autocannon's event loop). */
async function startBaselineProcess(databaseUrl) {
  const port = await freePort();
  const child = spawn(SERVER_NODE, [join(root, 'bench/baseline-server.mjs')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  baselinePids.add(child.pid);
  return whenReady(child, `http://127.0.0.1:${port}`, {
    what: 'the baseline',
    readyPath: '/cities',
    timeoutMs: 30_000,
    stopSignal: 'SIGTERM',
    stopWaitMs: 10_000,
  });
}

/**
 * CPU time (user + system, ms) so far of every process that counts, by pid: the API
 * instances, the baseline processes, PostgreSQL's and Meilisearch's processes, and this one
 * (autocannon).
 */
function cpuMs() {
  const byPid = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    const close = stat.lastIndexOf(')');
    const command = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat.slice(close + 2).split(' ');
    const pid = Number(entry);
    const group = apiPids.has(pid)
      ? 'api'
      : baselinePids.has(pid)
        ? 'baseline'
        : pid === process.pid
          ? 'bench'
          : command === 'postgres'
            ? 'postgres'
            : command === 'meilisearch'
              ? 'meilisearch'
              : undefined;
    // Fields 14 and 15 of proc(5): utime and stime of the whole process (all its threads).
    if (group) byPid.set(pid, { group, ms: (Number(fields[11]) + Number(fields[12])) * TICK_MS });
  }
  return byPid;
}

/**
 * Per group, the CPU time between two snapshots divided by the answered requests. A process
 * that started meanwhile counts from zero; one that exited meanwhile (a PostgreSQL backend)
 * is missing, so its last share is not counted.
 */
function perRequest(before, after, requests) {
  const groups = { api: 0, baseline: 0, postgres: 0, meilisearch: 0, bench: 0 };
  for (const [pid, { group, ms }] of after) groups[group] += ms - (before.get(pid)?.ms ?? 0);
  return Object.fromEntries(
    Object.entries(groups).map(([group, ms]) => [
      group,
      requests > 0 ? round(ms / requests) : null,
    ]),
  );
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
    `Node ${machine.node} (API and baseline on ${machine.serverNode ?? machine.node}), ${machine.cpus} × ${machine.cpu}, ${machine.memoryGiB} GiB; load average ${machine.loadavgAtStart.join(' / ')} at the start, ${machine.loadavgAtEnd?.join(' / ')} at the end. ${results.settings.connections} clients, ${results.settings.seconds} s each, commit ${results.commit.slice(0, 10)}.`,
    '',
    '| pair | instances | Wissensnetz req/s (p50) | baseline req/s (p50) | ratio | target | met | errors |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |',
    ...results.pairs.map(
      (pair) =>
        `| ${pair.name} | ${pair.instances} | ${pair.wissensnetz.requestsPerSecond} (${pair.wissensnetz.p50} ms) | ${pair.baseline.requestsPerSecond} (${pair.baseline.p50} ms) | ${pair.ratio}× | ≥ ${pair.target}× | ${pair.met ? 'yes' : 'no'} | ${pair.wissensnetz.errors + pair.wissensnetz.non2xx} / ${pair.baseline.errors + pair.baseline.non2xx} |`,
    ),
    ...Object.entries(results.floors ?? {}).flatMap(([instances, floors]) =>
      Object.entries(floors).map(
        ([name, floor]) =>
          `| floor: GraphQL \`${name}\` | ${instances} | ${floor.requestsPerSecond} (${floor.p50} ms) | – | – | – | – | ${floor.errors + floor.non2xx} |`,
      ),
    ),
    '',
    'Instances: API processes (and, for the fastify pairs, baseline processes) sharing one',
    'PostgreSQL and one Meilisearch, the clients spread evenly over them. Meilisearch direct is',
    'always the one engine.',
    '',
    'CPU time per answered request (ms, user + system) of each process group while the load',
    'ran, and how many cores the API processes kept busy (req/s × API ms / 1000). One Node',
    'process runs its JavaScript on one core: near 1.0 per instance it is the bound. Processes',
    'that ended during a load (PostgreSQL backends) are missing from the sum. The bench process',
    'runs autocannon.',
    '',
    '| load | instances | req/s | API | API cores | baseline | PostgreSQL | Meilisearch | bench |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[
      ...results.pairs.flatMap((pair) => [
        [`${pair.name}: Wissensnetz`, pair.instances, pair.wissensnetz],
        [`${pair.name}: baseline`, pair.instances, pair.baseline],
      ]),
      ...Object.entries(results.floors ?? {}).flatMap(([instances, floors]) =>
        Object.entries(floors).map(([name, floor]) => [`floor: \`${name}\``, instances, floor]),
      ),
    ].map(([name, instances, run]) => {
      const cpu = run.cpuMsPerRequest ?? {};
      const cores = cpu.api ? round((run.requestsPerSecond * cpu.api) / 1000) : '–';
      return `| ${name} | ${instances} | ${run.requestsPerSecond} | ${cpu.api || '–'} | ${cores} | ${cpu.baseline || '–'} | ${cpu.postgres ?? '–'} | ${cpu.meilisearch || '–'} | ${cpu.bench ?? '–'} |`;
    }),
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
