import { berlinToday, heldOnOf, participantsOf, resultTexts } from './workshop-input';

describe('workshop input', () => {
  it('takes a real day up to today (Berlin) and refuses others on the field', () => {
    expect(heldOnOf(' 2026-11-20 ', 'input.heldOn', '2026-12-02')).toBe('2026-11-20');
    expect(heldOnOf('2026-12-02', 'input.heldOn', '2026-12-02')).toBe('2026-12-02');
    for (const bad of ['2026-12-03', '2026-02-30', '20.11.2026', '1999-12-31', ''])
      expect(() => heldOnOf(bad, 'input.heldOn', '2026-12-02')).toThrow(
        expect.objectContaining({ field: 'input.heldOn', reason: 'INVALID_VALUE' }),
      );
  });

  it('knows today in Berlin, not in UTC', () => {
    expect(berlinToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });

  it('counts participants from 0 to 100000, whole numbers only', () => {
    expect(participantsOf(0, 'p')).toBe(0);
    expect(participantsOf(100_000, 'p')).toBe(100_000);
    for (const bad of [-1, 100_001, 1.5, Number.NaN])
      expect(() => participantsOf(bad, 'p')).toThrow(expect.objectContaining({ field: 'p' }));
  });

  it('keeps the filled results, names a bad one by its row, refuses none or too many', () => {
    expect(resultTexts([' a ', '', 'b'])).toEqual(['a', 'b']);
    expect(() => resultTexts(['ok', 'x'.repeat(4001)])).toThrow(
      expect.objectContaining({ field: 'input.texts.1' }),
    );
    expect(() => resultTexts([' '])).toThrow(expect.objectContaining({ field: 'input.texts' }));
    expect(() => resultTexts(Array.from({ length: 21 }, () => 'x'))).toThrow(
      expect.objectContaining({ field: 'input.texts' }),
    );
  });
});
