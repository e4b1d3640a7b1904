#!/usr/bin/env node
// `npm start` on an unchanged checkout until its banner ("Wissensnetz läuft auf …"), against
// the former start (build both apps, then start) in the same run. See bench/README.md.
//
// Order: one warm-up `npm start` (builds what is stale, starts the embedded services, seeds
// a fresh DATA_DIR), then BENCH_RUNS (default 3) starts of the unchanged checkout, then one
// start that rebuilds as `npm start` used to (`npm run build && node …/main.js`).
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number.parseInt(process.env.BENCH_RUNS ?? '3', 10);
const BANNER = 'Wissensnetz läuft auf';
const timeoutMs = 300_000;
const round = (value, digits = 0) => Number(value.toFixed(digits));

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once no process of the group is left (embedded PostgreSQL and Meilisearch included). */
async function groupGone(pgid) {
  for (;;) {
    try {
      process.kill(-pgid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs a shell command in its own process group until the banner, then stops the group. */
async function timeToBanner(command) {
  const port = await freePort();
  const started = performance.now();
  const child = spawn('sh', ['-c', command], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const ms = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no banner within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onData = (chunk) => {
      output += chunk.toString();
      if (output.includes(BANNER)) {
        clearTimeout(timer);
        resolve(performance.now() - started);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before the banner:\n${output.slice(-2000)}`));
    });
  }).catch(async (error) => {
    process.kill(-child.pid, 'SIGINT');
    await exited;
    await groupGone(child.pid);
    throw error;
  });
  process.kill(-child.pid, 'SIGINT');
  await exited;
  // The next start must not find this one's databases still shutting down.
  await groupGone(child.pid);
  const built = [...output.matchAll(/\[build\] (\w+): (building|up to date)/g)].map(
    ([, name, what]) => `${name} ${what === 'building' ? 'built' : 'skipped'}`,
  );
  return { ms, built };
}

async function main() {
  const loadBefore = loadavg()[0];
  console.log('warm-up: npm start (builds what is stale, prepares DATA_DIR)');
  const warmUp = await timeToBanner('npm start');
  const unchanged = [];
  for (let run = 1; run <= runs; run += 1) {
    const sample = await timeToBanner('npm start');
    console.log(
      `npm start, unchanged checkout, run ${run}: ${round(sample.ms)} ms (${sample.built.join(', ')})`,
    );
    unchanged.push(sample);
  }
  const formerCommand = 'npm run build --silent && node dist/api/apps/api/src/main.js';
  const former = await timeToBanner(formerCommand);
  console.log(`former npm start (always builds): ${round(former.ms)} ms`);
  // The former start rebuilt dist/ behind the stamps' back: the next npm start rebuilds once.
  const afterForeignBuild = await timeToBanner('npm start');

  const sorted = unchanged.map((sample) => sample.ms).sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  const date = new Date().toISOString().slice(0, 10);
  const result = {
    benchmark: 'npm-start',
    date: new Date().toISOString(),
    commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      loadAverage1m: { before: round(loadBefore, 2), after: round(loadavg()[0], 2) },
    },
    target: 'npm start on an unchanged checkout reaches its banner within 10 s',
    summary: {
      unchangedMedianMs: round(median),
      unchangedMaxMs: round(sorted.at(-1)),
      formerAlwaysBuildMs: round(former.ms),
      targetMet: sorted.at(-1) <= 10_000,
    },
    samples: {
      warmUp: { ms: round(warmUp.ms), built: warmUp.built },
      unchanged: unchanged.map((sample) => ({ ms: round(sample.ms), built: sample.built })),
      former: { command: formerCommand, ms: round(former.ms) },
      afterForeignBuild: { ms: round(afterForeignBuild.ms), built: afterForeignBuild.built },
    },
  };
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `start-${date}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result.summary, null, 2));
  console.log(`written: ${relative(root, file)}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
