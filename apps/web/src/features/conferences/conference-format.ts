import type { Language } from '../../i18n';

/** As numberLocale of i18n, without loading i18next (keeps this file testable in node). */
function numberLocale(language: Language): string {
  return language === 'de' ? 'de-DE' : 'en-GB';
}

export const CONFERENCE_KINDS = [
  'NETWORK_MEETING',
  'REGIONAL_CONFERENCE',
  'ONLINE_EXCHANGE',
  'TRAINING',
] as const;
export const REGIONS = ['NORTH', 'EAST', 'SOUTH', 'WEST'] as const;
/** Conferences per section of the list; the list page and its preload ask for the same. */
export const CONFERENCE_PAGE_SIZE = 50;
export const CONFERENCE_ID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A Berlin wall-clock time (`YYYY-MM-DDTHH:mm`) as the API gives it. It already is
 * Berlin time: formatted in UTC so that no device time zone can shift it.
 */
function wallClock(local: string): Date {
  return new Date(`${local}:00Z`);
}

export function formatLocalDay(local: string, language: Language): string {
  const date = wallClock(local);
  if (Number.isNaN(date.getTime())) return local;
  return new Intl.DateTimeFormat(numberLocale(language), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

export function formatLocalTime(local: string): string {
  return local.slice(11, 16);
}

/** "12. März 2027, 10:00 – 13. März 2027, 16:00" or one day with two times. */
export function formatLocalRange(start: string, end: string, language: Language): string {
  const startDate = wallClock(start);
  const endDate = wallClock(end);
  if (Number.isNaN(startDate.getTime()) || Number.isNaN(endDate.getTime())) {
    return `${start} – ${end}`;
  }
  const day = new Intl.DateTimeFormat(numberLocale(language), {
    dateStyle: 'medium',
    timeZone: 'UTC',
  });
  const clock = language === 'de' ? ' Uhr' : '';
  if (start.slice(0, 10) === end.slice(0, 10)) {
    return `${day.format(startDate)}, ${formatLocalTime(start)}–${formatLocalTime(end)}${clock}`;
  }
  return `${day.format(startDate)}, ${formatLocalTime(start)}${clock} – ${day.format(endDate)}, ${formatLocalTime(end)}${clock}`;
}

/** Agenda sessions by day (YYYY-MM-DD), days and sessions in time order. */
export function groupByDay<T extends { startsAtLocal: string }>(
  sessions: readonly T[],
): Array<{ day: string; sessions: T[] }> {
  const sorted = [...sessions].sort((a, b) => a.startsAtLocal.localeCompare(b.startsAtLocal));
  const days: Array<{ day: string; sessions: T[] }> = [];
  for (const session of sorted) {
    const day = session.startsAtLocal.slice(0, 10);
    const last = days[days.length - 1];
    if (last && last.day === day) last.sessions.push(session);
    else days.push({ day, sessions: [session] });
  }
  return days;
}

export function conferencePath(id: string): string {
  return `/konferenzen/${id}`;
}
