/**
 * A piece of periodic work (retention purges, digests). Features register their jobs
 * with the JobRegistry in `onModuleInit`; the scheduler runs each due job on one
 * instance only and passes the time it runs for, so tests drive a job with any clock
 * (`run(new Date('2027-03-01T00:00:00Z'))`) instead of waiting.
 */
export interface ScheduledJob {
  /** Unique, kebab-case: "retention-registrations", "digest-weekly". Used in logs and run records. */
  readonly name: string;
  /** How often the job is due, in milliseconds. */
  readonly everyMs: number;
  /** Does the work as of `now`. Idempotent: running twice for the same `now` changes nothing more. */
  run(now: Date): Promise<void>;
}
