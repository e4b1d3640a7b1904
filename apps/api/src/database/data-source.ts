import type pg from 'pg';
import type { Logger } from 'pino';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../core/config/config';
import { CountingTypeOrmLogger } from '../core/graphql/query-count';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import { createSystemClient, systemDataSource } from './system-db';

export function appDataSourceOptions(config: AppConfig, logger?: Logger): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    entities: ENTITIES,
    migrations: [],
    synchronize: false,
    migrationsRun: false,
    logging: ['query'],
    logger: new CountingTypeOrmLogger(logger?.child({ component: 'sql' })),
    // Statements slower than SLOW_QUERY_MS are logged (0: never).
    ...(config.slowQueryMs > 0 ? { maxQueryExecutionTime: config.slowQueryMs } : {}),
    extra: {
      max: config.databasePoolSize,
      application_name: 'wissensnetz-api',
      // Waiting for a pooled connection and opening a new one are both bounded.
      connectionTimeoutMillis: config.databaseConnectTimeoutMs,
      // Session settings of every application connection (not of migrations, the seed or
      // the search indexer, which may run long): the server cancels a statement that runs
      // or waits for a lock too long.
      statement_timeout: config.databaseStatementTimeoutMs,
      lock_timeout: config.databaseLockTimeoutMs,
      keepAlive: true,
      onConnect: (client: pg.ClientBase) =>
        boundQueries(client, config.databaseStatementTimeoutMs + QUERY_BOUND_MARGIN_MS),
    },
  };
}

/** How long past statement_timeout a statement may go unanswered before its connection is given up. */
const QUERY_BOUND_MARGIN_MS = 1000;

/**
 * Bounds every statement of a client on the client side too. statement_timeout lets the
 * server cancel a slow statement; a server that does not answer at all (frozen, network
 * cut off) cannot, and pg's own query_timeout would hand the connection back to the pool
 * with the statement still running, mid-transaction. Past the limit the connection is
 * destroyed instead: its statements fail, it leaves the pool, and the next request gets
 * a fresh one.
 */
export function boundQueries(client: pg.ClientBase, limitMs: number): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  const giveUp = () =>
    (client as pg.Client).connection.stream.destroy(
      new Error(`PostgreSQL did not answer within ${limitMs} ms`),
    );
  const bounded = (...args: unknown[]): unknown => {
    const timer = setTimeout(giveUp, limitMs);
    timer.unref();
    const callback = args.at(-1);
    if (typeof callback === 'function') {
      args[args.length - 1] = (...results: unknown[]) => {
        clearTimeout(timer);
        (callback as (...values: unknown[]) => void)(...results);
      };
      return query(...args);
    }
    const result = query(...args);
    if (result instanceof Promise) return result.finally(() => clearTimeout(timer));
    // A submittable (cursor, stream) reports through its own events; none is used here.
    clearTimeout(timer);
    return result;
  };
  client.query = bounded as typeof client.query;
}

/** Key of the session advisory lock that migrations run under: "wn m" in ASCII. */
export const MIGRATION_LOCK_KEY = 0x776e206d;

/**
 * Runs pending migrations as the owner role, then closes that connection. Several
 * instances may start at the same moment: each first takes a session advisory lock on a
 * connection of its own, so one migrates while the others wait, and they then find
 * nothing pending. The lock goes with its connection, also when an instance dies.
 */
export async function runMigrations(
  config: AppConfig,
  log: (message: string) => void,
): Promise<string[]> {
  const lock = createSystemClient(config, {
    purpose: 'migrate-lock',
    connectionTimeoutMillis: config.databaseConnectTimeoutMs,
  });
  // A lost connection also ends the lock; the migration's own connection then fails.
  lock.on('error', () => undefined);
  await lock.connect();
  try {
    const waiting = (
      await lock.query('SELECT pg_try_advisory_lock($1) AS got', [MIGRATION_LOCK_KEY])
    ).rows[0] as { got: boolean };
    if (!waiting.got) {
      log('another instance is migrating; waiting for it');
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    }
    return await migrate(config, log);
  } finally {
    // Ending the session releases the lock.
    await lock.end().catch(() => undefined);
  }
}

async function migrate(config: AppConfig, log: (message: string) => void): Promise<string[]> {
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
