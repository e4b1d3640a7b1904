import { startDevServices, type DevServices } from '@wissensnetz/dev-services';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import pg from 'pg';
import { createBackup } from '../src/backup/backup';
import { restoreBackup } from '../src/backup/restore';
import { startPlatform, type RunningPlatform } from '../src/bootstrap';
import { loadConfig, type AppConfig } from '../src/core/config/config';
import { DiskFileStorage } from '../src/storage/disk-file-storage';
import { Client, demoEmail, startTestPlatform, type TestPlatform } from './harness';

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from('1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n'),
  Buffer.from('Sicherungsprobe mit Anhang '.repeat(500)),
]);
const TITLE = 'Sicherungsprobe Ehrenamtsbörse';

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Row count and a checksum over the text form of every row, per table. */
async function fingerprint(url: string, tables: string[]): Promise<Record<string, string>> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const result: Record<string, string> = {};
    for (const table of tables) {
      const { rows } = await pool.query<{ n: number; h: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS h FROM "${table}" t`,
      );
      result[table] = `${rows[0].n}:${rows[0].h}`;
    }
    return result;
  } finally {
    await pool.end();
  }
}

/**
 * A platform with the demo network and an attachment (PostgreSQL given by DATABASE_URL),
 * backed up, restored into a fresh data directory with the embedded PostgreSQL and
 * Meilisearch, and compared: every table's rows, the attachment's bytes, search.
 */
describe('npm run backup / restore', () => {
  let api: TestPlatform | undefined;
  let source: AppConfig;
  let dir: string;
  let services: DevServices | undefined;
  let restored: RunningPlatform | undefined;
  let practiceId: string;
  let storageKey: string;

  beforeAll(async () => {
    api = await startTestPlatform();
    source = api.platform.config;
    dir = await mkdtemp(join(__dirname, '..', '..', '..', '.data-restore-'));
    const member = await api.as('member', 'lemgo');
    const created = await member.gql<{ createPractice: { id: string } }>(
      `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }`,
      {
        input: {
          citySlug: 'lemgo',
          title: TITLE,
          summary: 'Wird gesichert',
          visibility: 'NETWORK',
        },
      },
    );
    practiceId = created.data!.createPractice.id;
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'probe.pdf');
    const upload = await fetch(`${api.url}/api/practices/${practiceId}/attachments`, {
      method: 'POST',
      body: form,
      headers: { cookie: member.cookie!, origin: new URL(api.url).origin },
    });
    expect(upload.status).toBe(201);
    const coordinator = await api.as('coordinator', 'lemgo');
    const published = await coordinator.gql(
      'mutation($id: ID!) { publishPractice(id: $id) { id } }',
      {
        id: practiceId,
      },
    );
    expect(published.errors).toBeUndefined();
    const [row] = await api.ownerQuery<{ storage_key: string }>(
      'SELECT storage_key FROM practice_attachment WHERE practice_id = $1',
      [practiceId],
    );
    storageKey = row.storage_key;
    // The source stands still from here on (no workers), so that it can be compared.
    await api.stop();
    api = undefined;
  });
  afterAll(async () => {
    await restored?.stop();
    await services?.stop();
    await api?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('restores every row, the attachment and search into a fresh data directory', async () => {
    const archive = join(dir, 'sicherung.tar.gz');
    const { manifest } = await createBackup(source, archive);
    expect(manifest.migrations.at(-1)).toMatch(/^\w+\d{13}$/);
    expect(manifest.files.map((file) => file.key)).toContain(storageKey);
    // Other files of the run share this database and name files they never stored
    // (attachments of invented keys); this file's attachment must be in the archive.
    expect(manifest.missingFiles).not.toContain(storageKey);
    expect(manifest.tables.find((table) => table.name === 'practice')!.rows).toBeGreaterThan(0);

    const fresh = join(dir, 'data');
    services = await startDevServices({
      dataDir: fresh,
      env: {},
      durable: false,
      log: () => undefined,
    });
    const target = loadConfig(
      { ...services.env, DATA_DIR: fresh, NODE_ENV: 'test' },
      { seedDemo: false },
    );
    await restoreBackup(target, archive);

    const tables = manifest.tables.map((table) => table.name);
    expect(tables.length).toBeGreaterThan(20);
    expect(await fingerprint(target.migrationUrl, tables)).toEqual(
      await fingerprint(source.migrationUrl, tables),
    );
    const bytes = await read(await new DiskFileStorage(target.attachmentsDir).get(storageKey));
    expect(bytes.equals(PDF)).toBe(true);

    // The restored platform: search finds the practice, sign-in works, the file downloads.
    restored = await startPlatform({
      env: {
        ...services.env,
        DATA_DIR: fresh,
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        SEED_DEMO: 'false',
        JOBS_ENABLED: 'false',
        LOG_LEVEL: 'warn',
      },
    });
    const member = await new Client(restored.url).login(demoEmail('member', 'goch'));
    const search = await member.gql<{
      searchPractices: { hits: Array<{ practice: { id: string; title: string } }> };
    }>('query($q: String!) { searchPractices(query: $q) { hits { practice { id title } } } }', {
      q: 'Sicherungsprobe',
    });
    expect(search.errors).toBeUndefined();
    expect(search.data!.searchPractices.hits.map((hit) => hit.practice.id)).toContain(practiceId);
    const attachment = await fetch(
      `${restored.url}/files/attachments/${storageKey.split('/').at(-1)}`,
      { headers: { cookie: member.cookie! } },
    );
    expect(attachment.status).toBe(200);
    expect(Buffer.from(await attachment.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('restores into a new, empty database on the DATABASE_URL server', async () => {
    const archive = join(dir, 'sicherung.tar.gz');
    const database = `wissensnetz_restore_${Date.now()}`;
    const admin = new pg.Client({ connectionString: source.migrationUrl });
    await admin.connect();
    let meili: DevServices | undefined;
    try {
      await admin.query(`CREATE DATABASE ${database}`);
      const serverEnv = {
        DATABASE_URL: withDatabase(source.databaseUrl, database),
        DATABASE_MIGRATION_URL: withDatabase(source.migrationUrl, database),
      };
      // A Meilisearch of its own: the run's shared one serves the other test files.
      meili = await startDevServices({
        dataDir: join(dir, 'meili'),
        env: serverEnv,
        durable: false,
        log: () => undefined,
      });
      expect(meili.started).toEqual({ postgres: false, meilisearch: true });
      const target = loadConfig(
        { ...meili.env, DATA_DIR: join(dir, 'second'), NODE_ENV: 'test' },
        { seedDemo: false },
      );
      const manifest = await restoreBackup(target, archive);
      const tables = manifest.tables.map((table) => table.name);
      expect(await fingerprint(target.migrationUrl, tables)).toEqual(
        await fingerprint(source.migrationUrl, tables),
      );
      const bytes = await read(await new DiskFileStorage(target.attachmentsDir).get(storageKey));
      expect(bytes.equals(PDF)).toBe(true);
    } finally {
      await meili?.stop();
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`).catch(() => undefined);
      await admin.end();
    }
  });

  it('refuses to restore into a database in use, and a damaged archive', async () => {
    const target = restored!.config;
    const archive = join(dir, 'sicherung.tar.gz');
    await expect(restoreBackup(target, archive)).rejects.toThrow(/not empty/);
    const damaged = join(dir, 'kaputt.tar.gz');
    const bytes = await readFile(archive);
    await writeFile(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(restoreBackup(target, damaged)).rejects.toThrow();
  });
});

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
