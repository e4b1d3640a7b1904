import { alumniSince, berlinYear, supportPhase, SupportPhase, supportYear } from './cohort';

describe('supportPhase', () => {
  it('counts the joining year as year 1, also late in that year', () => {
    expect(supportPhase(2026, new Date('2026-12-02T10:00:00Z'))).toBe(SupportPhase.YEAR_1);
    expect(supportPhase(2026, new Date('2026-01-01T00:00:00+01:00'))).toBe(SupportPhase.YEAR_1);
  });

  it('moves on each 1 January: year 2, year 3, then alumni', () => {
    const day = new Date('2026-12-02T10:00:00Z');
    expect(supportPhase(2025, day)).toBe(SupportPhase.YEAR_2);
    expect(supportPhase(2024, day)).toBe(SupportPhase.YEAR_3);
    expect(supportPhase(2023, day)).toBe(SupportPhase.ALUMNI);
    expect(supportPhase(2012, day)).toBe(SupportPhase.ALUMNI);
  });

  it('turns the year in Berlin, not in UTC', () => {
    // 23:30 UTC on 31 December is already 1 January in Berlin.
    const newYearsNight = new Date('2026-12-31T23:30:00Z');
    expect(berlinYear(newYearsNight)).toBe(2027);
    expect(supportPhase(2024, newYearsNight)).toBe(SupportPhase.ALUMNI);
    expect(supportPhase(2024, new Date('2026-12-31T22:30:00Z'))).toBe(SupportPhase.YEAR_3);
  });

  it('treats a cohort admitted for next year as year 1', () => {
    expect(supportPhase(2027, new Date('2026-12-02T10:00:00Z'))).toBe(SupportPhase.YEAR_1);
  });

  it('names the support year and the first alumni year', () => {
    expect(supportYear(SupportPhase.YEAR_1)).toBe(1);
    expect(supportYear(SupportPhase.YEAR_3)).toBe(3);
    expect(supportYear(SupportPhase.ALUMNI)).toBeNull();
    expect(alumniSince(2024)).toBe(2027);
  });
});
