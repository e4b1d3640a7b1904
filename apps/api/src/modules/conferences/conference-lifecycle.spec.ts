import {
  requireConferenceTransition,
  requireRecordTransition,
  requireRegistrationTransition,
} from './conference-lifecycle';
import { RecordStatus } from './conference-record.entity';
import { ConferenceStatus, RegistrationStatus } from './conference.entity';
import { ConferenceException } from './conference.exception';

/** Every (from, to) pair of a status enum, with whether the hand-written list allows it. */
function table<S extends string>(statuses: S[], allowed: string[]): Array<[S, S, boolean]> {
  const set = new Set(allowed);
  return statuses.flatMap((from) =>
    statuses.map((to): [S, S, boolean] => [from, to, set.has(`${from}→${to}`)]),
  );
}

function outcome(run: () => void): 'allowed' | Record<string, unknown> {
  try {
    run();
    return 'allowed';
  } catch (error) {
    expect(error).toBeInstanceOf(ConferenceException);
    const { code, reason, field, params, message } = error as ConferenceException;
    return { code, reason, field, params, message };
  }
}

describe('conference lifecycle', () => {
  const { PLANNED, OPEN, CLOSED, HELD, CANCELLED } = ConferenceStatus;
  const pairs = table(Object.values(ConferenceStatus), [
    `${PLANNED}→${OPEN}`,
    `${PLANNED}→${CANCELLED}`,
    `${OPEN}→${CLOSED}`,
    `${OPEN}→${CANCELLED}`,
    `${CLOSED}→${OPEN}`,
    `${CLOSED}→${HELD}`,
    `${CLOSED}→${CANCELLED}`,
  ]);

  it('has a row for each pair of statuses', () => expect(pairs).toHaveLength(25));

  it.each(pairs)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(outcome(() => requireConferenceTransition(from, to))).toEqual(
      allowed
        ? 'allowed'
        : {
            code: 'CONFLICT',
            reason: 'INVALID_TRANSITION',
            field: 'input.status',
            params: { from, to },
            message: 'This status change is not possible',
          },
    );
  });
});

describe('registration lifecycle', () => {
  const { WAITLISTED, CONFIRMED, CANCELLED } = RegistrationStatus;
  const pairs = table(Object.values(RegistrationStatus), [
    `${WAITLISTED}→${CONFIRMED}`,
    `${WAITLISTED}→${CANCELLED}`,
    `${CONFIRMED}→${CANCELLED}`,
  ]);

  it('has a row for each pair of statuses', () => expect(pairs).toHaveLength(9));

  it.each(pairs)('%s → %s allowed: %s', (from, to, allowed) => {
    const result = outcome(() => requireRegistrationTransition(from, to));
    if (allowed) return expect(result).toBe('allowed');
    expect(result).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      field: 'id',
      params: { from, to },
    });
  });

  it('says a cancelled registration is already cancelled', () => {
    expect(outcome(() => requireRegistrationTransition(CANCELLED, CANCELLED))).toMatchObject({
      message: 'Already cancelled',
    });
  });
});

describe('record lifecycle', () => {
  const { DRAFT, FINAL } = RecordStatus;
  const pairs = table(Object.values(RecordStatus), [`${DRAFT}→${FINAL}`]);

  it('has a row for each pair of statuses', () => expect(pairs).toHaveLength(4));

  it.each(pairs)('%s → %s allowed: %s', (from, to, allowed) => {
    const result = outcome(() => requireRecordTransition(from, to));
    if (allowed) return expect(result).toBe('allowed');
    expect(result).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      field: 'id',
      params: { from, to },
    });
  });

  it('says a final record is already final', () => {
    expect(outcome(() => requireRecordTransition(FINAL, FINAL))).toMatchObject({
      message: 'Already final',
    });
  });
});
