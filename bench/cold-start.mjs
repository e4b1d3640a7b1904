#!/usr/bin/env node
// Cold/warm start time and idle memory of the built API, against a bare Node HTTP server
// measured side by side in the same run. See bench/README.md.
import { spawn, execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const apiMain = join(root, 'dist/api/apps/api/src/main.js');
const runs = Number.parseInt(process.env.BENCH_RUNS ?? '5', 10);
const idleMs = 5_000;
const startTimeoutMs = 180_000;
const baselineSource = "require('http').createServer((q,s)=>s.end('ok')).listen(process.env.PORT)";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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

/** Resident set size in MiB from /proc/<pid>/status (VmRSS is in kB). */
function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number.parseInt(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 'NaN', 10);
  return kb / 1024;
}

/** RSS of the process and all its descendants (for the API: plus PostgreSQL and Meilisearch). */
function treeRssMiB(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name may contain spaces and parentheses; ppid follows the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1], 10);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop();
    try {
      total += rssMiB(current);
    } catch {
      // ended
    }
    queue.push(...(children.get(current) ?? []));
  }
  return total;
}

/** Spawns a server, times it to the first 200 on `path`, idles, samples memory, stops it. */
async function measure(label, args, env, path) {
  const port = await freePort();
  const output = [];
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk) => output.push(chunk.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));

  let readyMs;
  const deadline = started + startTimeoutMs;
  while (readyMs === undefined) {
    if (exited || performance.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(
        `${label}: no 200 from ${path} (${exited ? 'process exited' : 'timeout'})\n${output.join('').slice(-3000)}`,
      );
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      await response.arrayBuffer();
      if (response.status === 200) readyMs = performance.now() - started;
    } catch {
      // not listening yet
    }
    if (readyMs === undefined) await sleep(20);
  }

  await sleep(idleMs);
  const rss = rssMiB(child.pid);
  const treeRss = treeRssMiB(child.pid);

  const stopping = performance.now();
  const exit = new Promise((resolve) => child.once('exit', () => resolve(true)));
  child.kill('SIGINT');
  // unref: a pending guard timer must not keep this script alive after the last run.
  const guard = new Promise((resolve) => setTimeout(() => resolve(false), 30_000).unref());
  const stopped = exited || (await Promise.race([exit, guard]));
  const stopMs = performance.now() - stopping;
  if (!stopped) {
    child.kill('SIGKILL');
    throw new Error(`${label}: did not stop within 30 s of SIGINT`);
  }
  return { readyMs, rssMiB: rss, treeRssMiB: treeRss, stopMs };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const round = (value, digits = 1) => Number(value.toFixed(digits));

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    return 'unknown';
  }
}

