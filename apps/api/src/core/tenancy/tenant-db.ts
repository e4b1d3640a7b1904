import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { escapeLiteral } from 'pg';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
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
