#!/usr/bin/env node
// The dashboard's aggregates (bench/README.md, "dashboard.mjs"): on a generated network of
// DASHBOARD_CITIES (1,000) cities and DASHBOARD_PRACTICES (100,000) practices, plus tandems,
// conferences, registrations and follow-up actions, the dashboard GraphQL request
// (networkFigures + networkDashboard, as an organizer) against exactly the same SQL
// statements sent straight to PostgreSQL as the same role with the same settings, side by
// side in one run; p50/p95 and their ratio (target ≤ 1.5×).
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
const { PUBLIC_FIGURES_SQL, DETAILED_FIGURES_SQL } = require(
  join(dist, 'apps/api/src/modules/statistics/statistics.sql.js'),
);
const { ORGANIZER_EMAIL, DEMO_PASSWORD } = require(
  join(dist, 'apps/api/src/seed/demo-accounts.js'),
);

const CITIES = Number(process.env.DASHBOARD_CITIES ?? 1_000);
const PRACTICES = Number(process.env.DASHBOARD_PRACTICES ?? 100_000);
const ROUNDS = Number(process.env.DASHBOARD_ROUNDS ?? 40);
const WARMUP = 5;

const DASHBOARD_QUERY = `query($cohort: Int) {
  networkFigures(cohort: $cohort) { cohort cohorts
    citiesByState { federalState cohort cities }
    practicesByTopic { slug name nameEn practices }
    practicesByMonth { month practices }
    conferencesByKind { kind conferences held } }
  networkDashboard(cohort: $cohort) { cohort
    tandemsByStatus { status tandems averageDays }
    tandemDurations { halfYears tandems }
    registrationsByState { federalState registrations participants attended }
    followUpsByCity { citySlug cityName open overdue }
    unfoundSearches { term searches lastDay } } }`;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const round = (value) => Math.round(value * 10) / 10;

