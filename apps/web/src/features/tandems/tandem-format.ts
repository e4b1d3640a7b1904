import type { TandemStatus, TandemSummaryFragment } from '../../generated/graphql';

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

/** Today in Berlin as YYYY-MM-DD, the default date of a visit. */
export function todayInBerlin(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
}
