import { RegistrationStatus } from './conference.entity';
import { ConferenceException, ConferenceExceptionReason } from './conference.exception';

/**
 * Where a city's registration may go: it starts on the waitlist; the seat rule in
 * PostgreSQL (`conference_fill_seats`) confirms waiting ones in order; the city cancels a
 * waiting or confirmed one. A confirmed place is never taken back to the waitlist.
 */
export const REGISTRATION_TRANSITIONS: Readonly<
  Record<RegistrationStatus, readonly RegistrationStatus[]>
> = {
  [RegistrationStatus.WAITLISTED]: [RegistrationStatus.CONFIRMED, RegistrationStatus.CANCELLED],
  [RegistrationStatus.CONFIRMED]: [RegistrationStatus.CANCELLED],
  [RegistrationStatus.CANCELLED]: [],
};

export function canChangeRegistration(from: RegistrationStatus, to: RegistrationStatus): boolean {
  return REGISTRATION_TRANSITIONS[from].includes(to);
}

/** CONFLICT / INVALID_TRANSITION on `id` (with `from` and `to`) unless the table allows it. */
export function requireRegistrationTransition(
  from: RegistrationStatus,
  to: RegistrationStatus,
): void {
  if (canChangeRegistration(from, to)) return;
  throw ConferenceException.conflict(
    ConferenceExceptionReason.INVALID_TRANSITION,
    from === to
      ? `Already ${to.toLowerCase()}`
      : `A ${from.toLowerCase()} registration cannot become ${to.toLowerCase()}`,
    'id',
    { from, to },
  );
}