/** The generated network, in set-based SQL (no outbox: the dashboard reads PostgreSQL only). */
async function generate(owner) {
  const q = (sql, params) => owner.query(sql, params);
  const existing = Number((await q('SELECT count(*) AS n FROM city')).rows[0].n);
  await q(
    `INSERT INTO city (slug, name, kind, federal_state, joined_year)
     SELECT 'bench-' || g, 'Benchstadt ' || g, (ARRAY['CITY','DISTRICT','COMMUNITY'])[1 + g % 3],
            (ARRAY['DE-BW','DE-BY','DE-BE','DE-BB','DE-HB','DE-HH','DE-HE','DE-MV','DE-NI','DE-NW',
                   'DE-RP','DE-SL','DE-SN','DE-ST','DE-SH','DE-TH'])[1 + g % 16],
            2015 + g % 12
       FROM generate_series(1, $1::int) g`,
    [Math.max(0, CITIES - existing)],
  );
  await q(
    `CREATE TEMP TABLE bench_city AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM city`,
  );
  await q(
    `CREATE TEMP TABLE bench_topic AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM topic`,
  );
  const cities = Number((await q('SELECT count(*) AS n FROM bench_city')).rows[0].n);
  const topics = Number((await q('SELECT count(*) AS n FROM bench_topic')).rows[0].n);
  const practices = Number((await q('SELECT count(*) AS n FROM practice')).rows[0].n);
  await q(
    `INSERT INTO practice (city_id, id, title, summary, status, visibility, published_at)
     SELECT c.id, gen_random_uuid(), 'Benchpraxis ' || g, 'Zusammenfassung ' || g,
            CASE WHEN g % 10 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END,
            (ARRAY['PUBLIC','NETWORK','CITY'])[1 + g % 3],
            CASE WHEN g % 10 = 0 THEN NULL ELSE now() - make_interval(days => g % 1800) END
       FROM generate_series(1, $1::int) g JOIN bench_city c ON c.n = 1 + g % $2`,
    [Math.max(0, PRACTICES - practices), cities],
  );
  await q(
    `INSERT INTO practice_topic (city_id, practice_id, topic_id)
     SELECT p.city_id, p.id, t.id FROM practice p
       JOIN bench_topic t ON t.n = 1 + abs(hashtext(p.id::text)) % $1
      WHERE p.title LIKE 'Benchpraxis %'
     ON CONFLICT DO NOTHING`,
    [topics],
  );
  // Tandems: city n with city n + half, so no pair repeats; every status.
  await q(
    `INSERT INTO tandem (city_id, partner_city_id, status, starts_on, planned_end_on, concluded_at)
     SELECT a.id, b.id, s.status, current_date - (a.n % 900)::int, current_date + 365,
            CASE WHEN s.status = 'CONCLUDED' THEN now() - make_interval(days => (a.n % 200)::int) END
       FROM bench_city a JOIN bench_city b ON b.n = a.n + $1 / 2
       CROSS JOIN LATERAL (SELECT (ARRAY['ACTIVE','CONCLUDED','PROPOSED','DECLINED'])[1 + a.n % 4] AS status) s
      WHERE a.n <= $1 / 2 AND a.n % 5 <> 0`,
    [cities],
  );
  await q(
    `INSERT INTO conference (title, kind, starts_at, ends_at, capacity, status, host_city_id, region)
     SELECT 'Benchkonferenz ' || g, (ARRAY['NETWORK_MEETING','REGIONAL_CONFERENCE','ONLINE_EXCHANGE','TRAINING'])[1 + g % 4],
            now() + make_interval(days => 10 * g - 1000), now() + make_interval(days => 10 * g - 999),
            10000, CASE WHEN g < 100 THEN 'HELD' ELSE 'OPEN' END, c.id,
            (ARRAY['NORTH','EAST','SOUTH','WEST'])[1 + g % 4]
       FROM generate_series(1, 200) g JOIN bench_city c ON c.n = g`,
  );
  await q(
    `INSERT INTO registration (city_id, conference_id, status, participant_count)
     SELECT c.id, k.id, (ARRAY['CONFIRMED','CONFIRMED','WAITLISTED','CANCELLED'])[1 + (c.n + k.n) % 4], 1 + (c.n % 5)
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM conference) k
       JOIN bench_city c ON c.n % 40 = k.n % 40`,
  );
  await q(
    `INSERT INTO conference_record (conference_id)
     SELECT id FROM conference WHERE status = 'HELD' ON CONFLICT DO NOTHING`,
  );
  await q(
    `INSERT INTO follow_up_action (record_id, what, responsible_city_id, due_on, status)
     SELECT r.id, 'Folgeaufgabe ' || g, c.id, current_date + (g % 120) - 60,
            CASE WHEN g % 3 = 0 THEN 'DONE' ELSE 'OPEN' END
       FROM generate_series(1, 5000) g
       JOIN (SELECT id, row_number() OVER (ORDER BY id) AS n FROM conference_record) r ON r.n = 1 + g % 99
       JOIN bench_city c ON c.n = 1 + g % $1`,
    [cities],
  );
  await q(
    `INSERT INTO unfound_search (term, day, count)
     SELECT 'suchwort ' || (g % 300), current_date - (g % 80), 1 + g % 7
       FROM generate_series(1, 3000) g ON CONFLICT DO NOTHING`,
  );
  await q('ANALYZE');
  const count = async (table) => Number((await q(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);
  return {
    cities: await count('city'),
    practices: await count('practice'),
    practiceTopics: await count('practice_topic'),
    tandems: await count('tandem'),
    conferences: await count('conference'),
    registrations: await count('registration'),
    followUpActions: await count('follow_up_action'),
    unfoundSearchRows: await count('unfound_search'),
  };
}

async function main() {
  mkdirSync(join(root, '.data'), { recursive: true });
  const dataDir = mkdtempSync(join(root, '.data/bench-dashboard-'));
  const services = await startDevServices({ dataDir, durable: false, log: () => undefined });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = spawn(process.execPath, [join(dist, 'apps/api/src/main.js')], {
    cwd: root,
    env: {
      ...process.env,
      ...services.env,
      PORT: String(port),
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      NODE_ENV: process.env.BENCH_NODE_ENV ?? 'production',
      // Production asks for the operator's published details; the benchmark's are placeholders.
      PUBLIC_URL: url,
      ...PRODUCTION_ENV,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const owner = new pg.Client({ connectionString: services.env.DATABASE_MIGRATION_URL });
  // The API's own role and connection string: row-level security applies to both sides.
  const app = new pg.Client({ connectionString: services.env.DATABASE_URL });
  const results = {
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: round(totalmem() / 2 ** 30),
      loadAverageAtStart: loadavg().map(round),
      note: 'shared machine: up to 7 other sessions were building and testing at the same time',
    },
  };
  try {
    let exited = false;
    api.once('exit', () => (exited = true));
    await waitFor(
      async () => {
        if (exited) throw new Error('the API stopped before it answered');
        return (await fetch(`${url}/health`).catch(() => null))?.ok === true;
      },
      180_000,
      'API start',
    );
    await owner.connect();
    await app.connect();
    console.log(`generating ${CITIES} cities and ${PRACTICES} practices ...`);
    const started = performance.now();
    results.data = await generate(owner);
    results.data.generateMs = Math.round(performance.now() - started);
    console.log(JSON.stringify(results.data));

    const login = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($i: LoginInput!) { login(input: $i) { id } }',
        variables: { i: { email: ORGANIZER_EMAIL, password: DEMO_PASSWORD } },
      }),
    });
    const cookie = login.headers.get('set-cookie')?.split(';')[0];
    const organizerId = (await login.json()).data.login.id;

    const viaGraphql = async (cohort) => {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ query: DASHBOARD_QUERY, variables: { cohort } }),
      });
      const body = await response.json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body;
    };
    // The same statements, the same two transactions with the same settings as TenantDb.
    const settings = `SELECT set_config('app.user_id', $1, true), set_config('app.member_city_ids', '{}', true),
      set_config('app.coordinator_city_ids', '{}', true), set_config('app.is_organizer', 'on', true),
      set_config('app.invitation_token', '', true)`;
    const direct = async (cohort) => {
      const out = {};
      await app.query('BEGIN');
      await app.query(settings, [organizerId]);
      await app.query('SELECT DISTINCT joined_year AS year FROM city ORDER BY 1');
      for (const [key, sql] of Object.entries(PUBLIC_FIGURES_SQL))
        out[key] = (await app.query(sql, [cohort])).rows;
      await app.query('COMMIT');
      await app.query('BEGIN');
      await app.query(settings, [organizerId]);
      for (const [key, sql] of Object.entries(DETAILED_FIGURES_SQL))
        out[key] = (await app.query(sql, [cohort])).rows;
      await app.query('COMMIT');
      return out;
    };

    for (const cohort of [null, 2020]) {
      const graphqlMs = [];
      const directMs = [];
      for (let i = 0; i < WARMUP + ROUNDS; i++) {
        const order = i % 2 === 0 ? ['graphql', 'direct'] : ['direct', 'graphql'];
        for (const side of order) {
          const t0 = performance.now();
          await (side === 'graphql' ? viaGraphql(cohort) : direct(cohort));
          const ms = performance.now() - t0;
          if (i >= WARMUP) (side === 'graphql' ? graphqlMs : directMs).push(ms);
        }
      }
      const key = cohort === null ? 'wholeNetwork' : `cohort${cohort}`;
      results[key] = {
        rounds: ROUNDS,
        graphql: { p50: round(percentile(graphqlMs, 50)), p95: round(percentile(graphqlMs, 95)) },
        direct: { p50: round(percentile(directMs, 50)), p95: round(percentile(directMs, 95)) },
        samples: { graphqlMs: graphqlMs.map(round), directMs: directMs.map(round) },
      };
      results[key].ratioP50 =
        round((results[key].graphql.p50 / results[key].direct.p50) * 100) / 100;
      results[key].ratioP95 =
        round((results[key].graphql.p95 / results[key].direct.p95) * 100) / 100;
      console.log(key, results[key].graphql, results[key].direct, results[key].ratioP50);
    }
    results.machine.loadAverageAtEnd = loadavg().map(round);
    await report(results);
  } finally {
    await app.end().catch(() => undefined);
    await owner.end().catch(() => undefined);
    if (api.exitCode === null) {
      api.kill('SIGINT');
      await new Promise((resolve) => api.once('exit', resolve));
    }
    await services.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
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
  const date = new Date().toISOString().slice(0, 10);
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const row = (name, part) =>
    `| ${name} p50 / p95 | ${part.graphql.p50} / ${part.graphql.p95} ms | ${part.direct.p50} / ${part.direct.p95} ms | ${part.ratioP50}× / ${part.ratioP95}× | p50 ≤ 1.5× |`;
  const d = results.data;
  const lines = [
    `# Dashboard — ${date}`,
    '',
    `Node ${results.machine.node}, ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memoryGiB} GiB; load ${results.machine.loadAverageAtStart.join(' ')} at start (${results.machine.note}).`,
    '',
    `Data: ${d.cities} cities, ${d.practices} practices (${d.practiceTopics} topic links), ${d.tandems} tandems, ${d.conferences} conferences, ${d.registrations} registrations, ${d.followUpActions} follow-up actions, ${d.unfoundSearchRows} unfound-search rows.`,
    '',
    '| measure | GraphQL (organizer) | same SQL direct (pg, app role) | ratio | target |',
    '| --- | ---: | ---: | ---: | --- |',
    row('whole network', results.wholeNetwork),
    row('cohort 2020', results.cohort2020),
    '',
    'Both sides run the same 13 statements in the same two transactions as the same role with',
    'the same row-level-security settings; the GraphQL side adds HTTP, session, access checks',
    'and JSON serialisation.',
  ];
  await writeFile(join(dir, `dashboard-${date}.json`), `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(join(dir, `dashboard-${date}.md`), `${lines.join('\n')}\n`);
  console.log(
    `\n${lines.join('\n')}\n\nwritten to ${relative(root, join(dir, `dashboard-${date}.md`))}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
