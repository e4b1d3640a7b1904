import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { JobRegistry } from '../../core/jobs/job-registry';
import type { ScheduledJob } from '../../core/jobs/scheduled-job';
import { rowsChanged } from '../../core/jobs/rows-changed';
import { SYSTEM_DB } from '../../database/system-db';

/**
 * Audit entries older than RETENTION_AUDIT_MONTHS keep their actor only as a pseudonym:
 * `actor_user_id` is cleared and `actor_pseudonym` set to a keyed hash of it (key in
 * `audit_pseudonym_key`, owner only). The same person gives the same pseudonym, so a
 * pattern ("these changes were one person's") stays visible without naming them; only
 * the operator, holding the key and the account, could link it back (Art. 4 Nr. 5 DSGVO).
 * Once the account is deleted, nobody can.
 */
@Injectable()
export class AuditRetentionJob implements ScheduledJob, OnModuleInit {
  readonly name = 'retention-audit';
  readonly everyMs = 24 * 3_600_000;
  private readonly logger = new Logger(AuditRetentionJob.name);

  constructor(
    private readonly registry: JobRegistry,
    @Inject(SYSTEM_DB) private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async run(now: Date): Promise<void> {
    const entries = await this.pseudonymise(now);
    if (entries > 0)
      this.logger.log(
        `pseudonymised the actors of ${entries} audit entries older than ${this.config.retentionAuditMonths} months`,
      );
  }

  /** Pseudonymises what is due as of `now`; returns how many entries it changed. */
  async pseudonymise(now: Date): Promise<number> {
    return rowsChanged(
      this.db,
      `UPDATE audit_log a
          SET actor_pseudonym = 'P-' || left(encode(sha256(convert_to(k.secret || ':' || a.actor_user_id::text, 'UTF8')), 'hex'), 16),
              actor_user_id = NULL
         FROM audit_pseudonym_key k
        WHERE a.actor_user_id IS NOT NULL
          AND a.created_at + make_interval(months => $2) <= $1`,
      [now, this.config.retentionAuditMonths],
    );
  }
}
