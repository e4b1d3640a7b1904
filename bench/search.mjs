#!/usr/bin/env node
// Search benchmarks of the practice library (bench/README.md, "search.mjs"):
//   1. searchPractices through GraphQL vs the same search sent straight to Meilisearch,
//      on SEARCH_PRACTICES (default 10,000) practices: p50/p95 and their ratio.
//   2. Freshness: publish → first search that finds it, over FRESHNESS_RUNS (200) publishes.
//   3. Reindex of REINDEX_PRACTICES (100,000) practices vs a raw bulk addDocuments of the
//      same documents (prepared in memory beforehand), batches of 1,000 each.
// Runs the built API (npm run build:api) against its own embedded PostgreSQL + Meilisearch.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCTION_ENV } from './production-env.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist/api');
const require = createRequire(import.meta.url);
const pg = require('pg');
const { startDevServices, freePort } = require(join(dist, 'libs/dev-services/src/index.js'));
const { generatePractices } = require(join(dist, 'apps/api/src/seed/demo-practices.js'));
const { writePractices } = require(join(dist, 'apps/api/src/seed/seed-practices.js'));
const { DEMO_CITIES } = require(join(dist, 'apps/api/src/seed/demo-cities.js'));
const { reindex } = require(join(dist, 'apps/api/src/search/reindex.js'));
const { MeiliSearchIndex } = require(join(dist, 'apps/api/src/search/meili-search-index.js'));
const { practiceSearchSource, PRACTICE_INDEX_SETTINGS } = require(
  join(dist, 'apps/api/src/modules/practices/practice-search.source.js'),
);
const { createSystemDb } = require(join(dist, 'apps/api/src/database/system-db.js'));
const { PRACTICE_FACETS, PRACTICE_HIT_ATTRIBUTES } = require(
  join(dist, 'apps/api/src/modules/practices/practice-search.service.js'),
);

const SEARCH_PRACTICES = Number(process.env.SEARCH_PRACTICES ?? 10_000);
const SEARCH_ROUNDS = Number(process.env.SEARCH_ROUNDS ?? 300);
const FRESHNESS_RUNS = Number(process.env.FRESHNESS_RUNS ?? 200);
const REINDEX_PRACTICES = Number(process.env.REINDEX_PRACTICES ?? 100_000);
// BENCH_PARTS=search,freshness,reindex (default: all) runs only some parts.
const PARTS = new Set((process.env.BENCH_PARTS ?? 'search,freshness,reindex').split(','));
const QUERIES = [
  'Ehrenamt',
  'Digitalisierung Vereine',
  'Jugendforum',
  'Klimaschutz Nachbarschaft',
  'Beteiligung Spielplatz',
  'Demokratie Schule',
  'Repair Cafe',
  'häusliche Gewalt Beratung',
  'Mentoring Vorstand',
  'Engagement Lotsen',
  'Sprechstunde',
  'Bürgerhaushalt',
];

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const round = (value) => Math.round(value * 10) / 10;

/** The five slowest publishes: when the worker claimed their row, what the engine did meanwhile. */
async function explainSlowest(owner, env, samples) {
  const slowest = [...samples].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const explained = [];
  for (const sample of slowest) {
    const rows = (
      await owner.query(
        `SELECT created_at, processed_at, attempts FROM search_outbox
          WHERE index_name = 'practices' AND document_id = $1 ORDER BY id`,
        [sample.id],
      )
    ).rows;
    const after = new Date(sample.publishedAt - 1000).toISOString();
    const before = new Date(sample.publishedAt + sample.ms).toISOString();
    const tasks = await fetch(
      `${env.MEILI_URL}/tasks?afterEnqueuedAt=${after}&beforeEnqueuedAt=${before}&limit=50`,
      { headers: { authorization: `Bearer ${env.MEILI_MASTER_KEY}` } },
    )
      .then((response) => response.json())
      .catch(() => ({ results: [] }));
    const at = (iso) => (iso ? Math.round(Date.parse(iso) - sample.publishedAt) : null);
    explained.push({
      ms: round(sample.ms),
      outbox: rows.map((row) => ({
        createdMs: at(row.created_at.toISOString()),
        claimedMs: at(row.processed_at?.toISOString()),
        attempts: row.attempts,
      })),
      tasks: (tasks.results ?? []).map((task) => ({
        type: task.type,
        index: task.indexUid,
        enqueuedMs: at(task.enqueuedAt),
        startedMs: at(task.startedAt),
        finishedMs: at(task.finishedAt),
        batchUid: task.batchUid,
      })),
    });
  }
  return explained;
}

