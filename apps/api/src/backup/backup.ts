import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { QueryRunner } from 'typeorm';
import type { AppConfig } from '../core/config/config';
import { createSystemDb } from '../database/system-db';
import { createFileStorage } from '../storage/create-file-storage';
import type { FileStorage } from '../storage/file-storage';
import { packDirectory } from './archive';
import { ident, listTables, requireUnboundRole, storageKeyColumns } from './catalog';
import type { BackupFile, BackupManifest, BackupTable } from './manifest';

const FETCH_ROWS = 1000;

export interface BackupSummary {
  archive: string;
  manifest: BackupManifest;
}

/**
 * `npm run backup`: one consistent archive of the platform. Every table is read in one
 * REPEATABLE READ READ ONLY transaction (one snapshot: no row of a later change, no
 * half of a transaction), each column as its PostgreSQL text form — what COPY's text
 * format carries — through a cursor, so a big table never sits in memory. Then the files
 * the snapshot's rows name are copied from the configured FileStorage (disk or S3); a
 * file can only be missing when its row was deleted after the snapshot (rows go first).
 */
export async function createBackup(
  config: AppConfig,
  target: string,
  log: (message: string) => void = () => undefined,
  storage: FileStorage = createFileStorage(config),
): Promise<BackupSummary> {
  const archive = resolve(target);
  const staging = await mkdtemp(join(tmpdir(), 'wissensnetz-backup-'));
  const db = await createSystemDb(config, 1);
  try {
    await mkdir(join(staging, 'tables'));
    await mkdir(join(staging, 'files'));
    const runner = db.createQueryRunner();
    await runner.connect();
    let snapshot: Omit<BackupManifest, 'files' | 'missingFiles' | 'fileStorage'>;
    let keys: string[];
    try {
      await requireUnboundRole(runner);
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      ({ snapshot, keys } = await readSnapshot(runner, staging, log));
      await runner.query('COMMIT');
    } catch (error) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    const files: BackupFile[] = [];
    const missingFiles: string[] = [];
    for (const key of keys) {
      const copied = await copyFile(storage, key, join(staging, 'files', key));
      if (copied) files.push(copied);
      else missingFiles.push(key);
    }
    log(
      `${files.length} Dateien kopiert${missingFiles.length ? `, ${missingFiles.length} fehlten` : ''}`,
    );
    const manifest: BackupManifest = {
      ...snapshot,
      files,
      missingFiles,
      fileStorage: config.fileStorage.kind,
    };
    await writeFile(join(staging, 'manifest.json'), JSON.stringify(manifest, null, 2));
    await mkdir(dirname(archive), { recursive: true });
    await packDirectory(staging, archive);
    // Personal data: readable by the one who made it only.
    await chmod(archive, 0o600);
    return { archive, manifest };
  } finally {
    await db.destroy();
    await rm(staging, { recursive: true, force: true });
  }
}

async function readSnapshot(
  runner: QueryRunner,
  staging: string,
  log: (message: string) => void,
): Promise<{
  snapshot: Omit<BackupManifest, 'files' | 'missingFiles' | 'fileStorage'>;
  keys: string[];
}> {
  const createdAt = new Date().toISOString();
  const [{ server_version: postgresVersion }] = (await runner.query('SHOW server_version')) as [
    { server_version: string },
  ];
  const [{ present }] = (await runner.query(
    `SELECT to_regclass('public.schema_migration') IS NOT NULL AS present`,
  )) as [{ present: boolean }];
  if (!present) throw new Error('nothing to back up: the database has no migrations applied');
  const migrations = (
    (await runner.query('SELECT name FROM schema_migration ORDER BY timestamp, id')) as Array<{
      name: string;
    }>
  ).map((row) => row.name);
  const tables: BackupTable[] = [];
  const keys = new Set<string>();
  for (const table of await listTables(runner)) {
    const dumped = await dumpTable(runner, table.name, table.columns, staging);
    tables.push(dumped);
    for (const column of storageKeyColumns(table)) {
      const rows = (await runner.query(
        `SELECT DISTINCT ${ident(column)} AS key FROM ${ident(table.name)} WHERE ${ident(column)} IS NOT NULL`,
      )) as Array<{ key: string }>;
      for (const row of rows) keys.add(row.key);
    }
  }
  log(`${tables.length} Tabellen, ${tables.reduce((sum, table) => sum + table.rows, 0)} Zeilen`);
  const sequences = (
    (await runner.query(
      `SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) AS name, last_value::text AS value
         FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
    )) as Array<{ name: string; value: string | null }>
  ).map((row) => ({ name: row.name, lastValue: row.value }));
  return {
    snapshot: {
      format: 'wissensnetz-backup',
      version: 1,
      createdAt,
      migrations,
      postgresVersion,
      tables,
      sequences,
    },
    keys: [...keys].sort(),
  };
}

/** tables/<name>.jsonl: one JSON array per row, each value the column's text form or null. */
async function dumpTable(
  runner: QueryRunner,
  name: string,
  columns: Array<{ name: string }>,
  staging: string,
): Promise<BackupTable> {
  const hash = createHash('sha256');
  const out = createWriteStream(join(staging, 'tables', `${name}.jsonl`));
  const write = (line: string) =>
    new Promise<void>((done, fail) => {
      hash.update(line);
      out.write(line, (error) => (error ? fail(error) : done()));
    });
  const values = columns.map((column) => `${ident(column.name)}::text`).join(', ');
  await runner.query(
    `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT ARRAY[${values}]::text[] AS r FROM ${ident(name)}`,
  );
  let rows = 0;
  try {
    for (;;) {
      const batch = (await runner.query(`FETCH ${FETCH_ROWS} FROM backup_rows`)) as Array<{
        r: Array<string | null>;
      }>;
      if (batch.length === 0) break;
      await write(batch.map((row) => `${JSON.stringify(row.r)}\n`).join(''));
      rows += batch.length;
    }
  } finally {
    await runner.query('CLOSE backup_rows');
    await new Promise<void>((done, fail) =>
      out.end((error?: Error | null) => (error ? fail(error) : done())),
    );
  }
  return { name, columns: columns.map((column) => column.name), rows, sha256: hash.digest('hex') };
}

/** Copies one stored file into the staging folder; undefined when the store has no such key. */
async function copyFile(
  storage: FileStorage,
  key: string,
  path: string,
): Promise<BackupFile | undefined> {
  if (!(await storage.exists(key))) return undefined;
  await mkdir(dirname(path), { recursive: true });
  const hash = createHash('sha256');
  let size = 0;
  const content: Readable = await storage.get(key);
  await pipeline(
    content,
    new Transform({
      transform(chunk: Buffer, _encoding, next) {
        hash.update(chunk);
        size += chunk.length;
        next(null, chunk);
      },
    }),
    createWriteStream(path, { mode: 0o600 }),
  );
  return { key, size, sha256: hash.digest('hex') };
}
