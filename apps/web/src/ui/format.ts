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
