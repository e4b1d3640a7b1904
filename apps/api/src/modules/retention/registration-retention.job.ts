import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { JobRegistry } from '../../core/jobs/job-registry';
import type { ScheduledJob } from '../../core/jobs/scheduled-job';
import { SYSTEM_DB } from '../../database/system-db';

export interface RegistrationRetentionResult {
  participants: number;
  registrations: number;
}

/**
 * Participant data of conference registrations ends RETENTION_REGISTRATION_MONTHS after the
 * conference's end: the participant rows (name, e-mail, role, stated needs) are deleted and
 * the registration no longer says which account registered it. The registration itself stays
 * — city, status, participant count, dates — because the attendance figures (how many from
 * where, confirmed or waitlisted) are counted from it, not from the participant rows.
 *
 * On the owner connection: it spans every city's registrations, which no actor may read.
 */
@Injectable()
export class RegistrationRetentionJob implements ScheduledJob, OnModuleInit {
  readonly name = 'retention-registrations';
  readonly everyMs = 24 * 3_600_000;
  private readonly logger = new Logger(RegistrationRetentionJob.name);

  constructor(
    private readonly registry: JobRegistry,
    @Inject(SYSTEM_DB) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async run(now: Date): Promise<void> {
    const result = await this.purge(now);
    if (result.participants > 0)
      this.logger.log(
        `deleted ${result.participants} participant entries of ${result.registrations} registrations (conferences ended ${this.config.retentionRegistrationMonths} months before ${now.toISOString()})`,
      );
  }

  /** Deletes what is due as of `now`; running it again for the same `now` finds nothing. */
  purge(now: Date): Promise<RegistrationRetentionResult> {
    const months = this.config.retentionRegistrationMonths;
    return this.db.transaction(async (manager) => {
      const [deleted] = (await manager.query(
        `WITH gone AS (
           DELETE FROM registration_participant p
            USING registration r JOIN conference c ON c.id = r.conference_id
            WHERE p.city_id = r.city_id AND p.registration_id = r.id
              AND c.ends_at + make_interval(months => $2) <= $1
           RETURNING p.city_id, p.registration_id)
         SELECT count(*)::int AS participants,
                count(DISTINCT (city_id, registration_id))::int AS registrations
           FROM gone`,
        [now, months],
      )) as RegistrationRetentionResult[];
      await manager.query(
        `UPDATE registration r SET registered_by = NULL
           FROM conference c
          WHERE c.id = r.conference_id AND r.registered_by IS NOT NULL
            AND c.ends_at + make_interval(months => $2) <= $1`,
        [now, months],
      );
      return deleted;
    });
  }
}
