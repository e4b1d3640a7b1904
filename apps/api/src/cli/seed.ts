import 'reflect-metadata';
import { startDevServices } from '@wissensnetz/dev-services';
import { loadConfig } from '../core/config/config';
import { runMigrations } from '../database/data-source';
import { seedDemo } from '../seed/seed-demo';

/** `npm run seed`: migrates and writes the demo network into the configured database. */
async function main(): Promise<void> {
  const embedded =
    process.env.NODE_ENV !== 'production' && (!process.env.DATABASE_URL || !process.env.MEILI_URL);
  const services = embedded
    ? await startDevServices({ dataDir: process.env.DATA_DIR ?? '.data' })
    : undefined;
  try {
    const config = loadConfig({ ...process.env, ...(services?.env ?? {}) }, { seedDemo: true });
    await runMigrations(config, console.log);
    await seedDemo(config, console.log);
  } finally {
    await services?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
