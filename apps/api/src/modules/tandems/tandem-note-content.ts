import { TandemNoteKind } from './tandem-note.entity';
import { TandemException } from './tandem.exception';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What a member writes into a note (adding and editing alike). */
export interface NoteInput {
  body: string;
  visitDate?: string | null;
  place?: string | null;
}

export interface NoteContent {
  body: string;
  visitDate: string | null;
  place: string | null;
}

/**
 * The note as stored: trimmed, empty optional fields as null; BAD_USER_INPUT on the
 * offending field otherwise (the limits match the table's CHECKs).
 */
export function cleanNote(input: NoteInput, kind: TandemNoteKind): NoteContent {
  const body = input.body.trim();
  if (body.length < 1 || body.length > 20000)
    throw TandemException.invalid('input.body', 'a note needs 1 to 20000 characters');
  const visitDate = input.visitDate?.trim() || null;
  if (visitDate && !isCalendarDate(visitDate))
    throw TandemException.invalid('input.visitDate', 'not a date (YYYY-MM-DD)');
  if (kind === TandemNoteKind.VISIT && !visitDate)
    throw TandemException.invalid('input.visitDate', 'a visit needs its date');
  const place = input.place?.trim() || null;
  if (place && place.length > 200)
    throw TandemException.invalid('input.place', 'the place is too long');
  return { body, visitDate, place };
}

/** YYYY-MM-DD naming a day that exists (no 2026-02-30). */
function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const day = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === value;
}
