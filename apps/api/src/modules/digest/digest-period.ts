import { MailCadence } from '../users/dto/mail-cadence';

export type DigestCadence = MailCadence.DAILY | MailCadence.WEEKLY;

export interface DigestPeriod {
  cadence: DigestCadence;
  /** Inclusive. */
  start: Date;
  /** Exclusive. */
  end: Date;
}

const DAY_MS = 86_400_000;

/**
 * The last complete period before `now` (UTC): the day before, or the week Monday to
 * Sunday before. A digest job running any time during today (this week) sends that one;
 * running again finds it sent (digest_delivery).
 */
export function lastCompletePeriod(cadence: DigestCadence, now: Date): DigestPeriod {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  if (cadence === MailCadence.DAILY)
    return { cadence, start: new Date(today - DAY_MS), end: new Date(today) };
  // getUTCDay: 0 = Sunday … 6 = Saturday; days since Monday.
  const sinceMonday = (new Date(today).getUTCDay() + 6) % 7;
  const end = today - sinceMonday * DAY_MS;
  return { cadence, start: new Date(end - 7 * DAY_MS), end: new Date(end) };
}
