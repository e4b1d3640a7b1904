import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { QueryRunner } from 'typeorm';
import type { AppConfig } from '../core/config/config';
import { runMigrations } from '../database/data-source';
import { ENTITIES } from '../database/entities';
import { MIGRATIONS } from '../database/migrations';
import { createSystemDb, systemDataSource } from '../database/system-db';
import { citySearchSource } from '../modules/cities/city-search.source';
import { conferenceSearchSource } from '../modules/conferences/conference-search.source';
import { recordSearchSource } from '../modules/conferences/record-search.source';
import { practiceSearchSource } from '../modules/practices/practice-search.source';
import { MeiliSearchIndex } from '../search/meili-search-index';
import { reindex } from '../search/reindex';
import { createFileStorage } from '../storage/create-file-storage';
import type { FileStorage } from '../storage/file-storage';
import { unpackArchive } from './archive';
import { ident, listTables, requireUnboundRole } from './catalog';
import { isManifest, type BackupManifest, type BackupTable } from './manifest';

const INSERT_ROWS = 500;

function migrationName(migration: (typeof MIGRATIONS)[number]): string {
  return (new migration() as { name?: string }).name ?? migration.name;
}

/**
 * `npm run restore <file>` into a fresh database (no migration applied yet) and file
 * storage: migrations up to the backup's version, the rows (column text forms parsed by
 * each column type's input function, triggers and foreign-key checks off while loading,
 * sequences set), the migrations the code has beyond the backup, the files into the
 * configured FileStorage, then every search index rebuilt from the restored rows.
 */
export async function restoreBackup(
  config: AppConfig,
  archive: string,
  log: (message: string) => void = () => undefined,
  storage: FileStorage = createFileStorage(config),
): Promise<BackupManifest> {
  const staging = await mkdtemp(join(tmpdir(), 'wissensnetz-restore-'));
  try {
    await unpackArchive(archive, staging);
    const manifest: unknown = JSON.parse(await readFile(join(staging, 'manifest.json'), 'utf8'));
    if (!isManifest(manifest)) throw new Error(`${archive} is not a Wissensnetz backup`);
    const known = new Map(MIGRATIONS.map((migration) => [migrationName(migration), migration]));
    const unknown = manifest.migrations.filter((name) => !known.has(name));
    if (unknown.length > 0)
      throw new Error(
        `the backup is newer than this code (unknown migrations: ${unknown.join(', ')}); restore with the version that wrote it`,
      );
    await verifyTables(staging, manifest.tables);
    await requireFreshDatabase(config);
    await migrateTo(
      config,
      manifest.migrations.map((name) => known.get(name)!),
    );
    log(`Schema auf Stand ${manifest.migrations.at(-1)} gebracht`);
    await loadRows(config, staging, manifest);
    log(`${manifest.tables.reduce((sum, table) => sum + table.rows, 0)} Zeilen geladen`);
    const later = await runMigrations(config, log);
    if (later.length > 0) log(`${later.length} neuere Migrationen angewendet`);
    for (const file of manifest.files) await restoreFile(storage, staging, file);
    log(`${manifest.files.length} Dateien wiederhergestellt`);
    await reindexAll(config, log);
    return manifest;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** A damaged or edited archive stops before anything is written. */
async function verifyTables(staging: string, tables: BackupTable[]): Promise<void> {
  for (const table of tables) {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(join(staging, 'tables', `${table.name}.jsonl`)))
      hash.update(chunk as Buffer);
    if (hash.digest('hex') !== table.sha256)
      throw new Error(`table ${table.name} in the archive is damaged (checksum differs)`);
  }
}

/** Restore never merges into or overwrites a database in use. */
async function requireFreshDatabase(config: AppConfig): Promise<void> {
  const db = await createSystemDb(config, 1);
  try {
    const [{ present }] = (await db.query(
      `SELECT to_regclass('public.schema_migration') IS NOT NULL AS present`,
    )) as [{ present: boolean }];
    if (!present) return;
    const [{ applied }] = (await db.query(
      'SELECT count(*)::int AS applied FROM schema_migration',
    )) as [{ applied: number }];
    if (applied > 0)
      throw new Error(
        'the target database is not empty (migrations applied); restore into a fresh DATA_DIR or a new, empty database',
      );
  } finally {
    await db.destroy();
  }
}

async function migrateTo(config: AppConfig, migrations: (typeof MIGRATIONS)[number][]) {
  const owner = systemDataSource(config, {
    purpose: 'restore',
    entities: ENTITIES,
    migrations,
    migrationsTableName: 'schema_migration',
  });
  await owner.initialize();
  try {
    await owner.runMigrations({ transaction: 'each' });
  } finally {
    await owner.destroy();
  }
}

/** All rows in one transaction: a failed restore leaves the schema, not half the data. */
async function loadRows(config: AppConfig, staging: string, manifest: BackupManifest) {
  const db = await createSystemDb(config, 1);
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await requireUnboundRole(runner);
    await runner.query('BEGIN');
    // No triggers (NOTIFY, outbox, checks) and no foreign-key triggers while loading: the
    // rows are a consistent snapshot already, loaded as they were.
    await runner.query("SET LOCAL session_replication_role = 'replica'");
    const present = new Map((await listTables(runner)).map((table) => [table.name, table]));
    const names = manifest.tables.map((table) => table.name).filter((name) => present.has(name));
    // Rows the migrations wrote (reference data) are replaced by the backup's.
    if (names.length > 0) await runner.query(`TRUNCATE ${names.map(ident).join(', ')}`);
    for (const table of manifest.tables) {
      const target = present.get(table.name);
      if (!target) throw new Error(`table ${table.name} of the backup does not exist here`);
      const types = new Map(target.columns.map((column) => [column.name, column.type]));
      const missing = table.columns.filter((column) => !types.has(column));
      if (missing.length > 0)
        throw new Error(`columns ${missing.join(', ')} of ${table.name} do not exist here`);
      await loadTable(runner, staging, table, types);
    }
    for (const sequence of manifest.sequences)
      if (sequence.lastValue !== null)
        await runner.query('SELECT setval($1::regclass, $2::bigint, true)', [
          sequence.name,
          sequence.lastValue,
        ]);
    await runner.query('COMMIT');
  } catch (error) {
    await runner.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
    await db.destroy();
  }
}

