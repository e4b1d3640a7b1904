/**
 * Where the scheduler takes "now" from. Production uses the system clock; tests construct a
 * JobScheduler with a clock they move (`{ now: () => at }`) instead of waiting.
 */
export interface JobClock {
  now(): Date;
}

export const JOB_CLOCK = Symbol('JOB_CLOCK');

export const SYSTEM_CLOCK: JobClock = { now: () => new Date() };