async function main() {
  const dataDir = mkdtempSync(join(root, '.data-bench-search-'));
  const services = await startDevServices({ dataDir, durable: false, log: () => undefined });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = spawn(process.execPath, [join(dist, 'apps/api/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      ...services.env,
      ...PRODUCTION_ENV,
      PUBLIC_URL: url,
      PORT: String(port),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      NODE_ENV: process.env.BENCH_NODE_ENV ?? 'production',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const owner = new pg.Client({ connectionString: services.env.DATABASE_MIGRATION_URL });
  const meili = new MeiliSearchIndex(services.env.MEILI_URL, services.env.MEILI_MASTER_KEY);
  const results = {
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: round(totalmem() / 2 ** 30),
      loadavgAtStart: loadavg().map(round),
    },
  };
  try {
    await waitFor(
      async () => (await fetch(`${url}/health`).catch(() => null))?.ok === true,
      180_000,
      'API start',
    );
    await owner.connect();
    const tx = { query: async (sql, params) => (await owner.query(sql, params)).rows };
    const ids = async (table, key) =>
      new Map(
        (await owner.query(`SELECT ${key}, id FROM ${table}`)).rows.map((row) => [
          row[key],
          row.id,
        ]),
      );
    const cityIds = await ids('city', 'slug');
    const topicIds = await ids('topic', 'slug');

    // --- 1. search latency on SEARCH_PRACTICES practices ---
    const existing = Number((await owner.query('SELECT count(*) AS n FROM practice')).rows[0].n);
    const extra = generatePractices(DEMO_CITIES, Math.max(0, SEARCH_PRACTICES - existing), 7);
    console.log(
      `writing ${extra.length} practices (total ${existing + extra.length}) and waiting for the index ...`,
    );
    await writePractices(tx, extra, cityIds, topicIds, new Map());
    await waitFor(
      async () =>
        Number(
          (await owner.query('SELECT count(*) AS n FROM search_outbox WHERE processed_at IS NULL'))
            .rows[0].n,
        ) === 0,
      600_000,
      'indexing',
    );
    const graphqlMs = [];
    const directMs = [];
    // The floor: what any GraphQL request costs here (HTTP, Express, Nest, Apollo) and a
    // search that asks for the total only (no hits, no facets to serialise).
    const floorMs = { typename: [], totalOnly: [] };
    const body = (query) =>
      JSON.stringify({
        query: `query($q: String!) { searchPractices(query: $q, first: 20) { totalHits hits { titleHtml summaryHtml practice { id title city { name } topics { slug } } }
        facets { topics { value label count } federalStates { value label count } cities { value label count } joinedYears { value count } kinds { value label count } } } }`,
        variables: { q: query },
      });
    // Exactly the engine request the API sends for an anonymous caller.
    const direct = (query) =>
      meili.search('practices', {
        query,
        filter: 'visibility = "PUBLIC"',
        facets: PRACTICE_FACETS,
        offset: 0,
        limit: 20,
        highlight: ['title', 'summary'],
        retrieve: PRACTICE_HIT_ATTRIBUTES,
      });
    const post = async (payload) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: payload,
      });
      const json = await response.json();
      if (json.errors) throw new Error(JSON.stringify(json.errors));
    };
    const floors = {
      typename: () => post(JSON.stringify({ query: '{ __typename }' })),
      totalOnly: (query) =>
        post(
          JSON.stringify({
            query: 'query($q: String!) { searchPractices(query: $q, first: 20) { totalHits } }',
            variables: { q: query },
          }),
        ),
    };
    for (let i = 0; i < 20; i++) {
      // warm-up, not measured
      await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: body(QUERIES[i % QUERIES.length]),
      });
      await direct(QUERIES[i % QUERIES.length]);
    }
    for (let i = 0; i < SEARCH_ROUNDS; i++) {
      const query = QUERIES[i % QUERIES.length];
      // Alternate the order so neither side always runs on a warmer cache.
      const sides = i % 2 === 0 ? ['graphql', 'direct'] : ['direct', 'graphql'];
      for (const side of sides) {
        const started = performance.now();
        if (side === 'graphql') {
          const response = await fetch(`${url}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: body(query),
          });
          const json = await response.json();
          if (json.errors) throw new Error(JSON.stringify(json.errors));
          graphqlMs.push(performance.now() - started);
        } else {
          await direct(query);
          directMs.push(performance.now() - started);
        }
      }
      for (const [name, run] of Object.entries(floors)) {
        const started = performance.now();
        await run(query);
        floorMs[name].push(performance.now() - started);
      }
    }
    results.search = {
      practices: existing + extra.length,
      rounds: SEARCH_ROUNDS,
      graphql: { p50: round(percentile(graphqlMs, 50)), p95: round(percentile(graphqlMs, 95)) },
      direct: { p50: round(percentile(directMs, 50)), p95: round(percentile(directMs, 95)) },
      floor: Object.fromEntries(
        Object.entries(floorMs).map(([name, values]) => [
          name,
          { p50: round(percentile(values, 50)), p95: round(percentile(values, 95)) },
        ]),
      ),
    };
    results.search.ratioP50 = round(results.search.graphql.p50 / results.search.direct.p50);
    results.search.ratioP95 = round(results.search.graphql.p95 / results.search.direct.p95);
    console.log('search', results.search);

    if (PARTS.has('freshness')) {
      // --- 2. freshness: publish → findable ---
      const cookie = await login(url, 'coordinator.cloppenburg@demo.wissensnetz.example');
      const gql = async (query, variables, withCookie = true) => {
        const response = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(withCookie ? { cookie } : {}) },
          body: JSON.stringify({ query, variables }),
        });
        const json = await response.json();
        if (json.errors) throw new Error(JSON.stringify(json.errors));
        return json.data;
      };
      const freshnessMs = [];
      const samples = [];
      for (let i = 0; i < FRESHNESS_RUNS; i++) {
        const word = `Frischetest${Date.now().toString(36)}x${i}`;
        const created = await gql(
          'mutation($i: CreatePracticeInput!) { createPractice(input: $i) { id } }',
          {
            i: {
              citySlug: 'cloppenburg',
              title: `${word} Nachbarschaftshilfe`,
              summary: 'Messung der Aktualität',
              visibility: 'PUBLIC',
            },
          },
        );
        await gql('mutation($id: ID!) { publishPractice(id: $id) { id } }', {
          id: created.createPractice.id,
        });
        const published = performance.now();
        const publishedAt = Date.now();
        for (;;) {
          const found = await gql(
            'query($q: String!) { searchPractices(query: $q, first: 1) { totalHits } }',
            { q: word },
            false,
          );
          if (found.searchPractices.totalHits > 0) break;
          if (performance.now() - published > 30_000)
            throw new Error(`practice ${word} not findable after 30 s`);
          await sleep(10);
        }
        freshnessMs.push(performance.now() - published);
        samples.push({ ms: freshnessMs.at(-1), id: created.createPractice.id, publishedAt });
      }
      results.freshness = {
        publishes: FRESHNESS_RUNS,
        p50: round(percentile(freshnessMs, 50)),
        p95: round(percentile(freshnessMs, 95)),
        max: round(Math.max(...freshnessMs)),
        // Where a tail comes from: outbox rows that needed a retry (with its backoff).
        retried: (
          await owner.query(
            `SELECT count(*)::int AS n, max(attempts) AS "maxAttempts",
                    array_agg(DISTINCT left(last_error, 160)) FILTER (WHERE last_error IS NOT NULL) AS errors
               FROM search_outbox WHERE attempts > 0`,
          )
        ).rows[0],
        // Where the slowest ones waited: the publish's outbox row (claimed at, in ms after
        // the publish answer) and the engine's tasks enqueued meanwhile (queue wait, run time).
        slowest: await explainSlowest(owner, services.env, samples),
      };
      console.log('freshness', JSON.stringify(results.freshness, null, 1));
    }

    if (PARTS.has('reindex')) {
      // --- 3. reindex vs raw bulk addDocuments ---
      api.kill('SIGINT'); // no worker competing for the engine during the measurement
      await new Promise((resolve) => api.once('exit', resolve));
      const now = Number((await owner.query('SELECT count(*) AS n FROM practice')).rows[0].n);
      const more = generatePractices(DEMO_CITIES, Math.max(0, REINDEX_PRACTICES - now), 11);
      console.log(`writing ${more.length} more practices (total ${now + more.length}) ...`);
      await writePractices(tx, more, cityIds, topicIds, new Map());
      await owner.query('DELETE FROM search_outbox');
      const db = await createSystemDb({ migrationUrl: services.env.DATABASE_MIGRATION_URL });
      try {
        const documents = [];
        for await (const batch of practiceSearchSource.all(db, 1000)) documents.push(batch);
        const count = documents.reduce((sum, batch) => sum + batch.length, 0);
        // Baseline: the same documents, already in memory, into a fresh index with the same settings.
        await meili.drop('bench_raw');
        await meili.configure('bench_raw', PRACTICE_INDEX_SETTINGS);
        let started = performance.now();
        for (const batch of documents) await meili.upsert('bench_raw', batch);
        const rawMs = performance.now() - started;
        await meili.drop('bench_raw');
        started = performance.now();
        const summary = await reindex(meili, db, practiceSearchSource, () => undefined, 1000);
        const reindexMs = performance.now() - started;
        results.reindex = {
          practices: now + more.length,
          documents: count,
          reindexedDocuments: summary.documents,
          rawMs: Math.round(rawMs),
          reindexMs: Math.round(reindexMs),
          ratio: round(reindexMs / rawMs),
        };
        console.log('reindex', results.reindex);
      } finally {
        await db.destroy();
      }
    }
  } finally {
    if (api.exitCode === null) api.kill('SIGINT');
    await owner.end().catch(() => undefined);
    await services.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  await report(results);
}

async function login(url, email) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($i: LoginInput!) { login(input: $i) { id } }',
      variables: { i: { email, password: 'wissensnetz-demo' } },
    }),
  });
  const cookie = response.headers.get('set-cookie');
  if (!cookie) throw new Error(`login of ${email} failed: ${await response.text()}`);
  return cookie.split(';')[0];
}

async function waitFor(check, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`${what} did not finish within ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}

async function report(results) {
  results.machine.loadavgAtEnd = loadavg().map(round);
  const date = new Date().toISOString().slice(0, 10);
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const { search, freshness, reindex: re } = results;
  const lines = [
    `# Search — ${date}`,
    '',
    `Node ${results.machine.node}, ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memoryGiB} GiB.`,
    '',
    '| measure | Wissensnetz | baseline | ratio | target |',
    '| --- | ---: | ---: | ---: | --- |',
    `| searchPractices p50 (${search.practices} practices, ${search.rounds} rounds) | ${search.graphql.p50} ms (GraphQL) | ${search.direct.p50} ms (Meilisearch direct) | ${search.ratioP50}× | ≤ 1.6× |`,
    `| searchPractices p95 | ${search.graphql.p95} ms | ${search.direct.p95} ms | ${search.ratioP95}× | – |`,
    `| floor: \`{ __typename }\` p50 through the same stack | ${search.floor.typename.p50} ms | – | – | – |`,
    `| floor: \`searchPractices { totalHits }\` p50 (engine + PostgreSQL re-read, nothing to serialise) | ${search.floor.totalOnly.p50} ms | ${search.direct.p50} ms | ${round(search.floor.totalOnly.p50 / search.direct.p50)}× | – |`,
    ...(freshness
      ? [
          `| publish → findable p50 / p95 / max (${freshness.publishes} publishes) | ${freshness.p50} / ${freshness.p95} / ${freshness.max} ms | – | – | p95 ≤ 250 ms, max ≤ 1000 ms |`,
        ]
      : []),
    ...(re
      ? [
          `| reindex ${re.documents} published of ${re.practices} practices (PostgreSQL → new index → swap) | ${re.reindexMs} ms | ${re.rawMs} ms (raw addDocuments from memory) | ${re.ratio}× | ≤ 1.2× |`,
        ]
      : []),
    '',
    'The GraphQL side does more than the engine: the session and visibility filter, loading the',
    'hits from PostgreSQL through row-level security, facet labels, and JSON over HTTP. The two',
    'floor rows show how much of that any request through HTTP, Express, Nest and Apollo costs.',
  ];
  const suffix = PARTS.size === 3 ? '' : `-${[...PARTS].join('-')}`;
  await writeFile(
    join(dir, `search-${date}${suffix}.json`),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  await writeFile(join(dir, `search-${date}${suffix}.md`), `${lines.join('\n')}\n`);
  console.log(
    `\n${lines.join('\n')}\n\nwritten to ${relative(root, join(dir, `search-${date}${suffix}.md`))}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
