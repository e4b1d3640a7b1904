import {
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { SYSTEM_DB } from '../../database/system-db';
import type { AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { JOB_CLOCK, SYSTEM_CLOCK, type JobClock } from './job-clock';
import { isDue } from './job-due';
import { JobRegistry } from './job-registry';
import type { ScheduledJob } from './scheduled-job';

/** First key of the advisory locks (the second is the job name's hash): "wn j" in ASCII. */
const JOB_LOCK_SPACE = 0x776e206a;
/** Run records kept per job (older ones are deleted after each run). */
const KEEP_RUNS = 50;
const MAX_ERROR_LENGTH = 2000;

/** What one pass over the registered jobs did with each (tests and logs). */
export type JobOutcome = 'ran' | 'failed' | 'not-due' | 'busy';

/**
 * Runs every registered ScheduledJob when it is due, on one instance at a time.
 *
 * Every JOBS_POLL_MS it passes over the jobs one after the other. For each it takes a
 * PostgreSQL advisory lock for the job's name in a transaction of its own (try-lock: an
 * instance that does not get it skips the job this time), reads the job's latest run from
 * `scheduled_job_run` and, when that is at least `everyMs` ago, records a run and calls
 * `job.run(now)`. "Due" thus lives in the database: it survives restarts and is the same
 * for every instance, and the lock makes a second instance wait for the first instance's
 * record instead of running alongside. The lock ends with its transaction, so an instance
 * that dies mid-run frees it; its run stays recorded (unfinished), and the job is due again
 * one interval later. A failing job is logged and its error recorded; the next run comes
 * one interval later like any other, and the other jobs run regardless.
 *
 * "now" comes from the JobClock (the system clock in production), so tests construct a
 * scheduler with a clock they move. Started on application start when JOBS_ENABLED; the
 * command-line tools build no Nest application and so never run jobs.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobScheduler.name);
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private pass?: Promise<Map<string, JobOutcome>>;

  constructor(
    private readonly registry: JobRegistry,
    @Inject(SYSTEM_DB) private readonly db: DataSource,
    @Inject(APP_CONFIG)
    private readonly config: Pick<AppConfig, 'jobsEnabled' | 'jobsPollMs' | 'jobsShutdownWaitMs'>,
    @Inject(JOB_CLOCK) private readonly clock: JobClock = SYSTEM_CLOCK,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.timer = setInterval(() => void this.tick(), this.config.jobsPollMs);
    void this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Starts no more jobs; waits for a running one at most JOBS_SHUTDOWN_WAIT_MS. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (!this.pass) return;
    let bound: NodeJS.Timeout | undefined;
    const waited = await Promise.race([
      this.pass.then(() => true),
      new Promise<boolean>((done) => {
        bound = setTimeout(() => done(false), this.config.jobsShutdownWaitMs);
      }),
    ]);
    clearTimeout(bound);
    if (!waited)
      this.logger.warn(
        `a scheduled job still runs after ${this.config.jobsShutdownWaitMs} ms; shutting down without it`,
      );
  }

  /**
   * One pass over the registered jobs: runs those that are due. A pass while one is under
   * way returns that one's result instead of starting a second.
   */
  tick(): Promise<Map<string, JobOutcome>> {
    if (this.pass) return this.pass;
    const pass = this.runDueJobs().finally(() => {
      this.pass = undefined;
    });
    this.pass = pass;
    return pass;
  }

  private async runDueJobs(): Promise<Map<string, JobOutcome>> {
    const outcomes = new Map<string, JobOutcome>();
    for (const job of this.registry.list()) {
      if (this.stopped) break;
      try {
        outcomes.set(job.name, await this.runIfDue(job));
      } catch (error) {
        // The database is away (or similar): the next poll tries again.
        this.logger.error(`scheduled job ${job.name} could not be checked: ${errorText(error)}`);
        outcomes.set(job.name, 'busy');
      }
    }
    return outcomes;
  }

  private async runIfDue(job: ScheduledJob): Promise<JobOutcome> {
    // The lock is the transaction's: it ends with it, whatever happens to the connection.
    const runner = this.db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      const [lock] = (await runner.query(
        'SELECT pg_try_advisory_xact_lock($1::int, hashtext($2)) AS locked',
        [JOB_LOCK_SPACE, job.name],
      )) as Array<{ locked: boolean }>;
      if (!lock.locked) return 'busy';
      const now = this.clock.now();
      // The latest run recorded (by insertion, so a clock that went back heals, see isDue).
      const [last] = (await runner.query(
        'SELECT ran_for FROM scheduled_job_run WHERE name = $1 ORDER BY id DESC LIMIT 1',
        [job.name],
      )) as Array<{ ran_for: Date }>;
      if (!isDue(last?.ran_for ?? null, job.everyMs, now)) return 'not-due';
      // Recorded outside the lock's transaction, so the run shows at once and stays recorded
      // when this instance dies during it.
      const [run] = (await this.db.query(
        'INSERT INTO scheduled_job_run (name, ran_for, started_at) VALUES ($1, $2, $3) RETURNING id',
        [job.name, now, now],
      )) as Array<{ id: string }>;
      let error: string | null = null;
      try {
        await job.run(now);
      } catch (failure) {
        error = errorText(failure).slice(0, MAX_ERROR_LENGTH);
        this.logger.error(`scheduled job ${job.name} (for ${now.toISOString()}) failed: ${error}`);
      }
      await this.db.query(
        'UPDATE scheduled_job_run SET finished_at = $2, error = $3 WHERE id = $1',
        [run.id, this.clock.now(), error],
      );
      await this.db.query(
        `DELETE FROM scheduled_job_run WHERE name = $1 AND id NOT IN (
           SELECT id FROM scheduled_job_run WHERE name = $1 ORDER BY id DESC LIMIT ${KEEP_RUNS})`,
        [job.name],
      );
      return error ? 'failed' : 'ran';
    } finally {
      await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/** The scheduler (the registry it reads is the global JobRegistryModule). */
@Module({
  providers: [JobScheduler, { provide: JOB_CLOCK, useValue: SYSTEM_CLOCK }],
  exports: [JobScheduler],
})
export class JobSchedulerModule {}
