#!/usr/bin/env node
// `npm start`: builds the API and the web app only when their build in dist/ is not current.
//
// A build is current when (1) the content hash of its inputs (sources, configs, the lock
// file, the Node version) equals the one recorded in its stamp, and (2) its outputs are
// still the ones that build wrote (count and newest mtime of the files under the output
// folder, also in the stamp): a build by other means (`npm run build:api` after an edit
// that was then undone) or a deleted dist/ is noticed and rebuilt. Any changed, added or
// removed input file rebuilds. FORCE_BUILD=1 always builds.
//
// Usage: node scripts/build-if-stale.mjs [api] [web]   (default: both)
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.build-stamp.json';
const COMMON = ['package.json', 'package-lock.json', 'tsconfig.base.json', 'libs/domain/src'];
const isTest = (path) => /\.(spec|test|integration-spec|e2e-spec)\.[cm]?[jt]sx?$/.test(path);

/** What each build reads, what it writes, and how it is run. */
export const TARGETS = {
  api: {
    script: 'build:api',
    inputs: [...COMMON, 'apps/api/src', 'apps/api/tsconfig.build.json', 'libs/dev-services/src'],
    output: 'dist/api',
    entry: 'dist/api/apps/api/src/main.js',
  },
  web: {
    script: 'build:web',
    inputs: [
      ...COMMON,
      'apps/web/src',
      'apps/web/index.html',
      'apps/web/vite.config.ts',
      'apps/web/tsconfig.json',
      'apps/web/public',
    ],
    output: 'dist/web',
    entry: 'dist/web/index.html',
  },
};

function files(root, path) {
  const absolute = join(root, path);
  if (!existsSync(absolute)) return [];
  const stat = statSync(absolute);
  if (stat.isFile()) return [path];
  return readdirSync(absolute, { withFileTypes: true })
    .filter((entry) => entry.name !== 'node_modules' && !entry.name.startsWith('.'))
    .flatMap((entry) => files(root, join(path, entry.name)));
}

/** Content hash of every input file (path and bytes), plus the Node version. */
export function inputHash(target, root = repoRoot) {
  const hash = createHash('sha256').update(`node ${process.version}\n`);
  const list = [...new Set(target.inputs.flatMap((input) => files(root, input)))]
    .filter((path) => !isTest(path))
    .map((path) => path.split(sep).join('/'))
    .sort();
  for (const path of list) {
    hash.update(`${path}\0`);
    hash.update(readFileSync(join(root, path)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Count and newest modification time of the files a build wrote (the stamp itself excluded). */
export function outputFingerprint(target, root = repoRoot) {
  const dir = join(root, target.output);
  if (!existsSync(dir)) return { count: 0, newestMtimeMs: 0 };
  let count = 0;
  let newestMtimeMs = 0;
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (relative(dir, full) !== STAMP) {
        count += 1;
        newestMtimeMs = Math.max(newestMtimeMs, statSync(full).mtimeMs);
      }
    }
  };
  walk(dir);
  return { count, newestMtimeMs };
}

function readStamp(target, root) {
  try {
    return JSON.parse(readFileSync(join(root, target.output, STAMP), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Why the target must be built, or undefined when its build is current. */
export function staleReason(target, root = repoRoot, hash = inputHash(target, root)) {
  if (process.env.FORCE_BUILD === '1') return 'FORCE_BUILD=1';
  if (!existsSync(join(root, target.entry))) return 'no build yet';
  const stamp = readStamp(target, root);
  if (!stamp) return 'no build stamp';
  if (stamp.inputHash !== hash) return 'sources changed';
  const now = outputFingerprint(target, root);
  if (now.count !== stamp.outputs?.count || now.newestMtimeMs !== stamp.outputs?.newestMtimeMs)
    return 'build output changed since';
  return undefined;
}

/** Runs an npm script of the repository (the real build). */
function npmRun(root, script) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  return spawnSync(npm, ['run', '--silent', script], { cwd: root, stdio: 'inherit' }).status ?? 1;
}

/** Builds the target unless current; returns whether it built. */
export function buildIfStale(
  name,
  target,
  { root = repoRoot, run = npmRun, log = console.log } = {},
) {
  const hash = inputHash(target, root);
  const reason = staleReason(target, root, hash);
  if (!reason) {
    log(`[build] ${name}: up to date, not rebuilt`);
    return false;
  }
  log(`[build] ${name}: building (${reason})`);
  const status = run(root, target.script);
  if (status !== 0) throw new Error(`[build] ${name}: npm run ${target.script} failed (${status})`);
  // Sources edited during the build: the stamp records the hash from before, so the next
  // start builds again.
  const stamp = {
    inputHash: hash,
    outputs: outputFingerprint(target, root),
    builtAt: new Date().toISOString(),
  };
  writeFileSync(join(root, target.output, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = process.argv.slice(2);
  for (const name of names.length > 0 ? names : Object.keys(TARGETS)) {
    const target = TARGETS[name];
    if (!target) {
      console.error(`[build] unknown target ${name} (known: ${Object.keys(TARGETS).join(', ')})`);
      process.exit(2);
    }
    try {
      buildIfStale(name, target);
    } catch (error) {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    }
  }
}
