import type { ErrorTextKey } from '../../ui/api-errors';

/** Same limits as the API (apps/api core/auth/password.ts). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Links carry 32 random bytes as base64url: 43 characters. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function isToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * Checks that need no server: empty, too short or long, and the two entries differ.
 * The API checks again (and also for common passwords and the e-mail address).
 */
export function newPasswordProblems<F extends string>(
  password: string,
  repeat: string,
  field: F,
  repeatField: F,
): Array<{ field: F; key: ErrorTextKey; values?: Record<string, number> }> {
  if (!password) return [{ field, key: 'errors.REQUIRED_PASSWORD' }];
  if (password.length < MIN_PASSWORD_LENGTH) {
    return [{ field, key: 'errors.WEAK_PASSWORD_MIN_LENGTH' }];
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    return [{ field, key: 'errors.WEAK_PASSWORD_MAX_LENGTH' }];
  }
  if (password !== repeat) return [{ field: repeatField, key: 'errors.PASSWORD_MISMATCH' }];
  return [];
}
