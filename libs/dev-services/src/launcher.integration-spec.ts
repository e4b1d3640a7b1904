/**
 * The launcher against the real embedded PostgreSQL and the shipped Meilisearch
 * binary: fresh start, stop, restart on the same data, recovery after the
 * launcher was killed, and pass-through of given servers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Meilisearch } from 'meilisearch';
import pg from 'pg';
import { APP_ROLE, startDevServices, type DevServices, type ServiceEnv } from './index';
import { DEFAULT_MEILI_INDEXING_MEMORY } from './meilisearch';
import { isAlive, readPid } from './processes';

const INDEX_UID = 'launcher_spec_practices';
const quiet = (): void => undefined;

let root: string;
let dataDir: string;
const running: DevServices[] = [];
const children: ChildProcess[] = [];

async function start(dir: string, env: NodeJS.ProcessEnv = {}): Promise<DevServices> {
  const services = await startDevServices({ dataDir: dir, env, durable: false, log: quiet });
  running.push(services);
  return services;
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function portOf(url: string): number {
  return Number.parseInt(new URL(url).port, 10);
}

/** Resolves true when something accepts TCP connections on the port. */
function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function meili(env: ServiceEnv): Meilisearch {
  return new Meilisearch({ host: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY });
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'wissensnetz-launcher-'));
  // As root, PostgreSQL runs as the user `postgres`, which must reach the data dir.
  chmodSync(root, 0o755);
  dataDir = join(root, 'data');
});

afterAll(async () => {
  for (const child of children) {
    if (child.pid !== undefined && isAlive(child.pid)) child.kill('SIGKILL');
  }
  await Promise.allSettled(running.map((services) => services.stop()));
  await rm(root, { recursive: true, force: true });
});

