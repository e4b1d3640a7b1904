/**
 * The month view's calendar arithmetic on plain dates (YYYY-MM-DD, Berlin days), with
 * no device time zone involved: dates are built and read in UTC.
 */
export interface CalendarDay {
  date: string;
  day: number;
  inMonth: boolean;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `2027-05` from the URL, or null when it is not a month. */
export function parseMonth(value: string | null): { year: number; month: number } | null {
  const match = value ? MONTH.exec(value) : null;
  if (!match) return null;
  const year = Number(match[1]);
  return year >= 1970 && year <= 9999 ? { year, month: Number(match[2]) } : null;
}

export function formatMonth(year: number, month: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month `delta` months away, as `YYYY-MM`. */
export function shiftMonth(year: number, month: number, delta: number): string {
  const index = year * 12 + (month - 1) + delta;
  return formatMonth(Math.floor(index / 12), (index % 12) + 1);
}

/** Today's month in Berlin. */
export function berlinMonth(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

/** Today's date in Berlin, `YYYY-MM-DD`. */
export function berlinDay(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Berlin',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The day after `date` (`YYYY-MM-DD`). */
export function nextDay(date: string): string {
  return iso(new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000));
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** First and last day of the month (the API's from/to filter, inclusive). */
export function monthRange(year: number, month: number): { from: string; to: string } {
  return {
    from: iso(new Date(Date.UTC(year, month - 1, 1))),
    to: iso(new Date(Date.UTC(year, month, 0))),
  };
}

/** Whole weeks, Monday first (as in Germany), covering the month. */
export function monthWeeks(year: number, month: number): CalendarDay[][] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const offset = (first.getUTCDay() + 6) % 7; // Monday = 0
  const start = Date.UTC(year, month - 1, 1 - offset);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const count = Math.ceil((offset + last) / 7) * 7;
  const weeks: CalendarDay[][] = [];
  for (let i = 0; i < count; i++) {
    const date = new Date(start + i * 86_400_000);
    if (i % 7 === 0) weeks.push([]);
    weeks[weeks.length - 1].push({
      date: iso(date),
      day: date.getUTCDate(),
      inMonth: date.getUTCMonth() === month - 1,
    });
  }
  return weeks;
}

/** Conferences on each day they span (Berlin wall-clock `YYYY-MM-DDTHH:mm`). */
export function byDay<T extends { startsAtLocal: string; endsAtLocal: string }>(
  conferences: readonly T[],
): Map<string, T[]> {
  const days = new Map<string, T[]>();
  const sorted = [...conferences].sort((a, b) => a.startsAtLocal.localeCompare(b.startsAtLocal));
  for (const conference of sorted) {
    const end = conference.endsAtLocal.slice(0, 10);
    let day = new Date(`${conference.startsAtLocal.slice(0, 10)}T00:00:00Z`);
    // A guard against a broken span: at most a year of days.
    for (let n = 0; n < 366 && iso(day) <= end; n++) {
      const key = iso(day);
      days.set(key, [...(days.get(key) ?? []), conference]);
      day = new Date(day.getTime() + 86_400_000);
    }
  }
  return days;
}

/** Month name with year and the weekday names (Monday first) in the UI language. */
export function calendarNames(
  year: number,
  month: number,
  locale: string,
): { title: string; weekdays: Array<{ short: string; long: string }> } {
  const title = new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 1)));
  // 2024-01-01 was a Monday.
  const weekdays = Array.from({ length: 7 }, (_, i) => {
    const date = new Date(Date.UTC(2024, 0, 1 + i));
    const name = (weekday: 'short' | 'long') =>
      new Intl.DateTimeFormat(locale, { weekday, timeZone: 'UTC' }).format(date);
    return { short: name('short'), long: name('long') };
  });
  return { title, weekdays };
}
