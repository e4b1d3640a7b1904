import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { JobRegistry } from '../../core/jobs/job-registry';
import type { ScheduledJob } from '../../core/jobs/scheduled-job';
import { rowsChanged } from '../../core/jobs/rows-changed';
import { SYSTEM_DB } from '../../database/system-db';

export interface SignInRetentionResult {
  sessions: number;
  passwordResets: number;
  invitations: number;
  loginCounters: number;
}

/**
 * Purges what no longer lets anybody in: sessions past their lifetime or idle longer than
 * SESSION_IDLE_MINUTES (they are refused already; the row only kept IP address and browser),
 * password-reset tokens that were used or expired, invitations past their expiry (accepted,
 * revoked or never used: who invited whom stays in the audit log), and expired
 * failed-login counters. The same rules as the checks that refuse them, on the job's clock.
 */
@Injectable()
export class SignInRetentionJob implements ScheduledJob, OnModuleInit {
  readonly name = 'retention-sign-in';
  readonly everyMs = 3_600_000;
  private readonly logger = new Logger(SignInRetentionJob.name);

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
    const total = Object.values(result).reduce((sum, count) => sum + count, 0);
    if (total > 0) this.logger.log(`purged ${JSON.stringify(result)}`);
  }

  /** Deletes what is due as of `now`; running it again for the same `now` finds nothing. */
  async purge(now: Date): Promise<SignInRetentionResult> {
    const count = (statement: string, params: unknown[]) => rowsChanged(this.db, statement, params);
    return {
      sessions: await count(
        `DELETE FROM user_session
          WHERE expires_at <= $1 OR last_seen_at <= $1::timestamptz - make_interval(mins => $2)`,
        [now, this.config.sessionIdleMinutes],
      ),
      passwordResets: await count(
        'DELETE FROM password_reset WHERE used_at <= $1 OR expires_at <= $1',
        [now],
      ),
      invitations: await count('DELETE FROM invitation WHERE expires_at <= $1', [now]),
      // rate-limiter-flexible's layout: expire is epoch milliseconds (null: never).
      loginCounters: await count('DELETE FROM login_throttle WHERE expire <= $1', [now.getTime()]),
    };
  }
}
