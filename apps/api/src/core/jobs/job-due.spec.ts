import { isDue, nextDueAt } from './job-due';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

describe('when a scheduled job is due', () => {
  it('is due when it never ran', () => {
    expect(isDue(null, HOUR, at('2027-01-01T00:00:00Z'))).toBe(true);
    expect(nextDueAt(null, HOUR, at('2027-01-01T00:00:00Z'))).toEqual(at('2027-01-01T00:00:00Z'));
  });

  it('waits one interval after the run it last recorded, then is due', () => {
    const last = at('2027-01-01T00:00:00Z');
    expect(isDue(last, HOUR, at('2027-01-01T00:59:59.999Z'))).toBe(false);
    expect(isDue(last, HOUR, at('2027-01-01T01:00:00Z'))).toBe(true);
    expect(isDue(last, HOUR, at('2027-03-01T00:00:00Z'))).toBe(true);
    expect(nextDueAt(last, HOUR, at('2027-01-01T00:30:00Z'))).toEqual(at('2027-01-01T01:00:00Z'));
  });

  it('is not due again for the same time (a second instance, a restart)', () => {
    const last = at('2027-01-01T00:00:00Z');
    expect(isDue(last, HOUR, last)).toBe(false);
  });

  it('tolerates clocks that disagree by less than an interval, but heals a clock that went back', () => {
    const last = at('2027-01-01T00:00:00Z');
    // Another instance's clock is a minute behind: not due twice.
    expect(isDue(last, HOUR, at('2026-12-31T23:59:00Z'))).toBe(false);
    // The system clock was a year ahead and got corrected: due, instead of waiting a year.
    expect(isDue(at('2028-01-01T00:00:00Z'), HOUR, last)).toBe(true);
  });
});
