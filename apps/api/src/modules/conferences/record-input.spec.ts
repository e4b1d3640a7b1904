import { ErrorCode } from '../../core/errors/error-code';
import { ConferenceException } from './conference.exception';
import {
  cleanFollowUpDueOn,
  cleanFollowUpWhat,
  cleanRecord,
  isCalendarDay,
  MAX_LINKED_PRACTICES,
} from './record-input';

function refusal(run: () => unknown): { code: string; reason: string; field: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof ConferenceException)) throw error;
    return { code: error.code, reason: error.reason, field: error.field ?? '' };
  }
}

const PRACTICE = '0b9b7a4e-8d1f-4c1e-9a51-1f2d3c4b5a60';

describe('cleanRecord', () => {
  it('changes only the texts given, trimmed; null is not given', () => {
    expect(cleanRecord({ decisions: ' Beschluss ', minutes: null, outcomes: undefined })).toEqual({
      texts: { decisions: 'Beschluss' },
      practiceIds: null,
    });
    expect(cleanRecord({ minutes: '' }).texts).toEqual({ minutes: '' });
  });

  it.each([
    ['minutes', 100000],
    ['decisions', 20000],
    ['outcomes', 20000],
  ] as const)('bounds %s at %i characters', (field, max) => {
    expect(refusal(() => cleanRecord({ [field]: 'x'.repeat(max) }))).toBeNull();
    expect(refusal(() => cleanRecord({ [field]: 'x'.repeat(max + 1) }))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      reason: 'INVALID_FIELD',
      field: `input.${field}`,
    });
  });

  it('takes up to 50 practice ids, each a uuid; null leaves the links alone', () => {
    expect(cleanRecord({ practiceIds: null }).practiceIds).toBeNull();
    expect(cleanRecord({ practiceIds: [] }).practiceIds).toEqual([]);
    expect(cleanRecord({ practiceIds: [PRACTICE] }).practiceIds).toEqual([PRACTICE]);
    expect(
      refusal(() =>
        cleanRecord({
          practiceIds: Array.from({ length: MAX_LINKED_PRACTICES + 1 }, () => PRACTICE),
        }),
      ),
    ).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, field: 'input.practiceIds' });
    expect(refusal(() => cleanRecord({ practiceIds: [PRACTICE, 'keine-id'] }))).toEqual({
      code: ErrorCode.NOT_FOUND,
      reason: 'PRACTICE_NOT_FOUND',
      field: 'input.practiceIds',
    });
  });
});

describe('follow-up actions', () => {
  it('describe the action in 3 to 1000 characters, trimmed', () => {
    expect(cleanFollowUpWhat('  Leitfaden verschicken ')).toBe('Leitfaden verschicken');
    expect(cleanFollowUpWhat('abc')).toBe('abc');
    for (const what of ['  x  ', '', 'y'.repeat(1001)])
      expect(refusal(() => cleanFollowUpWhat(what))).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'INVALID_FIELD',
        field: 'input.what',
      });
  });

  it('are due on a day that exists, or on none', () => {
    expect(cleanFollowUpDueOn('2028-02-29')).toBe('2028-02-29');
    expect(cleanFollowUpDueOn(null)).toBeNull();
    expect(cleanFollowUpDueOn(undefined)).toBeNull();
    expect(cleanFollowUpDueOn('')).toBeNull();
    for (const day of [
      '2027-02-29',
      '2026-13-01',
      '2026-04-31',
      'bald',
      '2026-7-1',
      '2026-07-01T10:00',
    ])
      expect(refusal(() => cleanFollowUpDueOn(day))).toEqual({
        code: ErrorCode.BAD_USER_INPUT,
        reason: 'INVALID_FIELD',
        field: 'input.dueOn',
      });
  });

  it('know calendar days', () => {
    expect(isCalendarDay('2026-12-31')).toBe(true);
    expect(isCalendarDay('2026-00-10')).toBe(false);
    expect(isCalendarDay('2026-01-00')).toBe(false);
  });
});
