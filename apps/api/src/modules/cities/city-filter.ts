import { berlinYear, isFederalStateCode, SupportPhase, SUPPORT_YEARS } from '@wissensnetz/domain';
import { CityException, CityExceptionReason } from './city.exception';
import type { CityFilter } from './dto/city-filter.input';

export const MAX_SEARCH_LENGTH = 100;
export const FIRST_COHORT = 2000;

/** Checks a filter before it reaches SQL; returns it trimmed. */
export function validateCityFilter(
  filter: CityFilter | null | undefined,
  now = new Date(),
): CityFilter {
  if (!filter) return {};
  const state = filter.federalState?.trim().toUpperCase();
  if (state !== undefined && state !== '' && !isFederalStateCode(state)) {
    throw new CityException(
      CityExceptionReason.UNKNOWN_FEDERAL_STATE,
      `federalState must be an ISO 3166-2:DE code such as DE-NI, not "${filter.federalState}"`,
      'filter.federalState',
    );
  }
  const lastCohort = now.getFullYear() + 1;
  if (
    filter.joinedYear != null &&
    (filter.joinedYear < FIRST_COHORT || filter.joinedYear > lastCohort)
  ) {
    throw new CityException(
      CityExceptionReason.JOINED_YEAR_OUT_OF_RANGE,
      `joinedYear must lie between ${FIRST_COHORT} and ${lastCohort}`,
      'filter.joinedYear',
      { min: FIRST_COHORT, max: lastCohort },
    );
  }
  const search = filter.search?.trim();
  if (search && search.length > MAX_SEARCH_LENGTH) {
    throw new CityException(
      CityExceptionReason.SEARCH_TOO_LONG,
      `search must be at most ${MAX_SEARCH_LENGTH} characters`,
      'filter.search',
      { max: MAX_SEARCH_LENGTH },
    );
  }
  return {
    federalState: state || null,
    joinedYear: filter.joinedYear ?? null,
    kind: filter.kind ?? null,
    ...(filter.supportPhase ? { supportPhase: filter.supportPhase } : {}),
    search: search || null,
  };
}

/** The cohorts in a support phase on `now`, as a range of joining years (inclusive; null: open). */
export function cohortRange(
  phase: SupportPhase,
  now: Date,
): { from: number | null; to: number | null } {
  const year = berlinYear(now);
  switch (phase) {
    case SupportPhase.YEAR_1:
      // A cohort admitted for next year counts as year 1 too (see libs/domain cohort.ts).
      return { from: year, to: null };
    case SupportPhase.YEAR_2:
      return { from: year - 1, to: year - 1 };
    case SupportPhase.YEAR_3:
      return { from: year - 2, to: year - 2 };
    case SupportPhase.ALUMNI:
      return { from: null, to: year - SUPPORT_YEARS };
    default: {
      const unknown: never = phase;
      throw new Error(`unknown support phase ${String(unknown)}`);
    }
  }
}
