import { InitiativeException } from './initiative.exception';
import { optionalText, requiredText } from './initiative-input';

export const MAX_RESULTS_AT_ONCE = 20;

/** Today in Europe/Berlin as YYYY-MM-DD (where the initiatives are). */
export function berlinToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(now);
}

/** A real day from 2000-01-01 up to today: a workshop is recorded after it was held. */
export function heldOnOf(value: string, field: string, today = berlinToday()): string {
  const text = value.trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const day = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : null;
  if (!day || day.toISOString().slice(0, 10) !== text)
    throw InitiativeException.invalid(field, 'A date as YYYY-MM-DD');
  if (text < '2000-01-01' || text > today)
    throw InitiativeException.invalid(field, 'The day it was held: not in the future');
  return text;
}

export function participantsOf(value: number, field: string): number {
  if (!Number.isInteger(value) || value < 0 || value > 100_000)
    throw InitiativeException.invalid(field, 'Between 0 and 100000');
  return value;
}

/** What a workshop form sends, checked and trimmed (lengths as the table's checks). */
export function workshopFields(
  input: { title: string; heldOn: string; participants: number; outcomes: string },
  prefix = 'input',
) {
  return {
    title: requiredText(input.title, 200, `${prefix}.title`),
    heldOn: heldOnOf(input.heldOn, `${prefix}.heldOn`),
    participants: participantsOf(input.participants, `${prefix}.participants`),
    outcomes: optionalText(input.outcomes, 8000, `${prefix}.outcomes`) ?? '',
  };
}

export function resultTexts(texts: string[], field = 'input.texts'): string[] {
  const cleaned = texts
    .map((text, index) => ({ text: text.trim(), index }))
    .filter((entry) => entry.text.length > 0);
  if (cleaned.length === 0) throw InitiativeException.invalid(field, 'Please fill this in');
  if (cleaned.length > MAX_RESULTS_AT_ONCE)
    throw InitiativeException.invalid(field, `At most ${MAX_RESULTS_AT_ONCE} at once`);
  return cleaned.map((entry) => requiredText(entry.text, 4000, `${field}.${entry.index}`));
}
