import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { JobRegistry } from '../../core/jobs/job-registry';
import type { ScheduledJob } from '../../core/jobs/scheduled-job';
import { rowsChanged } from '../../core/jobs/rows-changed';
import { SYSTEM_DB } from '../../database/system-db';

/**
 * Accessibility feedback (BITV 2.0 § 7: message, page, optionally name and e-mail) is
 * deleted RETENTION_FEEDBACK_MONTHS after it came in: long enough to answer it (due in four
 * weeks), for a conciliation procedure the sender may start afterwards (§ 16 BGG) and for
 * the operator's yearly look at what was reported; the platform keeps no "done" state, so
 * the period runs from receipt.
 */
@Injectable()
export class FeedbackRetentionJob implements ScheduledJob, OnModuleInit {
  readonly name = 'retention-accessibility-feedback';
  readonly everyMs = 24 * 3_600_000;
  private readonly logger = new Logger(FeedbackRetentionJob.name);

  constructor(
    private readonly registry: JobRegistry,
    @Inject(SYSTEM_DB) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async run(now: Date): Promise<void> {
    const deleted = await this.purge(now);
    if (deleted > 0)
      this.logger.log(
        `deleted ${deleted} accessibility feedback entries older than ${this.config.retentionFeedbackMonths} months`,
      );
  }

  /** Deletes what is due as of `now`; returns how many entries it deleted. */
  async purge(now: Date): Promise<number> {
    return rowsChanged(
      this.db,
      `DELETE FROM accessibility_feedback
        WHERE created_at + make_interval(months => $2) <= $1`,
      [now, this.config.retentionFeedbackMonths],
    );
  }
}
