import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DrainLoop } from '../../database/drain-loop';
import { PgListener } from '../../database/pg-listener';
import { SYSTEM_DB } from '../../database/system-db';
import { DATA_EXPORT_SECTIONS, type ExportPerson } from './data-export-sections';
import { buildSummary, type ExportLocale } from './data-export-summary';

/** How long the finished files can be downloaded. */
export const DATA_EXPORT_KEEP_DAYS = 7;
/** A claim whose worker never finished (the process died) is taken over after this long. */
const CLAIM_LEASE = '10 minutes';
/** After this many failed attempts the export is given up (the person may ask again). */
const MAX_ATTEMPTS = 5;
const POLL_MS = 10_000;

interface ClaimedExport {
  id: string;
  user_id: string;
  steps_done: number;
  attempts: number;
}

/**
 * Prepares requested data exports in the background, on the owner connection: the
 * sections cover tables the person may not read through row-level security (the audit
 * log, their sessions), so each section's query is scoped to the person itself (see
 * data-export-sections.ts).
 *
 * An export is claimed (FOR UPDATE SKIP LOCKED, so replicas share the work), then each
 * section is collected and committed on its own, with steps_done raised: that is the
 * progress the person sees, and a worker that dies mid-way resumes at the next section
 * once the claim's lease has passed. The last step writes the JSON file and the summary in
 * the person's language and sets when they expire. A failure is retried with back-off.
 *
 * Woken by every new request (trigger data_export_notify on the shared LISTEN
 * connection); the poll catches retries and is the fallback while LISTEN is down.
 */
@Injectable()
export class DataExportWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DataExportWorker.name);
  private readonly loop = new DrainLoop({
    name: 'data export',
    drain: () => this.drain(),
    due: async () => {
      const [row] = (await this.db.query(
        `SELECT count(*)::int AS n FROM data_export
          WHERE (status = 'PENDING' AND next_attempt_at <= now()) OR status = 'RUNNING'`,
      )) as Array<{ n: number }>;
      return row.n;
    },
    logError: (message) => this.logger.error(message),
  });

  constructor(
    @Inject(SYSTEM_DB) private readonly db: DataSource,
    private readonly listener: PgListener,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.loop.start(this.listener, 'data_export', POLL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    // An export cut short keeps its claim and is resumed after the lease.
    await this.loop.stop(5_000);
  }

  /** Resolves once every export requested so far is prepared (tests). */
  settle(timeoutMs = 30_000): Promise<void> {
    return this.loop.settle(timeoutMs);
  }

  private async drain(): Promise<void> {
    while (!this.loop.stopped && (await this.prepareOne())) {
      // keep going while exports are due
    }
  }

  /** Prepares one due export; false when none is due. */
  private async prepareOne(): Promise<boolean> {
    // A CTE: TypeORM returns the rows of a SELECT as they are (an UPDATE's come with a count).
    const [claimed] = (await this.db.query(
      `WITH claimed AS (
         UPDATE data_export SET status = 'RUNNING', claimed_at = now(), attempts = attempts + 1
          WHERE id = (SELECT id FROM data_export
                       WHERE (status = 'PENDING' AND next_attempt_at <= now())
                          OR (status = 'RUNNING' AND claimed_at < now() - interval '${CLAIM_LEASE}')
                       ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
          RETURNING id, user_id, steps_done, attempts)
       SELECT * FROM claimed`,
    )) as ClaimedExport[];
    if (!claimed) return false;
    try {
      await this.prepare(claimed);
    } catch (error) {
      await this.recordFailure(claimed, error);
    }
    return true;
  }

  private async prepare(claimed: ClaimedExport): Promise<void> {
    const [person] = (await this.db.query(`SELECT id, email FROM app_user WHERE id = $1`, [
      claimed.user_id,
    ])) as ExportPerson[];
    if (!person) return; // the account is gone, and its exports with it (ON DELETE CASCADE)
    for (let step = claimed.steps_done; step < DATA_EXPORT_SECTIONS.length; step++) {
      if (this.loop.stopped) return;
      const section = DATA_EXPORT_SECTIONS[step];
      const value = await section.collect(this.db, person);
      await this.db.query(
        `UPDATE data_export SET parts = parts || jsonb_build_object($2::text, $3::jsonb),
                steps_done = $4, claimed_at = now()
          WHERE id = $1 AND status = 'RUNNING'`,
        [claimed.id, section.key, JSON.stringify(value), step + 1],
      );
    }
    await this.finish(claimed.id);
  }

  /** Writes the files from the collected sections, in the order of DATA_EXPORT_SECTIONS. */
  private async finish(id: string): Promise<void> {
    const [row] = (await this.db.query(
      `SELECT e.parts, e.created_at, u.locale FROM data_export e JOIN app_user u ON u.id = e.user_id
        WHERE e.id = $1`,
      [id],
    )) as Array<{ parts: Record<string, unknown>; created_at: Date; locale: ExportLocale }>;
    if (!row) return;
    const generatedAt = new Date();
    const data: Record<string, unknown> = {
      format: 'wissensnetz-data-export/1',
      generatedAt: generatedAt.toISOString(),
      requestedAt: row.created_at.toISOString(),
    };
    for (const section of DATA_EXPORT_SECTIONS) data[section.key] = row.parts[section.key] ?? null;
    await this.db.query(
      `UPDATE data_export SET status = 'READY', data_json = $2, summary_text = $3, locale = $4,
              parts = '{}'::jsonb, ready_at = now(), claimed_at = NULL, last_error = NULL,
              expires_at = now() + ($5::int * interval '1 day')
        WHERE id = $1 AND status = 'RUNNING'`,
      [
        id,
        JSON.stringify(data, null, 2),
        buildSummary(data, row.locale, generatedAt),
        row.locale,
        DATA_EXPORT_KEEP_DAYS,
      ],
    );
  }

  private async recordFailure(claimed: ClaimedExport, error: unknown): Promise<void> {
    const text = error instanceof Error ? error.message : String(error);
    const givenUp = claimed.attempts >= MAX_ATTEMPTS;
    const delayMs = Math.min(2 ** claimed.attempts * 1_000, 300_000);
    this.logger.warn(
      `data export ${claimed.id} failed (attempt ${claimed.attempts})${givenUp ? ', given up' : `, retry in ${delayMs} ms`}: ${text}`,
    );
    await this.db.query(
      `UPDATE data_export SET status = $2, claimed_at = NULL, last_error = $3,
              next_attempt_at = now() + ($4::int * interval '1 millisecond')
        WHERE id = $1 AND status = 'RUNNING'`,
      [claimed.id, givenUp ? 'FAILED' : 'PENDING', text, delayMs],
    );
  }
}
