import { RecordStatus } from './conference-record.entity';
import { ConferenceException, ConferenceExceptionReason } from './conference.exception';

/**
 * A record goes from draft to final once. A final record may still be changed by
 * organizers (RECORD_CHANGE_FINAL, audited); that is an edit, not a status change.
 */
export const RECORD_TRANSITIONS: Readonly<Record<RecordStatus, readonly RecordStatus[]>> = {
  [RecordStatus.DRAFT]: [RecordStatus.FINAL],
  [RecordStatus.FINAL]: [],
};

export function canChangeRecord(from: RecordStatus, to: RecordStatus): boolean {
  return RECORD_TRANSITIONS[from].includes(to);
}

/** CONFLICT / INVALID_TRANSITION on `id` (with `from` and `to`) unless the table allows it. */
export function requireRecordTransition(from: RecordStatus, to: RecordStatus): void {
  if (canChangeRecord(from, to)) return;
  throw ConferenceException.conflict(
    ConferenceExceptionReason.INVALID_TRANSITION,
    from === to
      ? `Already ${to.toLowerCase()}`
      : `A ${from.toLowerCase()} record cannot become ${to.toLowerCase()}`,
    'id',
    { from, to },
  );
}
