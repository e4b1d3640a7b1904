import { CityKind, SupportPhase, supportPhase } from '@wissensnetz/domain';
import { CityException } from './city.exception';
import { cohortRange, FIRST_COHORT, MAX_SEARCH_LENGTH, validateCityFilter } from './city-filter';

const NOW = new Date('2026-06-01T12:00:00Z');

function refusal(run: () => unknown): { code: string; reason: string; field?: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(CityException);
    const { code, reason, field } = error as CityException;
    return { code, reason, field };
  }
}

describe('validateCityFilter', () => {
  it('answers an empty filter for none', () => {
    expect(validateCityFilter(null, NOW)).toEqual({});
    expect(validateCityFilter(undefined, NOW)).toEqual({});
  });

  it('trims, upper-cases the state and drops empty values', () => {
    expect(
      validateCityFilter(
        { federalState: ' de-ni ', joinedYear: 2024, kind: CityKind.CITY, search: '  Goch ' },
        NOW,
      ),
    ).toEqual({ federalState: 'DE-NI', joinedYear: 2024, kind: CityKind.CITY, search: 'Goch' });
    expect(validateCityFilter({ federalState: '  ', search: '   ' }, NOW)).toEqual({
      federalState: null,
      joinedYear: null,
      kind: null,
      search: null,
    });
  });

  it.each(['DE-XX', 'NI', 'Niedersachsen', 'AT-9'])('refuses the state %j', (federalState) => {
    expect(refusal(() => validateCityFilter({ federalState }, NOW))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_FEDERAL_STATE',
      field: 'filter.federalState',
    });
  });

  it('accepts cohorts from the first one to next year, no others', () => {
    expect(validateCityFilter({ joinedYear: FIRST_COHORT }, NOW).joinedYear).toBe(FIRST_COHORT);
    expect(validateCityFilter({ joinedYear: 2027 }, NOW).joinedYear).toBe(2027);
    for (const joinedYear of [FIRST_COHORT - 1, 2028, 0, -2024])
      expect(refusal(() => validateCityFilter({ joinedYear }, NOW))).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'JOINED_YEAR_OUT_OF_RANGE',
        field: 'filter.joinedYear',
      });
  });

  it('limits the search text, counted after trimming', () => {
    const longest = 'a'.repeat(MAX_SEARCH_LENGTH);
    expect(validateCityFilter({ search: `  ${longest}  ` }, NOW).search).toBe(longest);
    expect(refusal(() => validateCityFilter({ search: `${longest}a` }, NOW))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'SEARCH_TOO_LONG',
      field: 'filter.search',
    });
  });
});

describe('cohortRange', () => {
  const DAY = new Date('2026-12-02T10:00:00Z');

  it('gives each support phase its joining years on a day', () => {
    expect(cohortRange(SupportPhase.YEAR_1, DAY)).toEqual({ from: 2026, to: null });
    expect(cohortRange(SupportPhase.YEAR_2, DAY)).toEqual({ from: 2025, to: 2025 });
    expect(cohortRange(SupportPhase.YEAR_3, DAY)).toEqual({ from: 2024, to: 2024 });
    expect(cohortRange(SupportPhase.ALUMNI, DAY)).toEqual({ from: null, to: 2023 });
  });

  it('agrees with supportPhase for every cohort', () => {
    for (let year = 2010; year <= 2027; year += 1) {
      const { from, to } = cohortRange(supportPhase(year, DAY), DAY);
      expect(from === null || year >= from).toBe(true);
      expect(to === null || year <= to).toBe(true);
    }
  });
});
