import type { TandemStatus, TandemSummaryFragment } from '../../generated/graphql';
import type { Language } from '../../i18n';
import { numberLocale } from '../../i18n';

/** The order of the organizers' board: what needs doing first. */
export const TANDEM_STATUSES: readonly TandemStatus[] = [
  'PROPOSED',
  'ACTIVE',
  'CONCLUDED',
  'DECLINED',
];

export type TandemCity = TandemSummaryFragment['newCity'];

/** The path of a tandem's page, under one of its two cities. */
export function tandemPath(citySlug: string, tandemId: string): string {
  return `/${citySlug}/tandems/${tandemId}`;
}

/** The other city of the pair, seen from `citySlug`. */
export function partnerOf(
  tandem: Pick<TandemSummaryFragment, 'newCity' | 'partnerCity'>,
  citySlug: string,
): TandemCity {
  return tandem.newCity.slug === citySlug ? tandem.partnerCity : tandem.newCity;
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

/** Today in Berlin as YYYY-MM-DD, the default date of a visit. */
export function todayInBerlin(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}
