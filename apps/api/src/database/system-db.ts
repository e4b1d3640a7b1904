import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../core/config/config';

/**
 * The owner connection (DATABASE_MIGRATION_URL): the one way into the database that
 * row-level security does not bind. Only system parts use it — migrations and the demo
 * seed, the outbox workers (search, notifications), the reindex command, the LISTEN
 * client and scheduled jobs — never code that acts for a user: that goes through
 * TenantDb.run(actor, fn). A source scan (system-db.spec.ts) keeps the list of importers
 * exact, and this is the only file that reads `config.migrationUrl`.
 */
export const SYSTEM_DB = Symbol('SYSTEM_DB');

type OwnerConfig = Pick<AppConfig, 'migrationUrl'> &
  Partial<Pick<AppConfig, 'databaseConnectTimeoutMs'>>;

export interface SystemDataSourceOptions {
  /** Shows in pg_stat_activity as wissensnetz-<purpose>. */
  purpose: string;
  /** Pool size. */
  max?: number;
  entities?: NonNullable<DataSourceOptions['entities']>;
  migrations?: NonNullable<DataSourceOptions['migrations']>;
  migrationsTableName?: string;
}

/** An owner DataSource, not yet initialised (migrations and seed open and close their own). */
export function systemDataSource(
  config: OwnerConfig,
  options: SystemDataSourceOptions,
): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.migrationUrl,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTableName: options.migrationsTableName,
    synchronize: false,
    // Connecting is bounded; statements are not (a reindex or a migration may run long).
    extra: {
      max: options.max ?? 1,
      application_name: `wissensnetz-${options.purpose}`,
      connectionTimeoutMillis: config.databaseConnectTimeoutMs,
    },
  });
}

/** The process's shared owner pool (workers, reindex). */
export async function createSystemDb(config: OwnerConfig, max = 4): Promise<DataSource> {
  return systemDataSource(config, { purpose: 'system', max }).initialize();
}

/** A single owner client outside the pool, for LISTEN (it must stay on one connection). */
export function createSystemClient(
  config: Pick<AppConfig, 'migrationUrl'>,
  options: Omit<pg.ClientConfig, 'connectionString'> & { purpose: string },
): pg.Client {
  const { purpose, ...rest } = options;
  return new pg.Client({
    ...rest,
    connectionString: config.migrationUrl,
    application_name: `wissensnetz-${purpose}`,
  });
}

/** Provides SYSTEM_DB to the system parts; closes it after they stopped (global: shut down last). */
@Global()
@Module({})
export class SystemDbModule implements OnApplicationShutdown {
  constructor(@Inject(SYSTEM_DB) private readonly db: DataSource) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SystemDbModule,
      providers: [{ provide: SYSTEM_DB, useFactory: () => createSystemDb(config) }],
      exports: [SYSTEM_DB],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.db.isInitialized) await this.db.destroy();
  }
}
