import { berlinToUtc, utcToBerlin, zoneOffsetMinutes } from './berlin-time';

describe('Berlin wall-clock time', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(berlinToUtc('2026-01-15T10:00')?.toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(berlinToUtc('2026-07-15T10:00')?.toISOString()).toBe('2026-07-15T08:00:00.000Z');
  });

  it('handles a conference across the spring change (last Sunday of March)', () => {
    const before = berlinToUtc('2026-03-28T18:00')!;
    const after = berlinToUtc('2026-03-29T18:00')!;
    // 24 wall-clock hours apart, but only 23 real hours.
    expect((after.getTime() - before.getTime()) / 3600000).toBe(23);
    expect(zoneOffsetMinutes(before)).toBe(60);
    expect(zoneOffsetMinutes(after)).toBe(120);
  });

  it('handles the autumn change (last Sunday of October)', () => {
    const before = berlinToUtc('2026-10-24T18:00')!;
    const after = berlinToUtc('2026-10-25T18:00')!;
    expect((after.getTime() - before.getTime()) / 3600000).toBe(25);
    // The doubled hour: the first (summer time) is taken.
    expect(berlinToUtc('2026-10-25T02:30')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('refuses a time that does not exist (spring gap) and malformed input', () => {
    expect(berlinToUtc('2026-03-29T02:30')).toBeNull();
    expect(berlinToUtc('2026-02-30T10:00')).toBeNull();
    expect(berlinToUtc('morgen früh')).toBeNull();
  });

  it('turns instants back into Berlin wall-clock time', () => {
    expect(utcToBerlin(new Date('2026-03-29T01:30:00Z'))).toBe('2026-03-29T03:30');
    expect(utcToBerlin(new Date('2026-12-01T08:00:00Z'))).toBe('2026-12-01T09:00');
  });
});
