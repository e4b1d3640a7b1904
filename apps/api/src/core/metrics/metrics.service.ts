import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type pg from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { SYSTEM_DB } from '../../database/system-db';

/** Operation names kept as their own label value; later new names count as `other`. */
export const MAX_OPERATION_LABELS = 100;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** Histogram buckets in seconds: 5 ms … 10 s. */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Pending work of every queue in one statement: the search and notification outboxes, the
 * e-mails (notification_mail) and the data exports. `retrying`: pending after a failed
 * attempt; `failed`: given up for good (the outboxes retry forever, so 0 there).
 */
const QUEUES_SQL = `
  SELECT 'search' AS queue,
         count(*) FILTER (WHERE processed_at IS NULL)::int AS pending,
         count(*) FILTER (WHERE processed_at IS NULL AND attempts > 0)::int AS retrying,
         0 AS failed,
         coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE processed_at IS NULL)), 0)::float8 AS lag
    FROM search_outbox
  UNION ALL
  SELECT 'notifications',
         count(*) FILTER (WHERE processed_at IS NULL)::int,
         count(*) FILTER (WHERE processed_at IS NULL AND attempts > 0)::int,
         0,
         coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE processed_at IS NULL)), 0)::float8
    FROM notification_outbox
  UNION ALL
  SELECT 'mail',
         count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL)::int,
         count(*) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL AND attempts > 0)::int,
         count(*) FILTER (WHERE failed_at IS NOT NULL)::int,
         coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE sent_at IS NULL AND failed_at IS NULL)), 0)::float8
    FROM notification_mail
  UNION ALL
  SELECT 'data_export',
         count(*) FILTER (WHERE status IN ('PENDING', 'RUNNING'))::int,
         count(*) FILTER (WHERE status IN ('PENDING', 'RUNNING') AND attempts > 0)::int,
         count(*) FILTER (WHERE status = 'FAILED')::int,
         coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status IN ('PENDING', 'RUNNING'))), 0)::float8
    FROM data_export`;

interface QueueRow {
  queue: string;
  pending: number;
  retrying: number;
  failed: number;
  lag: number;
}

/**
 * The Prometheus metrics of this process (its own registry, so two platforms in one
 * process do not collide). Request and search durations are observed as they happen;
 * queue and pool gauges are read when /metrics is scraped (refresh()).
 */
@Injectable()
export class Metrics {
  private readonly logger = new Logger(Metrics.name);
  readonly registry = new Registry();
  private readonly operations = new Set<string>();

  readonly graphqlDuration = new Histogram({
    name: 'wissensnetz_graphql_request_duration_seconds',
    help: 'GraphQL requests over HTTP by operation name (anonymous, other beyond the first names, invalid when unparsable)',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: 'wissensnetz_http_request_duration_seconds',
    help: 'HTTP requests by method and status class',
    labelNames: ['method', 'status'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });
  readonly slowRequests = new Counter({
    name: 'wissensnetz_slow_requests_total',
    help: 'HTTP requests slower than SLOW_REQUEST_MS',
    registers: [this.registry],
  });
  readonly searchDuration = new Histogram({
    name: 'wissensnetz_search_duration_seconds',
    help: 'Meilisearch search requests by index (federated for multi-index searches)',
    labelNames: ['index', 'outcome'] as const,
    buckets: BUCKETS,
    registers: [this.registry],
  });
  private readonly queuePending = new Gauge({
    name: 'wissensnetz_outbox_pending',
    help: 'Rows waiting in a queue (search, notifications, mail, data_export)',
    labelNames: ['outbox'] as const,
    registers: [this.registry],
  });
  private readonly queueLag = new Gauge({
    name: 'wissensnetz_outbox_lag_seconds',
    help: 'Age of the oldest waiting row of a queue (0 when empty)',
    labelNames: ['outbox'] as const,
    registers: [this.registry],
  });
  private readonly queueRetrying = new Gauge({
    name: 'wissensnetz_outbox_retrying',
    help: 'Waiting rows of a queue whose last attempt failed',
    labelNames: ['outbox'] as const,
    registers: [this.registry],
  });
  private readonly queueFailed = new Gauge({
    name: 'wissensnetz_outbox_failed',
    help: 'Rows of a queue given up for good (mails refused, exports failed)',
    labelNames: ['outbox'] as const,
    registers: [this.registry],
  });
  private readonly mailQueue = new Gauge({
    name: 'wissensnetz_mail_queue_length',
    help: 'E-mails not yet sent (and not given up)',
    registers: [this.registry],
  });
  private readonly queuesReadable = new Gauge({
    name: 'wissensnetz_metrics_queues_readable',
    help: '1 when the queue gauges could be read at this scrape, 0 when the database did not answer',
    registers: [this.registry],
  });
  private readonly pool = new Gauge({
    name: 'wissensnetz_db_pool_connections',
    help: 'PostgreSQL pool connections (app: the RLS-bound pool of requests; system: the owner pool of workers)',
    labelNames: ['pool', 'state'] as const,
    registers: [this.registry],
  });
  private readonly poolMax = new Gauge({
    name: 'wissensnetz_db_pool_max',
    help: 'Configured size of a PostgreSQL pool',
    labelNames: ['pool'] as const,
    registers: [this.registry],
  });

  constructor(
    @InjectDataSource() private readonly appDb: DataSource,
    @Inject(SYSTEM_DB) private readonly systemDb: DataSource,
  ) {
    collectDefaultMetrics({ register: this.registry, prefix: 'wissensnetz_' });
  }

  /** The label of an operation name: bounded, whatever clients send. */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }

  /** Reads the gauges that are not observed as they happen, then answers the exposition text. */
  async scrape(): Promise<string> {
    await this.refresh();
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private async refresh(): Promise<void> {
    for (const [name, db] of [
      ['app', this.appDb],
      ['system', this.systemDb],
    ] as const) {
      const pool = poolOf(db);
      if (!pool) continue;
      this.pool.set({ pool: name, state: 'total' }, pool.totalCount);
      this.pool.set({ pool: name, state: 'idle' }, pool.idleCount);
      this.pool.set({ pool: name, state: 'waiting' }, pool.waitingCount);
      this.poolMax.set({ pool: name }, pool.options.max ?? 10);
    }
    try {
      const rows = (await this.systemDb.query(QUEUES_SQL)) as QueueRow[];
      for (const row of rows) {
        const labels = { outbox: row.queue };
        this.queuePending.set(labels, Number(row.pending));
        this.queueRetrying.set(labels, Number(row.retrying));
        this.queueFailed.set(labels, Number(row.failed));
        this.queueLag.set(labels, Number(row.lag));
        if (row.queue === 'mail') this.mailQueue.set(Number(row.pending));
      }
      this.queuesReadable.set(1);
    } catch (error) {
      this.queuesReadable.set(0);
      this.logger.warn(`queue metrics not readable: ${String(error)}`);
    }
  }
}

/** The pg pool under a TypeORM data source (the postgres driver's `master`). */
function poolOf(db: DataSource): pg.Pool | undefined {
  if (!db.isInitialized) return undefined;
  return (db.driver as unknown as { master?: pg.Pool }).master;
}
