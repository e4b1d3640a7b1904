import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../core/config/config';
import { CountingTypeOrmLogger } from '../core/graphql/query-count';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { systemDataSource } from './system-db';

export function appDataSourceOptions(config: AppConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: ENTITIES,
    migrations: [],
    synchronize: false,
    migrationsRun: false,
    logging: ['query'],
    logger: new CountingTypeOrmLogger(),
    extra: { max: config.databasePoolSize, application_name: 'wissensnetz-api' },
  };
}

/** Runs pending migrations as the owner role, then closes that connection. */
export async function runMigrations(
  config: AppConfig,
  log: (message: string) => void,
): Promise<string[]> {
  const owner = systemDataSource(config, {
    purpose: 'migrate',
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
  });
  await owner.initialize();
  try {
    const applied = await owner.runMigrations({ transaction: 'each' });
    for (const migration of applied) log(`migration applied: ${migration.name}`);
    return applied.map((migration) => migration.name);
  } finally {
    await owner.destroy();
  }
}
