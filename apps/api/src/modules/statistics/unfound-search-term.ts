/** Longest search word kept: longer texts are sentences, often pasted, often personal. */
export const UNFOUND_TERM_MAX = 60;

const EMAIL_LIKE = /[^\s@]+@[^\s@]+/;
// Six digits or more, with the separators people write phone numbers with.
const PHONE_LIKE = /\+?\d[\d\s/().-]{4,}\d/;
const LONG_NUMBER = /\d{6,}/;

/**
 * The form a search word is logged in when it found nothing: trimmed, lower case, inner
 * white space collapsed. `null` when it must not be logged at all: empty, longer than
 * UNFOUND_TERM_MAX, or looking like an e-mail address or a phone number (someone searching
 * for a person; that would put personal data into a table that holds none).
 */
export function unfoundSearchTerm(query: string): string | null {
  const term = query.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('de-DE');
  if (!term || term.length > UNFOUND_TERM_MAX) return null;
  if (EMAIL_LIKE.test(term) || PHONE_LIKE.test(term) || LONG_NUMBER.test(term)) return null;
  return term;
}
