import {
  berlinDay,
  berlinMonth,
  byDay,
  calendarNames,
  monthRange,
  monthWeeks,
  nextDay,
  parseMonth,
  shiftMonth,
} from './calendar-month';

describe('calendar month', () => {
  it('reads a month from the URL, or nothing', () => {
    expect(parseMonth('2027-05')).toEqual({ year: 2027, month: 5 });
    for (const bad of ['2027-13', '2027-5', 'Mai', '', null, '0001-01'])
      expect(parseMonth(bad)).toBeNull();
  });

  it('moves across year ends', () => {
    expect(shiftMonth(2027, 1, -1)).toBe('2026-12');
    expect(shiftMonth(2027, 12, 1)).toBe('2028-01');
    expect(shiftMonth(2027, 5, 0)).toBe('2027-05');
  });

  it('knows the Berlin month at midnight of New Year (UTC still in the old year)', () => {
    expect(berlinMonth(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01');
    expect(berlinMonth(new Date('2027-05-31T21:59:00Z'))).toBe('2027-05');
  });

  it('knows the Berlin day and the day after, across month and year ends', () => {
    expect(berlinDay(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(berlinDay(new Date('2027-03-28T00:30:00Z'))).toBe('2027-03-28');
    expect(nextDay('2027-02-28')).toBe('2027-03-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });

  it('lays out whole weeks from Monday, the range for the API', () => {
    const weeks = monthWeeks(2027, 5); // 1 May 2027 is a Saturday
    expect(weeks).toHaveLength(6);
    expect(weeks[0][0]).toEqual({ date: '2027-04-26', day: 26, inMonth: false });
    expect(weeks[0][5]).toEqual({ date: '2027-05-01', day: 1, inMonth: true });
    expect(weeks[5][0]).toEqual({ date: '2027-05-31', day: 31, inMonth: true });
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(monthWeeks(2027, 2)).toHaveLength(4); // February 2027 starts on a Monday
    expect(monthRange(2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('puts a conference on every day it spans, also over a daylight-saving change', () => {
    const days = byDay([
      { id: 'a', startsAtLocal: '2027-03-27T10:00', endsAtLocal: '2027-03-29T12:00' },
      { id: 'b', startsAtLocal: '2027-03-28T09:00', endsAtLocal: '2027-03-28T10:00' },
    ]);
    expect([...days.keys()]).toEqual(['2027-03-27', '2027-03-28', '2027-03-29']);
    expect(days.get('2027-03-28')!.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('names months and weekdays in German and English', () => {
    const de = calendarNames(2027, 5, 'de-DE');
    expect(de.title).toBe('Mai 2027');
    expect(de.weekdays[0].long).toBe('Montag');
    const en = calendarNames(2027, 5, 'en-GB');
    expect(en.title).toBe('May 2027');
    expect(en.weekdays[6].long).toBe('Sunday');
  });
});
