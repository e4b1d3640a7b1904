import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config/config';
import { APP_CONFIG } from '../core/config/config.module';
import { PgListener } from '../database/pg-listener';
import { DrainLoop } from '../database/drain-loop';
import { SYSTEM_DB } from '../database/system-db';
import { SEARCH_INDEX, type SearchIndex } from './search-index';
import { SearchSources } from './search-sources';

interface OutboxRow {
  id: string;
  index_name: string;
  document_id: string;
  attempts: number;
}

const BATCH = 500;

/**
 * Drains the outbox into the search engine: claims pending rows with
 * FOR UPDATE SKIP LOCKED (any number of API replicas can run it), sends the
 * current state of those documents, waits until the engine has applied it, and
 * marks the rows done. On failure the rows are retried with exponential backoff,
 * so an engine outage delays search results but loses nothing.
 */
@Injectable()
export class OutboxWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxWorker.name);
  private readonly loop = new DrainLoop({
    name: 'search outbox',
    drain: () => this.drain(),
    due: async () => {
      const [row] = await this.db.query(
        'SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL AND next_attempt_at <= now()',
      );
      return (row as { n: number }).n;
    },
    logError: (message) => this.logger.error(message),
  });

  constructor(
    @Inject(SYSTEM_DB) private readonly db: DataSource,
    @Inject(SEARCH_INDEX) private readonly search: SearchIndex,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sources: SearchSources,
    private readonly listener: PgListener,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.searchWorker) return;
    await this.configureIndexes();
    // Woken by every committed outbox row (trigger search_outbox_notify); see DrainLoop.
    await this.loop.start(this.listener, 'search_outbox', this.config.searchPollMs);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Applies each index's settings; an engine that is down now is configured on a later drain. */
  private configured = new Set<string>();
  private async configureIndexes(): Promise<void> {
    for (const source of this.sources.list()) {
      if (this.configured.has(source.index)) continue;
      try {
        await this.search.configure(source.index, source.settings);
        this.configured.add(source.index);
      } catch (error) {
        this.logger.warn(`could not configure index ${source.index} yet: ${String(error)}`);
      }
    }
  }

  kick(): void {
    this.loop.kick();
  }

  /** Processes batches until nothing is due. Exposed for tests and the reindex command. */
  async drain(): Promise<void> {
    await this.configureIndexes();
    while (!this.loop.stopped && (await this.processBatch()) > 0) {
      // keep going while there is work
    }
  }

  private async processBatch(): Promise<number> {
    return this.db.transaction(async (manager) => {
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, index_name, document_id, attempts FROM search_outbox
          WHERE processed_at IS NULL AND next_attempt_at <= now()
          ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`,
      );
      if (rows.length === 0) return 0;
      const byIndex = new Map<string, OutboxRow[]>();
      for (const row of rows)
        byIndex.set(row.index_name, [...(byIndex.get(row.index_name) ?? []), row]);
      for (const [index, indexRows] of byIndex) {
        const ids = [...new Set(indexRows.map((row) => row.document_id))];
        try {
          const documents = await this.sources.get(index).load(this.db, ids);
          const present = new Set(documents.map((document) => document.id));
          await this.search.upsert(index, documents);
          await this.search.remove(
            index,
            ids.filter((id) => !present.has(id)),
          );
          await manager.query(
            'UPDATE search_outbox SET processed_at = now(), last_error = NULL WHERE id = ANY($1::bigint[])',
            [indexRows.map((row) => row.id)],
          );
        } catch (error) {
          const attempts = Math.max(...indexRows.map((row) => row.attempts)) + 1;
          const delayMs = Math.min(this.config.searchRetryMaxMs, 250 * 2 ** Math.min(attempts, 16));
          this.logger.warn(
            `search index ${index} unreachable (attempt ${attempts}), retry in ${delayMs} ms: ${String(error)}`,
          );
          await manager.query(
            `UPDATE search_outbox SET attempts = attempts + 1, last_error = $2,
                    next_attempt_at = now() + ($3::int * interval '1 millisecond')
              WHERE id = ANY($1::bigint[])`,
            [indexRows.map((row) => row.id), String(error).slice(0, 500), delayMs],
          );
          this.configured.delete(index);
        }
      }
      // Done rows are kept a day for inspection, then cleared.
      await manager.query(
        `DELETE FROM search_outbox WHERE processed_at < now() - interval '1 day'`,
      );
      return rows.length;
    });
  }

  /**
   * Resolves once every change committed so far is in the index (tests, reindex).
   * Waits for rows a concurrent drain has claimed too, not only for its own.
   */
  settle(timeoutMs = 30_000): Promise<void> {
    return this.loop.settle(timeoutMs);
  }

  /** Rows not yet in the index (for health and tests); of one index when named. */
  async pending(index?: string): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL${index ? ' AND index_name = $1' : ''}`,
      index ? [index] : [],
    );
    return (row as { n: number }).n;
  }
}
