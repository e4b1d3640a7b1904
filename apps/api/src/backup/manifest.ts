/** What `npm run backup` writes as manifest.json, the first thing restore reads. */
export interface BackupManifest {
  format: 'wissensnetz-backup';
  version: 1;
  createdAt: string;
  /** Applied migrations, oldest first; the last one is the schema version of the data. */
  migrations: string[];
  /** PostgreSQL's server_version of the source, for the record. */
  postgresVersion: string;
  /** Tables in dependency order (a table after those it references). */
  tables: BackupTable[];
  /** Sequences and their values at the snapshot (null: never used). */
  sequences: Array<{ name: string; lastValue: string | null }>;
  files: BackupFile[];
  /** Keys named by rows of the snapshot whose file was gone when copied (deleted since). */
  missingFiles: string[];
  /** Where the files came from (disk or s3); restore writes into the configured one. */
  fileStorage: string;
}

export interface BackupTable {
  name: string;
  columns: string[];
  rows: number;
  /** sha256 of tables/<name>.jsonl. */
  sha256: string;
}

export interface BackupFile {
  key: string;
  size: number;
  sha256: string;
}

export function isManifest(value: unknown): value is BackupManifest {
  const manifest = value as Partial<BackupManifest> | null;
  return (
    typeof manifest === 'object' &&
    manifest !== null &&
    manifest.format === 'wissensnetz-backup' &&
    manifest.version === 1 &&
    Array.isArray(manifest.migrations) &&
    Array.isArray(manifest.tables) &&
    Array.isArray(manifest.files)
  );
}
