#!/usr/bin/env node
// `npm run dev`: the API in watch mode and the Vite dev server side by side.
//
// The API is compiled by `tsc -w` (the same compiler as the build, so Nest gets its
// decorator metadata; esbuild/tsx would not emit it), paths are rewritten by tsc-alias,
// and the API process restarts after every compile without errors. PostgreSQL and
// Meilisearch are started once here, not by each API restart, and handed to the API
// through DATABASE_URL / MEILI_URL. Ctrl-C stops everything.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const apiPort = process.env.PORT ?? '3000';
const webPort = 5173; // apps/web/vite.config.ts, strictPort
const tsconfig = 'apps/api/tsconfig.build.json';
const apiMain = join(root, 'dist/api/apps/api/src/main.js');
const launcher = join(root, 'dist/api/libs/dev-services/src/index.js');
const bin = {
  tsc: require.resolve('typescript/bin/tsc'),
  tscAlias: join(dirname(require.resolve('tsc-alias/package.json')), 'dist/bin/index.js'),
  vite: join(dirname(require.resolve('vite/package.json')), 'bin/vite.js'),
};

const colours = { dev: 32, tsc: 33, api: 36, web: 35 };
const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
function prefix(name) {
  const label = `[${name}]`.padEnd(6);
  return useColour ? `\x1b[${colours[name]}m${label}\x1b[0m ` : `${label} `;
}
const say = (message) => console.log(`${prefix('dev')}${message}`);

/** Spawns node with a script and prints its output line by line under a prefix. */
function start(name, args, env = {}, onLine = () => undefined) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, FORCE_COLOR: useColour ? '1' : '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      console.log(`${prefix(name)}${line}`);
      onLine(line);
    });
  }
  return child;
}

function stopChild(child, timeoutMs = 10_000) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGINT');
  });
}

say('compiling the API once (tsc) …');
const build = spawnSync('npm', ['run', '--silent', 'build:api'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) {
  say('the API does not compile; fix the errors above and run `npm run dev` again.');
  process.exit(1);
}

// Services once for the whole session; the launcher uses DATABASE_URL / MEILI_URL if set.
const { startDevServices } = require(launcher);
const services = await startDevServices({
  dataDir: process.env.DATA_DIR ?? join(root, '.data'),
  log: (message) => say(message),
});
// The API seeds demo data by default only when it started the services itself; here the
// services come from this script, so ask for the demo data explicitly (SEED_DEMO=false opts out).
const apiEnv = {
  NODE_ENV: 'development',
  SEED_DEMO: 'true',
  // Links in e-mails come from PUBLIC_URL only (never a request's Host): here, the Vite server.
  PUBLIC_URL: `http://localhost:${webPort}`,
  ...process.env,
  ...services.env,
  PORT: apiPort,
};

let api;
let restarting = Promise.resolve();
let shuttingDown = false;
function restartApi(reason) {
  restarting = restarting.then(async () => {
    if (shuttingDown) return;
    await stopChild(api);
    const alias = spawnSync(process.execPath, [bin.tscAlias, '-p', tsconfig], { cwd: root });
    if (alias.status !== 0) {
      say(`tsc-alias failed:\n${alias.stderr}`);
      return;
    }
    say(`${reason}: starting the API`);
    api = start('api', [apiMain], apiEnv);
  });
}

// "Found 0 errors. Watching for file changes." ends every compile of tsc -w.
const tsc = start('tsc', [bin.tsc, '-w', '-p', tsconfig, '--preserveWatchOutput'], {}, (line) => {
  const found = /Found (\d+) errors?\. Watching for file changes/.exec(line);
  if (!found) return;
  if (found[1] === '0') restartApi(api ? 'compiled' : 'first compile');
  else say('compile errors: the API keeps running the last good build');
});

const web = start('web', [bin.vite, '--config', 'apps/web/vite.config.ts'], {
  API_PORT: apiPort,
});

say('');
say(`open http://localhost:${webPort}/  (web, proxies /graphql and /health to the API)`);
say(`API   http://localhost:${apiPort}/graphql`);
say('stop with Ctrl-C');
say('');

async function shutdown(signal) {
  if (shuttingDown) return;
  shuttingDown = true;
  say(`${signal}: stopping web, API and services …`);
  await restarting;
  await Promise.allSettled([stopChild(web), stopChild(tsc), stopChild(api)]);
  await services.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
for (const [name, child] of [
  ['web', web],
  ['tsc', tsc],
]) {
  child.once('exit', (code) => {
    if (shuttingDown) return;
    say(`${name} exited (code ${code}); stopping`);
    void shutdown('exit');
  });
}
