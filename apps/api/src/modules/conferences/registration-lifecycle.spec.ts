import { RegistrationStatus } from './conference.entity';
import { ConferenceException } from './conference.exception';
import { canChangeRegistration, requireRegistrationTransition } from './registration-lifecycle';

const { WAITLISTED, CONFIRMED, CANCELLED } = RegistrationStatus;

// Written out by hand: the seat rule confirms a waiting registration; the city cancels a
// waiting or a confirmed one. Everything else is refused.
const ALLOWED = new Set([
  `${WAITLISTED}→${CONFIRMED}`,
  `${WAITLISTED}→${CANCELLED}`,
  `${CONFIRMED}→${CANCELLED}`,
]);
const statuses = Object.values(RegistrationStatus);
const pairs = statuses.flatMap((from) => statuses.map((to) => [from, to] as const));

function refusal(from: RegistrationStatus, to: RegistrationStatus): unknown {
  try {
    requireRegistrationTransition(from, to);
  } catch (error) {
    expect(error).toBeInstanceOf(ConferenceException);
    return error;
  }
  return undefined;
}

describe('registration lifecycle', () => {
  it('has a row for every pair of statuses', () => expect(pairs).toHaveLength(9));

  it.each(pairs)('%s → %s', (from, to) => {
    const allowed = ALLOWED.has(`${from}→${to}`);
    expect(canChangeRegistration(from, to)).toBe(allowed);
    if (allowed) return expect(refusal(from, to)).toBeUndefined();
    expect(refusal(from, to)).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      field: 'id',
      params: { from, to },
    });
  });

  it('says a cancelled registration is already cancelled', () => {
    expect(refusal(CANCELLED, CANCELLED)).toMatchObject({ message: 'Already cancelled' });
  });
});
