/** The languages the platform speaks. */
export type SessionTimeLanguage = 'de' | 'en';

/**
 * A Berlin wall-clock time (`YYYY-MM-DDTHH:mm`, as the API gives it) as a Date that,
 * formatted in UTC, shows exactly that time: no device time zone can shift it.
 */
function wallClock(local: string): Date {
  return new Date(`${local}:00Z`);
}

function dayOf(date: Date, language: SessionTimeLanguage): string {
  const parts = new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  // "Do., 20. Mai" would double the punctuation before the comma: "Do, 20. Mai".
  const weekday = part('weekday').replace(/\.$/, '');
  return language === 'de'
    ? `${weekday}, ${part('day')}. ${part('month')}`
    : `${weekday}, ${part('day')} ${part('month')}`;
}

/**
 * An agenda session's time as the agenda, its editor, clash messages and calendar
 * descriptions show it: "Do, 20. Mai, 10:00–11:30" (en: "Thu, 20 May, 10:00–11:30");
 * a session past midnight names both days. Takes Berlin wall-clock times.
 */
export function formatSessionTime(
  startLocal: string,
  endLocal: string,
  language: SessionTimeLanguage,
): string {
  const start = wallClock(startLocal);
  const end = wallClock(endLocal);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
    return `${startLocal}–${endLocal}`;
  const from = `${dayOf(start, language)}, ${startLocal.slice(11, 16)}`;
  return startLocal.slice(0, 10) === endLocal.slice(0, 10)
    ? `${from}–${endLocal.slice(11, 16)}`
    : `${from} – ${dayOf(end, language)}, ${endLocal.slice(11, 16)}`;
}
