import { rmSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';

const EXIT_TIMEOUT_MS = 30_000;

function waitForExit(child: ChildProcess): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), EXIT_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

export default async function globalTeardown(): Promise<void> {
  const run = globalThis.__WISSENSNETZ_E2E__;
  if (!run) return;
  globalThis.__WISSENSNETZ_E2E__ = undefined;
  run.child.kill('SIGTERM');
  // The platform stops its embedded PostgreSQL and Meilisearch on SIGTERM; give it time.
  if (!(await waitForExit(run.child))) {
    console.warn(
      `The platform did not exit within ${EXIT_TIMEOUT_MS / 1000} s after SIGTERM; killing it.`,
    );
    run.child.kill('SIGKILL');
    await waitForExit(run.child);
  }
  rmSync(run.dataDir, { recursive: true, force: true });
}
