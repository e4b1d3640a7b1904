import { RecordStatus } from './conference-record.entity';
import { ConferenceStatus, RegistrationStatus } from './conference.entity';
import { ConferenceException, ConferenceExceptionReason } from './conference.exception';

type Transitions<S extends string> = Readonly<Record<S, readonly S[]>>;

/**
 * Where a conference may go from each status (organizers set it; saving the status a
 * conference already has changes nothing and is no transition). Registration opens and
 * closes, and may open again; held and cancelled are final.
 */
export const CONFERENCE_TRANSITIONS: Transitions<ConferenceStatus> = {
  [ConferenceStatus.PLANNED]: [ConferenceStatus.OPEN, ConferenceStatus.CANCELLED],
  [ConferenceStatus.OPEN]: [ConferenceStatus.CLOSED, ConferenceStatus.CANCELLED],
  [ConferenceStatus.CLOSED]: [
    ConferenceStatus.OPEN,
    ConferenceStatus.HELD,
    ConferenceStatus.CANCELLED,
  ],
  [ConferenceStatus.HELD]: [],
  [ConferenceStatus.CANCELLED]: [],
};

/**
 * Where a city's registration may go: it starts on the waitlist; the seat rule in
 * PostgreSQL (`conference_fill_seats`) confirms waiting ones in order; the city cancels a
 * waiting or confirmed one. A confirmed place is never taken back to the waitlist.
 */
export const REGISTRATION_TRANSITIONS: Transitions<RegistrationStatus> = {
  [RegistrationStatus.WAITLISTED]: [RegistrationStatus.CONFIRMED, RegistrationStatus.CANCELLED],
  [RegistrationStatus.CONFIRMED]: [RegistrationStatus.CANCELLED],
  [RegistrationStatus.CANCELLED]: [],
};

/** A record goes from draft to final once; a final one may still be changed (and is audited). */
export const RECORD_TRANSITIONS: Transitions<RecordStatus> = {
  [RecordStatus.DRAFT]: [RecordStatus.FINAL],
  [RecordStatus.FINAL]: [],
};

export function canChangeStatus<S extends string>(table: Transitions<S>, from: S, to: S): boolean {
  return table[from].includes(to);
}

function refused(what: string, from: string, to: string, field: string): ConferenceException {
  return ConferenceException.conflict(
    ConferenceExceptionReason.INVALID_TRANSITION,
    from === to
      ? `Already ${to.toLowerCase()}`
      : `A ${from.toLowerCase()} ${what} cannot become ${to.toLowerCase()}`,
    field,
    { from, to },
  );
}

/** CONFLICT / INVALID_TRANSITION on `input.status` unless the table allows the step. */
export function requireConferenceTransition(from: ConferenceStatus, to: ConferenceStatus): void {
  if (!canChangeStatus(CONFERENCE_TRANSITIONS, from, to))
    throw ConferenceException.conflict(
      ConferenceExceptionReason.INVALID_TRANSITION,
      'This status change is not possible',
      'input.status',
      { from, to },
    );
}

export function requireRegistrationTransition(
  from: RegistrationStatus,
  to: RegistrationStatus,
): void {
  if (!canChangeStatus(REGISTRATION_TRANSITIONS, from, to))
    throw refused('registration', from, to, 'id');
}

export function requireRecordTransition(from: RecordStatus, to: RecordStatus): void {
  if (!canChangeStatus(RECORD_TRANSITIONS, from, to)) throw refused('record', from, to, 'id');
}
