import { isUuid } from '../../core/validation/uuid';
import { ConferenceException, ConferenceExceptionReason } from './conference.exception';

/**
 * The input cleaner of conference records and follow-up actions: pure, unit-tested
 * (record-input.spec.ts). `null` for a text means "not given", like leaving it out.
 */

/** More would not be read; the web links a handful per record. */
export const MAX_LINKED_PRACTICES = 50;

const TEXT_LIMITS = { minutes: 100000, decisions: 20000, outcomes: 20000 } as const;
type RecordText = keyof typeof TEXT_LIMITS;

export interface RecordTextsInput {
  minutes?: string | null;
  decisions?: string | null;
  outcomes?: string | null;
  practiceIds?: string[] | null;
}

/** The texts that change (trimmed) and the practice ids asked for (null: links stay). */
export function cleanRecord(input: RecordTextsInput): {
  texts: Partial<Record<RecordText, string>>;
  practiceIds: string[] | null;
} {
  const texts: Partial<Record<RecordText, string>> = {};
  for (const field of Object.keys(TEXT_LIMITS) as RecordText[]) {
    const value = input[field];
    if (value == null) continue;
    if (value.length > TEXT_LIMITS[field])
      throw ConferenceException.invalid(`input.${field}`, `${field} is too long`);
    texts[field] = value.trim();
  }
  const practiceIds = input.practiceIds ?? null;
  if (practiceIds && practiceIds.length > MAX_LINKED_PRACTICES)
    throw ConferenceException.invalid(
      'input.practiceIds',
      `at most ${MAX_LINKED_PRACTICES} practices per record`,
    );
  if (practiceIds?.some((id) => !isUuid(id)))
    throw ConferenceException.notFound(
      'input.practiceIds',
      ConferenceExceptionReason.PRACTICE_NOT_FOUND,
    );
  return { texts, practiceIds };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day YYYY-MM-DD that exists (no 30 February). */
export function isCalendarDay(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** What a follow-up action asks for: 3 to 1000 characters once trimmed. */
export function cleanFollowUpWhat(what: string): string {
  const trimmed = what.trim();
  if (trimmed.length < 3 || trimmed.length > 1000)
    throw ConferenceException.invalid('input.what', 'describe the action in 3 to 1000 characters');
  return trimmed;
}

/** A due day, or null for none ('' too). */
export function cleanFollowUpDueOn(dueOn: string | null | undefined): string | null {
  if (!dueOn) return null;
  if (!isCalendarDay(dueOn))
    throw ConferenceException.invalid('input.dueOn', 'not a date (YYYY-MM-DD)');
  return dueOn;
}
