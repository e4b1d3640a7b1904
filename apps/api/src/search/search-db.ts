import { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config/config';

/**
 * The search side reads every city's entries to build documents, so it uses the
 * owner connection (like migrations); visibility is applied when searching.
 */
export const SEARCH_DB = Symbol('SEARCH_DB');

export async function createSearchDb(config: AppConfig): Promise<DataSource> {
  const db = new DataSource({
    type: 'postgres',
    url: config.migrationUrl,
    // Connecting is bounded; statements are not (a reindex may read for long).
    extra: {
      max: 3,
      application_name: 'wissensnetz-search',
      connectionTimeoutMillis: config.databaseConnectTimeoutMs,
    },
  });
  return db.initialize();
}
