import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../database/migrations';
import { SYSTEM_DB } from '../../database/system-db';

/** The names of the migrations this build knows that the database has not applied. */
export function missingMigrations(known: string[], applied: string[]): string[] {
  const done = new Set(applied);
  return known.filter((name) => !done.has(name));
}

/**
 * Whether the database has every migration of this build (schema_migration, read as the
 * owner: the app role has no grant on it). An instance of a newer build whose migrations
 * another instance is still applying is not ready yet.
 */
@Injectable()
export class MigrationState {
  private readonly known = MIGRATIONS.map((migration) => {
    const instance = new (migration as new () => { name?: string })();
    return instance.name ?? migration.name;
  });
  constructor(@Inject(SYSTEM_DB) private readonly db: DataSource) {}

  async pending(signal?: AbortSignal): Promise<string[]> {
    const rows = (await this.db.query('SELECT name FROM schema_migration')) as Array<{
      name: string;
    }>;
    signal?.throwIfAborted();
    return missingMigrations(
      this.known,
      rows.map((row) => row.name),
    );
  }
}
