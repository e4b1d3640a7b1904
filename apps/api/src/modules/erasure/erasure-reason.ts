import { hasInvalidCharacters } from '../../core/validation/text';
import { ErasureException } from './erasure.exception';

export const MAX_REASON_LENGTH = 500;

/** The organizer's reason, trimmed; typed errors for an empty, too long or broken one. */
export function cleanReason(reason: string, field: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 3 || hasInvalidCharacters(trimmed))
    throw ErasureException.reasonRequired(field);
  if (trimmed.length > MAX_REASON_LENGTH)
    throw ErasureException.reasonTooLong(field, MAX_REASON_LENGTH);
  return trimmed;
}
