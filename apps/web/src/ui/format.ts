import { numberLocale, type Language } from '../i18n';

/** Dates and times as people in Germany read them: in Berlin time, whatever the device says. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(numberLocale(language), {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

export function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(numberLocale(language), {
    dateStyle: 'medium',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

/**
 * A calendar date (YYYY-MM-DD) as people read it. It is a date, not a moment: formatted
 * in UTC so no time zone can move it to the day before.
 */
export function formatDay(day: string, language: Language): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(numberLocale(language), {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(date);
}
