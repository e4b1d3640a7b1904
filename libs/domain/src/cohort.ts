/**
 * Cohorts and the support period. A city's cohort is the year it joined the network;
 * the network supports it for three years, then it is an alumna: still a member, and
 * the pool of experienced tandem partners.
 *
 * "Year 1" is the joining calendar year itself (Europe/Berlin): a city that joined in
 * 2026 is in year 1 for all of 2026, also on 2026-12-02; year 2 is 2027, year 3 is
 * 2028, and from 1 January 2029 it is alumni ("Alumni seit 2029"). A cohort that lies
 * in the future (admitted for next year) counts as year 1 too.
 */
export enum SupportPhase {
  YEAR_1 = 'YEAR_1',
  YEAR_2 = 'YEAR_2',
  YEAR_3 = 'YEAR_3',
  ALUMNI = 'ALUMNI',
}

export const SUPPORT_PHASES = Object.values(SupportPhase);

/** Length of the support period in years. */
export const SUPPORT_YEARS = 3;

const YEAR_PHASES = [SupportPhase.YEAR_1, SupportPhase.YEAR_2, SupportPhase.YEAR_3] as const;

/** The calendar year of a moment in Berlin (1 January starts there, not in UTC). */
export function berlinYear(moment: Date): number {
  const year = new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'Europe/Berlin' })
    .formatToParts(moment)
    .find((part) => part.type === 'year')?.value;
  return Number(year);
}

/** Where a city of the cohort `joinedYear` stands on `today`. */
export function supportPhase(joinedYear: number, today: Date): SupportPhase {
  const index = berlinYear(today) - joinedYear;
  if (index >= SUPPORT_YEARS) return SupportPhase.ALUMNI;
  return YEAR_PHASES[Math.max(0, index)];
}

/** 1, 2 or 3 for the support years, null for alumni. */
export function supportYear(phase: SupportPhase): 1 | 2 | 3 | null {
  const index = YEAR_PHASES.indexOf(phase as (typeof YEAR_PHASES)[number]);
  return index < 0 ? null : ((index + 1) as 1 | 2 | 3);
}

/** The first year a cohort counts as alumni ("Alumni seit 2027" for the 2024 cohort). */
export function alumniSince(joinedYear: number): number {
  return joinedYear + SUPPORT_YEARS;
}
