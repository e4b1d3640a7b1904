import { berlinToUtc, utcToBerlin } from '../../core/time/berlin-time';
import { MailCadence } from '../users/dto/mail-cadence';

export type DigestCadence = MailCadence.DAILY | MailCadence.WEEKLY;

export interface DigestPeriod {
  cadence: DigestCadence;
  /** Inclusive. */
  start: Date;
  /** Exclusive. */
  end: Date;
}

/** Berlin wall-clock hour from which the period that ended at midnight is sent. */
export const DIGEST_SEND_HOUR = 6;

const DAY_MS = 86_400_000;

/** A calendar date (no time of day) `days` later; UTC arithmetic on dates is exact. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Midnight at the start of a Berlin calendar date as an instant (never in a DST gap). */
function berlinMidnight(date: string): Date {
  return berlinToUtc(`${date}T00:00`) as Date;
}

/**
 * The period whose digest is due at `now`, in Europe/Berlin calendar time: a daily digest
 * covers one Berlin calendar day (23 or 25 hours on the DST Sundays), a weekly one Monday
 * 00:00 to Monday 00:00 Berlin time. A period is sent from 06:00 Berlin time after it
 * ended (the daily one the next morning, the weekly one on Monday morning); before 06:00
 * the one before is still the latest due. A job running any time later sends that one;
 * running again finds it sent (digest_delivery).
 */
export function lastCompletePeriod(cadence: DigestCadence, now: Date): DigestPeriod {
  const local = utcToBerlin(now);
  let today = local.slice(0, 10);
  if (Number(local.slice(11, 13)) < DIGEST_SEND_HOUR) today = addDays(today, -1);
  if (cadence === MailCadence.DAILY)
    return { cadence, start: berlinMidnight(addDays(today, -1)), end: berlinMidnight(today) };
  // getUTCDay of the date itself: 0 = Sunday … 6 = Saturday; days since Monday.
  const sinceMonday = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
  const monday = addDays(today, -sinceMonday);
  return { cadence, start: berlinMidnight(addDays(monday, -7)), end: berlinMidnight(monday) };
}
