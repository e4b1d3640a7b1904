import 'reflect-metadata';
import { startDevServices } from '@wissensnetz/dev-services';
import { loadConfig, type AppConfig } from '../core/config/config';
import { runMigrations } from '../database/data-source';

/**
 * Runs a command-line task against the configured servers, or against the
 * embedded ones (started for the task, stopped after) when none are given;
 * migrations first (unless `migrate: false`: backup and restore decide themselves). Exits
 * non-zero on failure.
 */
export function runCommand(
  task: (config: AppConfig) => Promise<void>,
  options: { migrate?: boolean } = {},
): void {
  const run = async () => {
    const embedded =
      process.env.NODE_ENV !== 'production' &&
      (!process.env.DATABASE_URL || !process.env.MEILI_URL);
    const services = embedded
      ? await startDevServices({ dataDir: process.env.DATA_DIR ?? '.data' })
      : undefined;
    try {
      const config = loadConfig({ ...process.env, ...(services?.env ?? {}) }, { seedDemo: true });
      if (options.migrate ?? true) await runMigrations(config, console.log);
      await task(config);
    } finally {
      await services?.stop();
    }
  };
  run().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
