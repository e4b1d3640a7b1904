import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { JobRegistry } from '../../core/jobs/job-registry';
import type { ScheduledJob } from '../../core/jobs/scheduled-job';
import { SYSTEM_DB } from '../../database/system-db';

/**
 * Contact details of residents' suggestions (name, e-mail, phone) are erased
 * RETENTION_SUGGESTION_CONTACT_DAYS (183, about six months) after the suggestion was closed
 * (answered, not pursued, withdrawn, merged): long enough for a follow-up question, not
 * longer. The suggestion itself stays (it has no contact details); `contact_erased_at`
 * records that they were there. Also forgets expired ALTCHA challenges.
 */
@Injectable()
export class SuggestionContactRetentionJob implements ScheduledJob, OnModuleInit {
  readonly name = 'retention-suggestion-contacts';
  readonly everyMs = 24 * 3_600_000;
  private readonly logger = new Logger(SuggestionContactRetentionJob.name);

  constructor(
    private readonly registry: JobRegistry,
    @Inject(SYSTEM_DB) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async run(now: Date): Promise<void> {
    const erased = await this.purge(now);
    if (erased > 0)
      this.logger.log(
        `erased contact details of ${erased} suggestions closed more than ${this.config.retentionSuggestionContactDays} days ago`,
      );
  }

  /** Erases what is due as of `now`; returns how many suggestions lost their contact details. */
  async purge(now: Date): Promise<number> {
    await this.db.query(`DELETE FROM suggestion_challenge_used WHERE expires_at < $1`, [now]);
    const [row] = (await this.db.query(
      `WITH due AS (
         SELECT city_id, id FROM suggestion
          WHERE contact_erased_at IS NULL AND closed_at IS NOT NULL
            AND closed_at + make_interval(days => $2) <= $1),
       gone AS (
         DELETE FROM suggestion_contact c USING due
          WHERE c.city_id = due.city_id AND c.suggestion_id = due.id
         RETURNING c.city_id, c.suggestion_id),
       marked AS (
         UPDATE suggestion s SET contact_erased_at = $1 FROM gone
          WHERE s.city_id = gone.city_id AND s.id = gone.suggestion_id
         RETURNING 1)
       SELECT count(*)::int AS n FROM marked`,
      [now, this.config.retentionSuggestionContactDays],
    )) as Array<{ n: number }>;
    return row.n;
  }
}
