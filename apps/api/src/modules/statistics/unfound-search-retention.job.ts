import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { JobRegistry } from '../../core/jobs/job-registry';
import type { ScheduledJob } from '../../core/jobs/scheduled-job';
import { rowsChanged } from '../../core/jobs/rows-changed';
import { utcToBerlin } from '../../core/time/berlin-time';
import { SYSTEM_DB } from '../../database/system-db';

/** How long unfound search words are kept, in months. */
export const UNFOUND_SEARCH_RETENTION_MONTHS = 12;

/** Deletes the days of unfound search words older than 12 months. */
@Injectable()
export class UnfoundSearchRetentionJob implements ScheduledJob, OnModuleInit {
  readonly name = 'retention-unfound-searches';
  readonly everyMs = 24 * 3_600_000;
  private readonly logger = new Logger(UnfoundSearchRetentionJob.name);

  constructor(
    private readonly registry: JobRegistry,
    @Inject(SYSTEM_DB) private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async run(now: Date): Promise<void> {
    const removed = await this.removeExpired(now);
    if (removed > 0) this.logger.log(`deleted ${removed} days of unfound search words`);
  }

  /** Deletes what is due as of `now`; returns how many rows (word × day) it deleted. */
  async removeExpired(now: Date): Promise<number> {
    return rowsChanged(
      this.db,
      `DELETE FROM unfound_search
        WHERE day <= $1::date - make_interval(months => $2)`,
      [utcToBerlin(now).slice(0, 10), UNFOUND_SEARCH_RETENTION_MONTHS],
    );
  }
}
