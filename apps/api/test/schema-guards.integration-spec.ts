import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { startPlatform } from '../src/bootstrap';
import { assertApplicationRole } from '../src/database/role-guard';
import { ENTITIES } from '../src/database/entities';
import { MIGRATIONS } from '../src/database/migrations';
import { NotificationKind } from '../src/modules/notifications/dto/notification-message';

/**
 * Guards that keep the database honest: migrations go up, down and up again on an
 * empty database; the entities describe exactly the migrated schema; and the API
 * refuses to run as a role that row-level security would not bind.
 */
const serviceEnv = () => inject('serviceEnv');

/** The owner URL pointed at another database of the same server. */
function onDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

describe('schema guards', () => {
  const database = `wn_guard_${randomBytes(4).toString('hex')}`;
  let owner: pg.Client;
  let dataSource: DataSource;

  beforeAll(async () => {
    owner = new pg.Client({ connectionString: serviceEnv().DATABASE_MIGRATION_URL });
    await owner.connect();
    await owner.query(`CREATE DATABASE ${database}`);
    dataSource = new DataSource({
      type: 'postgres',
      url: onDatabase(serviceEnv().DATABASE_MIGRATION_URL, database),
      entities: ENTITIES,
      migrations: MIGRATIONS,
      migrationsTableName: 'schema_migration',
      synchronize: false,
      extra: { max: 1 },
    });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await owner.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await owner.end();
  });

  it('runs every migration up, every one down, and up again on an empty database', async () => {
    const first = await dataSource.runMigrations({ transaction: 'each' });
    expect(first.map((migration) => migration.name)).toEqual(
      MIGRATIONS.map((migration) => new migration().name),
    );
    const tablesAfterUp = await tableNames(dataSource);
    expect(tablesAfterUp.length).toBeGreaterThan(10);

    for (let step = 0; step < MIGRATIONS.length; step += 1) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    // Down leaves nothing behind but TypeORM's own bookkeeping table.
    expect(await tableNames(dataSource)).toEqual(['schema_migration']);
    expect(await ownFunctions(dataSource)).toEqual([]);

    const again = await dataSource.runMigrations({ transaction: 'each' });
    expect(again).toHaveLength(MIGRATIONS.length);
    expect(await tableNames(dataSource)).toEqual(tablesAfterUp);
  });

  it('has entities that match the migrated schema: tables, columns, types, nullability', async () => {
    // Runs after the test above left the database fully migrated. Relations, indexes
    // and policies live in the migrations only (entities do not declare them), so
    // TypeORM's own schema diff would list those; what must agree is every column.
    const rows = (await dataSource.query(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default,
              is_identity, is_generated
         FROM information_schema.columns WHERE table_schema = 'public'`,
    )) as Array<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: 'YES' | 'NO';
      column_default: string | null;
      is_identity: 'YES' | 'NO';
      is_generated: 'ALWAYS' | 'NEVER';
    }>;
    const problems: string[] = [];
    for (const entity of dataSource.entityMetadatas) {
      const table = rows.filter((row) => row.table_name === entity.tableName);
      if (table.length === 0) {
        problems.push(`${entity.name}: table ${entity.tableName} is missing`);
        continue;
      }
      for (const column of entity.columns) {
        const row = table.find((candidate) => candidate.column_name === column.databaseName);
        const where = `${entity.tableName}.${column.databaseName}`;
        if (!row) {
          problems.push(`${where}: column is missing`);
          continue;
        }
        const expected = dataSource.driver.normalizeType(column).toLowerCase();
        const actual =
          row.data_type === 'ARRAY' ? row.udt_name.replace(/^_/, '') : row.data_type.toLowerCase();
        const sameType =
          column.isArray === (row.data_type === 'ARRAY') &&
          (expected === actual || TYPE_ALIASES[expected] === actual);
        if (!sameType) problems.push(`${where}: entity says ${expected}, table has ${actual}`);
        if (column.isNullable !== (row.is_nullable === 'YES'))
          problems.push(`${where}: entity nullable=${column.isNullable}, table ${row.is_nullable}`);
      }
      // A NOT NULL column without default that the entity does not know makes every insert fail.
      for (const row of table) {
        const mapped = entity.columns.some((column) => column.databaseName === row.column_name);
        const required =
          row.is_nullable === 'NO' &&
          row.column_default === null &&
          row.is_identity === 'NO' &&
          row.is_generated === 'NEVER';
        if (!mapped && required)
          problems.push(`${entity.tableName}.${row.column_name}: required, but not in the entity`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("lets every notification kind of the code through the tables' kind checks", async () => {
    // Two migrations that each rewrote the check once dropped the other's kinds.
    const checks = (await dataSource.query(
      `SELECT conrelid::regclass::text AS table_name, pg_get_constraintdef(oid) AS definition
         FROM pg_constraint
        WHERE conname IN ('notification_kind_check', 'notification_outbox_kind_check')`,
    )) as { table_name: string; definition: string }[];
    expect(checks.map((check) => check.table_name).sort()).toEqual([
      'notification',
      'notification_outbox',
    ]);
    const missing = checks.flatMap((check) =>
      Object.values(NotificationKind)
        .filter((kind) => !check.definition.includes(`'${kind}'`))
        .map((kind) => `${check.table_name}: ${kind}`),
    );
    expect(missing).toEqual([]);
  });
});

/** How PostgreSQL's information_schema spells the types TypeORM normalises to. */
const TYPE_ALIASES: Record<string, string> = {
  'timestamp with time zone': 'timestamp with time zone',
  timestamptz: 'timestamp with time zone',
  int: 'integer',
  int4: 'integer',
  int8: 'bigint',
  bool: 'boolean',
  varchar: 'character varying',
  'character varying': 'character varying',
};

describe('the application database role', () => {
  it('refuses the table owner (it owns tables and may switch row-level security off)', async () => {
    await expect(assertApplicationRole(serviceEnv().DATABASE_MIGRATION_URL)).rejects.toThrow(
      /owns|superuser|BYPASSRLS/i,
    );
  });

  it('accepts the application role', async () => {
    await expect(assertApplicationRole(serviceEnv().DATABASE_URL)).resolves.toBeUndefined();
  });

  it('stops the start of the API when DATABASE_URL is the owner', async () => {
    const env = serviceEnv();
    await expect(
      startPlatform({
        env: {
          ...process.env,
          ...env,
          DATABASE_URL: env.DATABASE_MIGRATION_URL,
          NODE_ENV: 'test',
          PORT: '0',
          HOST: '127.0.0.1',
          SEED_DEMO: 'false',
          LOG_LEVEL: 'silent',
        },
      }),
    ).rejects.toThrow(/DATABASE_URL/);
  });
});

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  )) as Array<{ tablename: string }>;
  return rows.map((row) => row.tablename);
}

async function ownFunctions(dataSource: DataSource): Promise<string[]> {
  const rows = (await dataSource.query(
    `SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public'
        -- functions of extensions (uuid-ossp, which TypeORM installs) are not ours
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
      ORDER BY p.proname`,
  )) as Array<{ proname: string }>;
  return rows.map((row) => row.proname);
}