async function loadTable(
  runner: QueryRunner,
  staging: string,
  table: BackupTable,
  types: Map<string, string>,
) {
  const columns = table.columns.map(ident).join(', ');
  // Each value through its column type's input function, as COPY FROM would.
  const values = table.columns
    .map((column, index) => `(r->>${index})::${types.get(column)}`)
    .join(', ');
  const insert = `INSERT INTO ${ident(table.name)} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${values} FROM jsonb_array_elements($1::jsonb) AS r`;
  let batch: string[] = [];
  let loaded = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await runner.query(insert, [`[${batch.join(',')}]`]);
    loaded += batch.length;
    batch = [];
  };
  const lines = createInterface({
    input: createReadStream(join(staging, 'tables', `${table.name}.jsonl`)),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    if (!line) continue;
    batch.push(line);
    if (batch.length >= INSERT_ROWS) await flush();
  }
  await flush();
  if (loaded !== table.rows)
    throw new Error(`table ${table.name}: ${loaded} rows read, the manifest says ${table.rows}`);
}

async function restoreFile(
  storage: FileStorage,
  staging: string,
  file: BackupManifest['files'][number],
): Promise<void> {
  const path = join(staging, 'files', file.key);
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  if (hash.digest('hex') !== file.sha256)
    throw new Error(`file ${file.key} in the archive is damaged (checksum differs)`);
  await storage.put(file.key, createReadStream(path), { contentLength: file.size });
}

async function reindexAll(config: AppConfig, log: (message: string) => void): Promise<void> {
  const db = await createSystemDb(config);
  const search = new MeiliSearchIndex(config.meiliUrl, config.meiliMasterKey, {
    requestTimeoutMs: Math.max(config.meiliTimeoutMs, 60_000),
  });
  try {
    for (const source of [
      practiceSearchSource,
      recordSearchSource,
      conferenceSearchSource,
      citySearchSource,
    ]) {
      const summary = await reindex(search, db, source);
      log(`Index "${summary.index}" neu aufgebaut: ${summary.documents} Dokumente`);
    }
  } finally {
    await db.destroy();
  }
}
