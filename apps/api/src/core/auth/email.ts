import { z } from 'zod';
import { AuthException } from './auth.exception';

const emailSchema = z.email();

/** Trims and lower-cases an address, or throws a typed INVALID_EMAIL error. */
export function normalizeEmail(input: string, field: string): string {
  const email = input.trim().toLowerCase();
  if (email.length > 254 || !emailSchema.safeParse(email).success)
    throw AuthException.invalidEmail(field);
  return email;
}
