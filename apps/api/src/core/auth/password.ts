import argon2 from 'argon2';
import { AuthException } from './auth.exception';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

/** Passwords too common to allow, whatever their length. */
const COMMON = new Set([
  'passwort123',
  'password123',
  '1234567890',
  'qwertz1234',
  'qwerty1234',
  'hallo12345',
  'wissensnetz',
  'engagierte-stadt',
]);

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verified against when the e-mail is unknown, so both cases take the same time. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('no-such-user-' + Math.random().toString(36));
  return dummyHash;
}

/** Throws a typed WEAK_PASSWORD error naming the rule that failed. */
export function checkPasswordStrength(password: string, email: string, field: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw AuthException.weakPassword(field, 'MIN_LENGTH');
  if (password.length > MAX_PASSWORD_LENGTH) throw AuthException.weakPassword(field, 'MAX_LENGTH');
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || new Set(lower).size < 4)
    throw AuthException.weakPassword(field, 'TOO_COMMON');
  const localPart = email.split('@')[0]?.toLowerCase() ?? '';
  if (localPart.length >= 4 && lower.includes(localPart))
    throw AuthException.weakPassword(field, 'CONTAINS_EMAIL');
}
