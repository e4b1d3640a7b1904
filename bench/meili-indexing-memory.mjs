#!/usr/bin/env node
// Meilisearch's indexing memory (issue 18, "publish → searchable" tail), side by side:
// the shipped binary with the engine's own default (two thirds of the machine's RAM) and
// with the bound the launcher and docker/compose.yml now give it (MEILI_MAX_INDEXING_MEMORY,
// default 1GiB). For each: INDEXING_PRACTICES generated practices in the practices index's
// real settings (bulk, in batches of 2,000), then INDEXING_RUNS one-practice upserts through
// the API's own adapter (MeiliSearchIndex.upsert, as the outbox worker sends them), each
// waited for. The two configurations take turns INDEXING_ROUNDS times on fresh data dirs, so
// neither always runs on a warmer machine. bench/README.md, "Indexing memory".
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist/api');
const require = createRequire(import.meta.url);
const { freePort } = require(join(dist, 'libs/dev-services/src/index.js'));
const { shippedMeiliBinary, DEFAULT_MEILI_INDEXING_MEMORY } = require(
  join(dist, 'libs/dev-services/src/meilisearch.js'),
);
const { generatePractices } = require(join(dist, 'apps/api/src/seed/demo-practices.js'));
const { DEMO_CITIES } = require(join(dist, 'apps/api/src/seed/demo-cities.js'));
const { MeiliSearchIndex } = require(join(dist, 'apps/api/src/search/meili-search-index.js'));
const { PRACTICES_INDEX, PRACTICE_INDEX_SETTINGS } = require(
  join(dist, 'apps/api/src/modules/practices/practice-search.source.js'),
);

const PRACTICES = Number(process.env.INDEXING_PRACTICES ?? 10_000);
const RUNS = Number(process.env.INDEXING_RUNS ?? 100);
const ROUNDS = Number(process.env.INDEXING_ROUNDS ?? 2);
const BOUND = process.env.MEILI_MAX_INDEXING_MEMORY || DEFAULT_MEILI_INDEXING_MEMORY;
const KEY = 'bench-indexing-memory-master-key';
const round = (value) => Math.round(value * 10) / 10;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

const cities = new Map(DEMO_CITIES.map((city) => [city.slug, city]));
/** A generated practice as the index holds it (the shape of practice-search.source). */
function toDocument(practice, index) {
  const city = cities.get(practice.citySlug);
  return {
    id: `bench-${index}`,
    cityId: `city-${practice.citySlug}`,
    citySlug: practice.citySlug,
    cityName: city.name,
    federalState: city.federalState,
    joinedYear: city.joinedYear,
    kind: city.kind,
    title: practice.title,
    summary: practice.summary,
    body: practice.body.slice(0, 5000),
    topics: practice.topics,
    topicNames: practice.topics,
    tags: practice.tags,
    partners: practice.partners,
    visibility: practice.visibility,
    publishedAt: index,
  };
}

async function measure(label, indexingMemory, documents) {
  const dir = mkdtempSync(join(root, '.data-bench-indexing-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = { ...process.env, MEILI_MASTER_KEY: KEY };
  delete env.MEILI_MAX_INDEXING_MEMORY;
  if (indexingMemory) env.MEILI_MAX_INDEXING_MEMORY = indexingMemory;
  const log = openSync(join(dir, 'meilisearch.log'), 'a');
  const child = spawn(
    shippedMeiliBinary(),
    ['--no-analytics', `--http-addr=127.0.0.1:${port}`, `--db-path=${join(dir, 'data.ms')}`],
    { env, stdio: ['ignore', log, log] },
  );
  closeSync(log);
  try {
    for (let tries = 0; !(await fetch(`${url}/health`).catch(() => null))?.ok; tries++) {
      if (tries > 600) throw new Error('Meilisearch did not start');
      await sleep(100);
    }
    const adapter = new MeiliSearchIndex(url, KEY);
    await adapter.configure(PRACTICES_INDEX, PRACTICE_INDEX_SETTINGS);
    const bulkStarted = performance.now();
    for (let offset = 0; offset < PRACTICES; offset += 2000)
      await adapter.upsert(
        PRACTICES_INDEX,
        documents.slice(offset, Math.min(offset + 2000, PRACTICES)),
      );
    const bulkMs = performance.now() - bulkStarted;
    const upsertMs = [];
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await adapter.upsert(PRACTICES_INDEX, [documents[PRACTICES + i]]);
      upsertMs.push(performance.now() - started);
    }
    // The engine's own time per one-practice task (start to finish), without the polling.
    const tasks = await (
      await fetch(`${url}/tasks?types=documentAdditionOrUpdate&limit=${RUNS}`, {
        headers: { authorization: `Bearer ${KEY}` },
      })
    ).json();
    const taskMs = tasks.results.map(
      (task) => Date.parse(task.finishedAt) - Date.parse(task.startedAt),
    );
    const result = {
      label,
      indexingMemory: indexingMemory ?? 'engine default (two thirds of the RAM)',
      bulkMs: round(bulkMs),
      upsert: summary(upsertMs),
      engineTask: summary(taskMs),
    };
    console.log(JSON.stringify(result));
    return result;
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) =>
      child.exitCode !== null ? resolve() : child.once('exit', resolve),
    );
    await rm(dir, { recursive: true, force: true });
  }
}

function summary(values) {
  return {
    p50: round(percentile(values, 50)),
    p95: round(percentile(values, 95)),
    max: round(Math.max(...values)),
  };
}

async function main() {
  const results = {
    date: new Date().toISOString(),
    commit: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root }).toString().trim(),
    settings: { practices: PRACTICES, runs: RUNS, rounds: ROUNDS, bound: BOUND },
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadavgAtStart: loadavg().map(round),
    },
    runs: [],
  };
  // The same documents for every run.
  const documents = generatePractices(DEMO_CITIES, PRACTICES + RUNS, 5).map(toDocument);
  for (let i = 0; i < ROUNDS; i++) {
    results.runs.push(await measure('engine default', undefined, documents));
    results.runs.push(await measure(`bounded (${BOUND})`, BOUND, documents));
  }
  results.machine.loadavgAtEnd = loadavg().map(round);
  const date = results.date.slice(0, 10);
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const lines = [
    `# Meilisearch indexing memory — ${date}`,
    '',
    `Node ${results.machine.node}, ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memoryGiB} GiB; ${PRACTICES} practices in bulk, then ${RUNS} one-practice upserts, each waited for.`,
    '',
    '| run | indexing memory | bulk | upsert p50 / p95 / max | engine task p50 / p95 / max |',
    '| --- | --- | ---: | ---: | ---: |',
    ...results.runs.map(
      (run, i) =>
        `| ${i + 1} | ${run.indexingMemory} | ${run.bulkMs} ms | ${run.upsert.p50} / ${run.upsert.p95} / ${run.upsert.max} ms | ${run.engineTask.p50} / ${run.engineTask.p95} / ${run.engineTask.max} ms |`,
    ),
  ];
  await writeFile(
    join(dir, `meili-indexing-memory-${date}.json`),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  await writeFile(join(dir, `meili-indexing-memory-${date}.md`), `${lines.join('\n')}\n`);
  console.log(
    `\n${lines.join('\n')}\n\nwritten to ${relative(root, join(dir, `meili-indexing-memory-${date}.md`))}`,
  );
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