async function main() {
  if (!Number.isInteger(runs) || runs < 2) throw new Error('BENCH_RUNS must be an integer ≥ 2');
  if (!existsSync(apiMain)) {
    throw new Error(`${relative(root, apiMain)} is missing: run \`npm run build\` first`);
  }
  const dataRoot = mkdtempSync(join(tmpdir(), 'wissensnetz-bench-'));
  // As root the embedded PostgreSQL runs as the user `postgres`, which must reach the data.
  chmodSync(dataRoot, 0o755);
  const dataDir = join(dataRoot, 'data');
  // Embedded services, never servers that happen to be configured in this shell.
  const apiEnv = { ...process.env, DATA_DIR: dataDir };
  for (const name of ['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'MEILI_URL', 'MEILI_MASTER_KEY']) {
    delete apiEnv[name];
  }

  // Other work on the machine skews the API more than the baseline; record how busy it was.
  const loadBefore = loadavg()[0];
  const samples = [];
  try {
    for (let run = 1; run <= runs; run += 1) {
      const kind = run === 1 ? 'cold' : 'warm';
      // Baseline first, then the API, so both see the same machine state in each round.
      const baseline = await measure('baseline', ['-e', baselineSource], process.env, '/');
      const api = await measure('api', [apiMain], apiEnv, '/health');
      samples.push({ run, kind, api, baseline });
      console.log(
        `run ${run}/${runs} (${kind}): api ${round(api.readyMs)} ms, ${round(api.rssMiB)} MiB · ` +
          `baseline ${round(baseline.readyMs)} ms, ${round(baseline.rssMiB)} MiB`,
      );
    }
  } finally {
    await rm(dataRoot, { recursive: true, force: true });
  }

  const pick = (kind, side, key) =>
    samples.filter((sample) => kind === 'all' || sample.kind === kind).map((s) => s[side][key]);
  const baselineReady = median(pick('all', 'baseline', 'readyMs'));
  const baselineRss = median(pick('all', 'baseline', 'rssMiB'));
  const summary = {
    coldReadyMs: round(median(pick('cold', 'api', 'readyMs'))),
    warmReadyMs: round(median(pick('warm', 'api', 'readyMs'))),
    apiRssMiB: round(median(pick('all', 'api', 'rssMiB'))),
    apiTreeRssMiB: round(median(pick('all', 'api', 'treeRssMiB'))),
    baselineReadyMs: round(baselineReady),
    baselineRssMiB: round(baselineRss),
    // Not a start measure; recorded because a slow shutdown stalls restarts and deploys.
    apiStopMs: round(median(pick('all', 'api', 'stopMs'))),
  };
  const ratios = {
    coldStartVsBaseline: round(summary.coldReadyMs / baselineReady),
    warmStartVsBaseline: round(summary.warmReadyMs / baselineReady),
    apiRssVsBaseline: round(summary.apiRssMiB / baselineRss),
  };
  const date = new Date().toISOString().slice(0, 10);
  const result = {
    benchmark: 'cold-start',
    date: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: round(totalmem() / 2 ** 30),
      loadAverage1m: { before: round(loadBefore, 2), after: round(loadavg()[0], 2) },
    },
    runs,
    idleMsBeforeRss: idleMs,
    summary,
    ratios,
    samples: samples.map(({ run, kind, api, baseline }) => ({
      run,
      kind,
      api: {
        readyMs: round(api.readyMs),
        rssMiB: round(api.rssMiB),
        treeRssMiB: round(api.treeRssMiB),
        stopMs: round(api.stopMs),
      },
      baseline: { readyMs: round(baseline.readyMs), rssMiB: round(baseline.rssMiB) },
    })),
  };

  const markdown = [
    `# Cold start — ${date} (commit ${result.commit})`,
    '',
    `Node ${process.version}, ${result.machine.cpus} × ${result.machine.cpuModel}, ${result.machine.memoryGiB} GiB; ` +
      `${runs} runs (run 1 cold on a fresh DATA_DIR, then warm); RSS after ${idleMs / 1000} s idle; medians. ` +
      `Load average (1 min) ${result.machine.loadAverage1m.before} before, ${result.machine.loadAverage1m.after} after.`,
    '',
    '| measure | API (`dist/api/apps/api/src/main.js`) | baseline (bare `http` server) | ratio |',
    '| --- | ---: | ---: | ---: |',
    `| cold start to first 200 | ${summary.coldReadyMs} ms | ${summary.baselineReadyMs} ms | ${ratios.coldStartVsBaseline}× |`,
    `| warm start to first 200 | ${summary.warmReadyMs} ms | ${summary.baselineReadyMs} ms | ${ratios.warmStartVsBaseline}× |`,
    `| RSS of the Node process | ${summary.apiRssMiB} MiB | ${summary.baselineRssMiB} MiB | ${ratios.apiRssVsBaseline}× |`,
    `| RSS incl. embedded PostgreSQL + Meilisearch | ${summary.apiTreeRssMiB} MiB | – | – |`,
    `| SIGINT to exit (not a start measure) | ${summary.apiStopMs} ms | – | – |`,
    '',
    '| run | kind | API start (ms) | API RSS (MiB) | API stop (ms) | baseline start (ms) | baseline RSS (MiB) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: |',
    ...result.samples.map(
      (s) =>
        `| ${s.run} | ${s.kind} | ${s.api.readyMs} | ${s.api.rssMiB} | ${s.api.stopMs} | ${s.baseline.readyMs} | ${s.baseline.rssMiB} |`,
    ),
    '',
  ].join('\n');

  const resultsDir = join(root, 'bench/results');
  mkdirSync(resultsDir, { recursive: true });
  const base = join(resultsDir, `cold-start-${date}`);
  await writeFile(`${base}.json`, `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(`${base}.md`, markdown);
  console.log(`\n${markdown}`);
  console.log(`written: ${relative(root, base)}.json and .md`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
