import { apiProblems } from '../../ui/api-errors';
import { formatLocalDay, formatLocalRange, groupByDay } from './conference-format';

describe('conference format', () => {
  it('shows Berlin wall-clock times as given, whatever the device zone', () => {
    expect(formatLocalRange('2027-03-28T01:30', '2027-03-28T04:00', 'de')).toBe(
      '28.03.2027, 01:30–04:00 Uhr',
    );
    expect(formatLocalRange('2027-09-23T10:00', '2027-09-24T15:00', 'de')).toBe(
      '23.09.2027, 10:00 Uhr – 24.09.2027, 15:00 Uhr',
    );
    expect(formatLocalRange('2027-09-23T10:00', '2027-09-24T15:00', 'en')).toBe(
      '23 Sept 2027, 10:00 – 24 Sept 2027, 15:00',
    );
    expect(formatLocalDay('2028-03-14T00:00', 'de')).toBe('Dienstag, 14. März 2028');
  });

  it('groups agenda sessions by day in time order', () => {
    const days = groupByDay([
      { id: 'c', startsAtLocal: '2027-09-24T09:00' },
      { id: 'b', startsAtLocal: '2027-09-23T14:00' },
      { id: 'a', startsAtLocal: '2027-09-23T10:00' },
    ]);
    expect(days.map((day) => [day.day, day.sessions.map((s) => s.id)])).toEqual([
      ['2027-09-23', ['a', 'b']],
      ['2027-09-24', ['c']],
    ]);
  });

  it('puts a room clash on the room field with its own text', () => {
    const [problem] = apiProblems({
      graphQLErrors: [
        { extensions: { code: 'CONFLICT', reason: 'ROOM_TAKEN', field: 'input.room' } },
      ],
    });
    expect(problem).toEqual({
      field: 'room',
      path: 'room',
      text: { key: 'errors.ROOM_TAKEN' },
    });
  });

  it('marks the right participant row of a registration', () => {
    const [problem] = apiProblems({
      graphQLErrors: [
        {
          extensions: {
            code: 'BAD_USER_INPUT',
            reason: 'INVALID_FIELD',
            field: 'input.participants.1.email',
          },
        },
      ],
    });
    expect(problem?.path).toBe('participants.1.email');
  });
});
