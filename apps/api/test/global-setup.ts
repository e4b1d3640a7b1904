import { startDevServices } from '@wissensnetz/dev-services';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * One throwaway PostgreSQL + Meilisearch for the whole integration run. Test
 * files start the platform against them through DATABASE_URL / MEILI_URL, the
 * same way production is given its servers. Given URLs are used as they are.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL && process.env.MEILI_URL) {
    provideEnv(project, {
      DATABASE_URL: process.env.DATABASE_URL,
      DATABASE_MIGRATION_URL: process.env.DATABASE_MIGRATION_URL ?? process.env.DATABASE_URL,
      MEILI_URL: process.env.MEILI_URL,
      MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? '',
    });
    return async () => undefined;
  }
  const root = join(__dirname, '..', '..', '..');
  const dataDir = await mkdtemp(join(root, '.data-test-'));
  const services = await startDevServices({ dataDir, durable: false, log: () => undefined });
  provideEnv(project, { ...services.env });
  return async () => {
    await services.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

function provideEnv(project: TestProject, env: Record<string, string>): void {
  project.provide('serviceEnv', env);
}

declare module 'vitest' {
  export interface ProvidedContext {
    serviceEnv: Record<string, string>;
  }
}
