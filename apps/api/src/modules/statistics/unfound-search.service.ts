import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { utcToBerlin } from '../../core/time/berlin-time';
import { unfoundSearchTerm } from './unfound-search-term';

/**
 * Counts search words that found nothing (practices search and the one search box), so the
 * network office sees what is missing. Only the normalised word and the day are written
 * (log_unfound_search, one upsert), never who searched. The search does not wait for it:
 * the write runs after the answer is on its way, and a failure is only logged.
 */
@Injectable()
export class UnfoundSearchService {
  private readonly logger = new Logger(UnfoundSearchService.name);
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly tenantDb: TenantDb) {}

  /** Notes that `query` found nothing; returns at once. */
  record(actor: Actor, query: string, now = new Date()): void {
    const term = unfoundSearchTerm(query);
    if (!term) return;
    const write = this.tenantDb
      .run(actor, async (manager) => {
        await manager.query(`SELECT log_unfound_search($1, $2::date)`, [
          term,
          utcToBerlin(now).slice(0, 10),
        ]);
      })
      .catch((error: unknown) => {
        this.logger.warn(`could not count an unfound search: ${String(error)}`);
      })
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  /** Waits for the writes under way (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }
}
