import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import globalTeardown from './global-teardown';
import { API_MAIN, BASE_URL_ENV, PLATFORM_LOG, REPO_ROOT, WEB_INDEX } from './support/platform';

const HEALTH_TIMEOUT_MS = 120_000;

/** What the teardown needs; jest runs setup and teardown in the same process. */
export interface E2eRun {
  child: ChildProcess;
  dataDir: string;
  output: string[];
}

declare global {
  var __WISSENSNETZ_E2E__: E2eRun | undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForHealth(url: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `The platform exited (code ${child.exitCode}, signal ${child.signalCode}) before /health answered.\n` +
          output.slice(-40).join(''),
      );
    }
    try {
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) });
      if (response.status === 200) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(500);
  }
  throw new Error(
    `GET ${url}/health did not answer 200 within ${HEALTH_TIMEOUT_MS / 1000} s (last: ${last}).\n` +
      output.slice(-40).join(''),
  );
}

export default async function globalSetup(): Promise<void> {
  if (process.env[BASE_URL_ENV]) {
    // Pointed at an already running platform (e.g. `npm start` in another terminal).
    return;
  }
  const missing = [API_MAIN, WEB_INDEX].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `The e2e tests run against the built platform, but ${missing
        .map((file) => path.relative(REPO_ROOT, file))
        .join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing. Run \`npm run build\` first.`,
    );
  }

  const port = await freePort();
  // Under the repo (".data-*" is gitignored) so a crashed run leaves its data where it is easy to find.
  const dataDir = mkdtempSync(path.join(REPO_ROOT, '.data-e2e-'));
  // mkdtemp makes it 0700; the embedded PostgreSQL runs as its own user and must reach it.
  chmodSync(dataDir, 0o755);
  // The whole platform log of the last run, for when a test fails for a server-side reason.
  const log = createWriteStream(PLATFORM_LOG);
  const output: string[] = [];
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: 'true',
      WEB_DIST: path.dirname(WEB_INDEX),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      // Live sockets notice an ended session or lost access within seconds, not 15 (tandems-live).
      WS_SESSION_CHECK_SECONDS: process.env.WS_SESSION_CHECK_SECONDS ?? '2',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    log.write(chunk);
    output.push(chunk.toString());
    if (output.length > 200) output.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  child.once('exit', () => log.end());
  globalThis.__WISSENSNETZ_E2E__ = { child, dataDir, output };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, output);
  } catch (error) {
    // Jest skips the global teardown when the setup fails, so clean up here.
    await globalTeardown();
    throw error;
  }
  process.env[BASE_URL_ENV] = url;
}
