import { AuthException } from './auth.exception';
import { normalizeEmail } from './email';
import { checkPasswordStrength, hashPassword, verifyPassword } from './password';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('ein langes Passwort');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'ein langes Passwort')).toBe(true);
    expect(await verifyPassword(hash, 'ein anderes Passwort')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
  });

  it.each([
    ['kurz', 'MIN_LENGTH'],
    ['1234567890', 'TOO_COMMON'],
    ['aaaaaaaaaaaa', 'TOO_COMMON'],
    ['koordination-goch-2024', 'CONTAINS_EMAIL'],
  ])('rejects %s as %s', (password, rule) => {
    expect.assertions(2);
    try {
      checkPasswordStrength(password, 'koordination@goch.example', 'input.password');
    } catch (error) {
      expect(error).toBeInstanceOf(AuthException);
      expect((error as AuthException).params).toEqual({ rule });
    }
  });

  it('accepts a decent password', () => {
    expect(() =>
      checkPasswordStrength('Rhein und Main 2024', 'a@b.example', 'input.password'),
    ).not.toThrow();
  });

  it('normalises e-mail addresses and rejects garbage', () => {
    expect(normalizeEmail('  Koordination@Goch.Example ', 'input.email')).toBe(
      'koordination@goch.example',
    );
    expect(() => normalizeEmail('keine-adresse', 'input.email')).toThrow(AuthException);
  });
});
