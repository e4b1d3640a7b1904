/**
 * Whether a job is due at `now`, given the time its latest recorded run ran for (null:
 * never ran). Due once `everyMs` have passed since then. A latest run more than one
 * interval in the future means the clock went back (a corrected system clock): then the
 * job is due, and the run it records sets things right. Smaller differences (instances
 * whose clocks disagree by less than an interval) wait as usual, so skew does not double a run.
 */
export function isDue(lastRanFor: Date | null, everyMs: number, now: Date): boolean {
  if (!lastRanFor) return true;
  const since = now.getTime() - lastRanFor.getTime();
  return since >= everyMs || since < -everyMs;
}

/** When the job is next due (now when it is due already). */
export function nextDueAt(lastRanFor: Date | null, everyMs: number, now: Date): Date {
  if (isDue(lastRanFor, everyMs, now)) return now;
  return new Date((lastRanFor as Date).getTime() + everyMs);
}
