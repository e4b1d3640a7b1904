import { hasInvalidCharacters } from '../../core/validation/text';
import { isUuid } from '../../core/validation/uuid';
import { InitiativeException } from './initiative.exception';

/** A required text, trimmed; a typed error on the field when empty, too long or malformed. */
export function requiredText(value: string, max: number, field: string): string {
  const text = value.trim();
  if (text.length === 0) throw InitiativeException.invalid(field, 'Please fill this in');
  return checked(text, max, field);
}

/** An optional text: empty becomes null. */
export function optionalText(value: string | null | undefined, max: number, field: string) {
  const text = (value ?? '').trim();
  return text.length === 0 ? null : checked(text, max, field);
}

function checked(text: string, max: number, field: string): string {
  if (text.length > max) throw InitiativeException.invalid(field, `At most ${max} characters`);
  if (hasInvalidCharacters(text)) throw InitiativeException.invalid(field, 'Invalid characters');
  return text;
}

export function requiredId(value: string, field: string): string {
  if (!isUuid(value)) throw InitiativeException.invalid(field, 'The id is not valid');
  return value;
}

const RESERVED_SLUGS = ['neu'];

export function slugOf(value: string, field: string): string {
  const slug = value.trim().toLowerCase();
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug) || slug.length > 80)
    throw InitiativeException.invalid(field, 'Lower-case letters, digits and hyphens');
  // `/<city>/initiativen/neu` is the page that starts one.
  if (RESERVED_SLUGS.includes(slug)) throw InitiativeException.invalid(field, 'Reserved address');
  return slug;
}
