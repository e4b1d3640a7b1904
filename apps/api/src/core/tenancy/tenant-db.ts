import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { escapeLiteral, type PoolClient, type QueryResult } from 'pg';
import { DataSource, QueryFailedError, type EntityManager, type QueryRunner } from 'typeorm';
import { coordinatorCityIds, isOrganizer, memberCityIds, type Actor } from './actor';

export interface TenantRunOptions {
  /** Hash of an invitation token: lets its holder read and accept exactly that invitation. */
  invitationTokenHash?: string;
}

/**
 * Every access to tenant-owned tables goes through here: one transaction whose
 * first statement tells PostgreSQL who is acting (set_config(..., true) lasts
 * until the transaction ends). Row-level security reads these settings, so a
 * query that forgets a check in code still sees only what the caller may see.
 */
@Injectable()
export class TenantDb {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Runs `fn` in one transaction as `actor`: row-level security sees exactly the
   * actor the service checked. There is no form without an actor.
   *
   * The transaction's start and the settings travel in one round trip (one simple-query
   * batch `START TRANSACTION; SELECT set_config(...)`), measured in bench/load.mjs: a
   * round trip fewer per request than TypeORM's `transaction()`, which sends them apart.
   */
  async run<T>(
    actor: Actor,
    fn: (manager: EntityManager) => Promise<T>,
    options: TenantRunOptions = {},
  ): Promise<T> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(tenantBegin(actor, options));
      markTransactionStarted(runner);
      const result = await fn(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      // A failed batch may have left a transaction open (START ran, a set_config failed).
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      else await runner.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * One read statement as `actor` in a transaction of its own, all in **one round trip**:
   * `START TRANSACTION; SELECT set_config(...); <sql>; COMMIT` as one simple-query batch
   * (for the read paths every page needs: one practice, a page of practices, the hits of a
   * search; bench/load.mjs). Row-level security sees the actor exactly as in `run`. A
   * batch cannot carry bind parameters, so `$1`, `$2`, … are replaced by quoted literals
   * (pg's escapeLiteral; strings, numbers, booleans, null and arrays of strings). Give
   * parameters a cast in `sql` where the column type matters (`$1::uuid[]`).
   */
  async read<R = Record<string, unknown>>(
    actor: Actor,
    sql: string,
    params: unknown[] = [],
    options: TenantRunOptions = {},
  ): Promise<R[]> {
    const statement = inlineParams(sql, params);
    const batch = `${tenantBegin(actor, options)}; ${statement}; COMMIT`;
    const runner = this.db.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    // Counted and timed like TypeORM's own statements (query-count.ts, slow-query log).
    const logger = this.db.logger;
    logger.logQuery(statement, undefined, runner);
    const started = Date.now();
    try {
      const results = (await client.query(batch)) as unknown as QueryResult[];
      const ms = Date.now() - started;
      const slowMs = this.db.options.maxQueryExecutionTime;
      if (slowMs && ms > slowMs) logger.logQuerySlow(ms, statement, undefined, runner);
      return results[results.length - 2].rows as R[];
    } catch (error) {
      // After a failed statement the transaction is aborted and the batch's COMMIT skipped.
      await client.query('ROLLBACK').catch(() => undefined);
      throw new QueryFailedError(statement, params, error as Error);
    } finally {
      await runner.release();
    }
  }
}

/** `$n` of `sql` as quoted literals, for a simple-query batch (see TenantDb.read). */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, index: string) => {
    const position = Number(index) - 1;
    if (position < 0 || position >= params.length) throw new Error(`no parameter $${index}`);
    return toLiteral(params[position]);
  });
}

function toLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return escapeLiteral(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    const items = value.map((item) => `"${item.replace(/[\\"]/g, (char) => `\\${char}`)}"`);
    return escapeLiteral(`{${items.join(',')}}`);
  }
  throw new Error(`TenantDb.read: unsupported parameter ${typeof value}`);
}

/**
 * `START TRANSACTION` and the actor's settings as one batch. A simple-query batch cannot
 * carry bind parameters, so the values are quoted with pg's escapeLiteral; they are ids,
 * `on`/`off` and a hex hash the server derived, never text a caller typed.
 */
export function tenantBegin(actor: Actor, options: TenantRunOptions = {}): string {
  const settings: Array<[string, string]> = [
    ['app.user_id', actor.kind === 'user' ? actor.userId : ''],
    ['app.member_city_ids', toArrayLiteral(memberCityIds(actor))],
    ['app.coordinator_city_ids', toArrayLiteral(coordinatorCityIds(actor))],
    ['app.is_organizer', isOrganizer(actor) ? 'on' : 'off'],
    ['app.invitation_token', options.invitationTokenHash ?? ''],
  ];
  const calls = settings.map(
    ([name, value]) => `set_config(${escapeLiteral(name)}, ${escapeLiteral(value)}, true)`,
  );
  return `START TRANSACTION; SELECT ${calls.join(', ')}`;
}

/**
 * Tells TypeORM's query runner that the batch above started its transaction, as its own
 * startTransaction() would have: commitTransaction() then sends COMMIT, and a nested
 * `manager.transaction()` inside `fn` becomes a SAVEPOINT.
 */
function markTransactionStarted(runner: QueryRunner): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = true;
  state.transactionDepth = 1;
}

function toArrayLiteral(ids: string[]): string {
  return `{${ids.join(',')}}`;
}
