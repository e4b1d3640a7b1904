import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { ScheduledJob } from '../../core/jobs/scheduled-job';
import { SYSTEM_DB } from '../../database/system-db';

/** Failed exports are kept this long (the person sees that it failed), then deleted. */
const KEEP_FAILED_DAYS = 7;

/**
 * Deletes data exports whose files have expired (and old failed ones): the files are
 * the row, so nothing of the copy outlives `expires_at` by more than one run.
 */
@Injectable()
export class DataExportExpiryJob implements ScheduledJob {
  readonly name = 'data-export-expiry';
  readonly everyMs = 60 * 60 * 1000;

  constructor(@Inject(SYSTEM_DB) private readonly db: DataSource) {}

  async run(now: Date): Promise<void> {
    await this.db.query(
      `DELETE FROM data_export
        WHERE (status = 'READY' AND expires_at <= $1)
           OR (status = 'FAILED' AND created_at <= $1::timestamptz - ($2::int * interval '1 day'))`,
      [now, KEEP_FAILED_DAYS],
    );
  }
}
