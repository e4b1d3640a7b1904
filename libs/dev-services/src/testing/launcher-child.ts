/**
 * Runs the launcher in its own process for the crash-recovery test: starts the
 * services in the data dir given as argument, prints one JSON line with the env
 * and the pids of the services, then waits to be killed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startDevServices } from '../index';

async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: launcher-child <data-dir>');
  const services = await startDevServices({
    dataDir,
    durable: false,
    env: {},
    log: () => undefined,
  });
  const pid = (file: string): number =>
    Number.parseInt(readFileSync(join(dataDir, file), 'utf8').split('\n')[0] ?? '', 10);
  const report = {
    env: services.env,
    started: services.started,
    postgresPid: pid('postgres/postmaster.pid'),
    meilisearchPid: pid('meilisearch/meilisearch.pid'),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  // Stay alive until killed; the test sends SIGKILL so no cleanup runs.
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
