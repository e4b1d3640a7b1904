import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { SYSTEM_DB } from '../database/system-db';
import { SEARCH_INDEX, type SearchIndex } from './search-index';
import { SearchOutbox } from './search-outbox';
import { SearchSources } from './search-sources';

/**
 * Applies committed changes to the engine right away, for the changes that must not
 * wait for the outbox worker: those that narrow who may see a document (a practice
 * made visible to its city only, archived, back to draft). Until the engine has them,
 * other cities' searches would still count the document (totalHits, facets); its hits
 * are re-read through row-level security and never shown.
 *
 * The outbox stays the guarantee: the change's own outbox row (same transaction) is
 * left for the worker. If the engine is down or slow, this gives up after
 * MEILI_TIMEOUT_MS and the worker applies the change once the engine answers again.
 */
@Injectable()
export class SearchSync {
  private readonly logger = new Logger(SearchSync.name);

  constructor(
    @Inject(SYSTEM_DB) private readonly db: DataSource,
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: SearchSources,
    private readonly outbox: SearchOutbox,
  ) {}

  /**
   * Sends the current state of these documents (call after the commit) and waits until
   * the engine applied it. Resolves true when it did, false when the engine could not
   * be reached in time (the outbox row remains); never rejects.
   */
  async applyNow(index: string, ids: string[]): Promise<boolean> {
    if (ids.length === 0) return true;
    let applied = false;
    try {
      await withDeadline(this.apply(index, ids), this.deadlineMs());
      applied = true;
    } catch (error) {
      this.logger.warn(
        `could not apply ${index} ${ids.join(', ')} at once, the outbox will: ${String(error)}`,
      );
    }
    try {
      // What was just sent may be overtaken by a newer commit that the worker sent first;
      // one more outbox row makes the worker send the latest state after this, always.
      await this.outbox.enqueue(this.db.manager, index, ids);
    } catch (error) {
      this.logger.warn(`could not queue ${index} ${ids.join(', ')} again: ${String(error)}`);
    }
    return applied;
  }

  private async apply(index: string, ids: string[]): Promise<void> {
    const documents = await this.sources.get(index).load(this.db, ids);
    const present = new Set(documents.map((document) => document.id));
    const wait = this.config.meiliTimeoutMs;
    await this.search.upsert(index, documents, wait);
    await this.search.remove(
      index,
      ids.filter((id) => !present.has(id)),
      wait,
    );
  }

  /**
   * The owner connection has no statement_timeout (it also serves the reindex), so the
   * whole step gets one bound: reading the documents, sending them and waiting.
   */
  private deadlineMs(): number {
    return this.config.databaseStatementTimeoutMs + 2 * this.config.meiliTimeoutMs;
  }
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not done within ${ms} ms`)), ms);
  });
  // The work may still finish later; its outcome no longer matters (the outbox row remains).
  work.catch(() => undefined);
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