describe('launcher', () => {
  let first: DevServices;

  it('starts PostgreSQL and Meilisearch in a fresh data dir', async () => {
    first = await start(dataDir);
    expect(first.started).toEqual({ postgres: true, meilisearch: true });
    expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

    const [app] = await query<{ user: string; superuser: boolean; bypassrls: boolean }>(
      first.env.DATABASE_URL,
      `SELECT current_user AS user, rolsuper AS superuser, rolbypassrls AS bypassrls
         FROM pg_roles WHERE rolname = current_user`,
    );
    expect(app).toEqual({ user: APP_ROLE, superuser: false, bypassrls: false });

    const [owner] = await query<{ superuser: boolean }>(
      first.env.DATABASE_MIGRATION_URL,
      'SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
    );
    expect(owner?.superuser).toBe(true);
    await query(
      first.env.DATABASE_MIGRATION_URL,
      `CREATE TABLE launcher_note (id int PRIMARY KEY, body text NOT NULL);
       INSERT INTO launcher_note VALUES (1, 'written before the restart')`,
    );

    const health = await fetch(`${first.env.MEILI_URL}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'available' });
    expect(first.meiliVersion).toMatch(/^1\.\d+\.\d+/);
    expect((await meili(first.env).getVersion()).pkgVersion).toBe(first.meiliVersion);
    // The master key is enforced: no key, no index list.
    expect((await fetch(`${first.env.MEILI_URL}/indexes`)).status).toBe(401);

    await meili(first.env).createIndex(INDEX_UID, { primaryKey: 'id' }).waitTask();
  });

  it('gives Meilisearch its master key through the environment, not the command line', async () => {
    // Every local user can read a process's command line (ps, /proc/<pid>/cmdline); its
    // environment only the owner.
    const pid = await pidFromFile(join(dataDir, 'meilisearch', 'meilisearch.pid'));
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    expect(commandLine.some((argument) => argument.includes('--http-addr'))).toBe(true);
    expect(first.env.MEILI_MASTER_KEY.length).toBeGreaterThanOrEqual(16);
    expect(commandLine.join(' ')).not.toContain(first.env.MEILI_MASTER_KEY);
    expect(commandLine.join(' ')).not.toContain('master-key');
    // The key is still enforced, and still the one the API is given.
    expect((await fetch(`${first.env.MEILI_URL}/indexes`)).status).toBe(401);
    const withKey = await fetch(`${first.env.MEILI_URL}/indexes`, {
      headers: { Authorization: `Bearer ${first.env.MEILI_MASTER_KEY}` },
    });
    expect(withKey.status).toBe(200);
  });

  it('bounds Meilisearch indexing memory (the engine would take two thirds of the RAM)', async () => {
    const pid = await pidFromFile(join(dataDir, 'meilisearch', 'meilisearch.pid'));
    expect(environmentOf(pid).MEILI_MAX_INDEXING_MEMORY).toBe(DEFAULT_MEILI_INDEXING_MEMORY);
  });

  it('closes both ports on stop and removes the Meilisearch pid file', async () => {
    const ports = [portOf(first.env.DATABASE_URL), portOf(first.env.MEILI_URL)];
    expect(await Promise.all(ports.map(isListening))).toEqual([true, true]);
    await first.stop();
    expect(await Promise.all(ports.map(isListening))).toEqual([false, false]);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    expect(existsSync(join(dataDir, 'meilisearch', 'meilisearch.pid'))).toBe(false);
  });

  it('keeps rows and indexes when restarted on the same data dir', async () => {
    const again = await start(dataDir, { MEILI_MAX_INDEXING_MEMORY: '512MiB' });
    expect(again.started).toEqual({ postgres: true, meilisearch: true });
    // A given indexing memory is passed on instead of the default.
    const meiliPid = await pidFromFile(join(dataDir, 'meilisearch', 'meilisearch.pid'));
    expect(environmentOf(meiliPid).MEILI_MAX_INDEXING_MEMORY).toBe('512MiB');
    // Same credentials file, so the same passwords and key.
    expect(again.env.MEILI_MASTER_KEY).toBe(first.env.MEILI_MASTER_KEY);

    const rows = await query<{ body: string }>(
      again.env.DATABASE_MIGRATION_URL,
      'SELECT body FROM launcher_note WHERE id = 1',
    );
    expect(rows).toEqual([{ body: 'written before the restart' }]);
    const index = await meili(again.env).getIndex(INDEX_UID);
    expect(index.uid).toBe(INDEX_UID);
    expect(index.primaryKey).toBe('id');
    await again.stop();
  });

  it('recovers after the launcher process was killed with SIGKILL', async () => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register', join(__dirname, 'testing', 'launcher-child.ts'), dataDir],
      {
        env: {
          ...process.env,
          TS_NODE_TRANSPILE_ONLY: 'true',
          TS_NODE_PROJECT: join(__dirname, '..', 'tsconfig.json'),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.push(child);
    const report = await firstJsonLine<{
      env: ServiceEnv;
      postgresPid: number;
      meilisearchPid: number;
    }>(child);
    await query(
      report.env.DATABASE_MIGRATION_URL,
      `INSERT INTO launcher_note VALUES (2, 'written by the killed launcher')`,
    );

    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    // The services outlive their launcher and still hold the data dir and its lock files.
    expect(isAlive(report.postgresPid)).toBe(true);
    expect(isAlive(report.meilisearchPid)).toBe(true);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

    const recovered = await start(dataDir);
    expect(recovered.started).toEqual({ postgres: true, meilisearch: true });
    expect(isAlive(report.postgresPid)).toBe(false);
    expect(isAlive(report.meilisearchPid)).toBe(false);
    const rows = await query<{ id: number }>(
      recovered.env.DATABASE_MIGRATION_URL,
      'SELECT id FROM launcher_note ORDER BY id',
    );
    expect(rows).toEqual([{ id: 1 }, { id: 2 }]);
    expect((await meili(recovered.env).getIndex(INDEX_UID)).uid).toBe(INDEX_UID);
    await recovered.stop();
  });

  it('starts after a crash that left only stale lock files behind', async () => {
    const crashed = await start(dataDir);
    // Power loss: every process dies at once, pid files stay.
    const postmasterPid = await pidFromFile(join(dataDir, 'postgres', 'postmaster.pid'));
    const meiliPid = await pidFromFile(join(dataDir, 'meilisearch', 'meilisearch.pid'));
    process.kill(postmasterPid, 'SIGKILL');
    process.kill(meiliPid, 'SIGKILL');
    await waitUntil(() => !isAlive(postmasterPid) && !isAlive(meiliPid));
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

    const recovered = await start(dataDir);
    expect(recovered.started).toEqual({ postgres: true, meilisearch: true });
    const rows = await query<{ count: string }>(
      recovered.env.DATABASE_MIGRATION_URL,
      'SELECT count(*) FROM launcher_note',
    );
    expect(rows).toEqual([{ count: '2' }]);
    expect((await meili(recovered.env).getIndex(INDEX_UID)).uid).toBe(INDEX_UID);
    await crashed.stop();
    await recovered.stop();
  });

  it('starts nothing and passes given servers through', async () => {
    const given = await start(dataDir);
    const otherDir = join(root, 'never-created');
    const passThrough = await start(otherDir, {
      DATABASE_URL: given.env.DATABASE_URL,
      DATABASE_MIGRATION_URL: given.env.DATABASE_MIGRATION_URL,
      MEILI_URL: given.env.MEILI_URL,
      MEILI_MASTER_KEY: given.env.MEILI_MASTER_KEY,
    });
    expect(passThrough.started).toEqual({ postgres: false, meilisearch: false });
    expect(passThrough.env).toEqual(given.env);
    expect(existsSync(otherDir)).toBe(false);

    // Stopping the pass-through launcher must leave the given servers alone.
    await passThrough.stop();
    expect(await isListening(portOf(given.env.DATABASE_URL))).toBe(true);
    expect(await isListening(portOf(given.env.MEILI_URL))).toBe(true);
    await given.stop();
  });
});

function firstJsonLine<T>(child: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline >= 0) resolve(JSON.parse(stdout.slice(0, newline)) as T);
    });
    child.once('exit', (code) =>
      reject(new Error(`launcher child exited with ${code} before reporting:\n${stderr}`)),
    );
  });
}

/** A process's environment as the kernel shows it to its owner (/proc/<pid>/environ). */
function environmentOf(pid: number): Record<string, string> {
  const entries = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').filter(Boolean);
  return Object.fromEntries(
    entries.map((entry) => [
      entry.slice(0, entry.indexOf('=')),
      entry.slice(entry.indexOf('=') + 1),
    ]),
  );
}

async function pidFromFile(file: string): Promise<number> {
  const pid = await readPid(file);
  if (pid === undefined) throw new Error(`no pid in ${file}`);
  return pid;
}

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
