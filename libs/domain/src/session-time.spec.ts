import { describe, expect, it } from 'vitest';
import { formatSessionTime } from './session-time';

describe('formatSessionTime', () => {
  it('shows weekday, day, month and the two times in German and English', () => {
    expect(formatSessionTime('2027-05-18T10:00', '2027-05-18T11:30', 'de')).toBe(
      'Di, 18. Mai, 10:00–11:30',
    );
    expect(formatSessionTime('2027-05-18T10:00', '2027-05-18T11:30', 'en')).toBe(
      'Tue, 18 May, 10:00–11:30',
    );
  });

  it('keeps the Berlin wall-clock time on either side of a daylight-saving change', () => {
    expect(formatSessionTime('2027-03-28T01:30', '2027-03-28T03:30', 'de')).toBe(
      'So, 28. März, 01:30–03:30',
    );
  });

  it('names both days for a session past midnight', () => {
    expect(formatSessionTime('2027-05-20T22:00', '2027-05-21T01:00', 'de')).toBe(
      'Do, 20. Mai, 22:00 – Fr, 21. Mai, 01:00',
    );
  });
});
