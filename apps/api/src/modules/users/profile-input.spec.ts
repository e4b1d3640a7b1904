import { AuthException } from '../../core/auth/auth.exception';
import { cleanDisplayName, cleanProfileChanges } from './profile-input';

function refusal(run: () => unknown): { code: string; field: string | undefined } | null {
  try {
    run();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AuthException);
    const exception = error as AuthException;
    return { code: exception.code, field: exception.field };
  }
}

describe('cleanDisplayName', () => {
  it('trims and keeps names of 2 to 120 characters', () => {
    expect(cleanDisplayName('  Ada Lovelace ', 'f')).toBe('Ada Lovelace');
    expect(cleanDisplayName('Al', 'f')).toBe('Al');
    expect(cleanDisplayName('x'.repeat(120), 'f')).toHaveLength(120);
  });

  it.each(['', '   ', 'A', ' A ', 'x'.repeat(121)])('refuses %j on the given field', (name) => {
    expect(refusal(() => cleanDisplayName(name, 'input.displayName'))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.displayName',
    });
  });
});

describe('cleanProfileChanges', () => {
  it('changes nothing for fields left out or null', () => {
    expect(cleanProfileChanges({})).toEqual({});
    expect(
      cleanProfileChanges({ displayName: null, locale: null, emailNotifications: null }),
    ).toEqual({});
  });

  it('takes every given field, cleaned', () => {
    expect(
      cleanProfileChanges({ displayName: ' Grace ', locale: 'en', emailNotifications: false }),
    ).toEqual({
      displayName: 'Grace',
      locale: 'en',
      mailTandem: 'NEVER',
      mailCity: 'NEVER',
      mailNetwork: 'NEVER',
    });
  });

  it('sets streams one by one; a named stream wins over the old switch', () => {
    expect(cleanProfileChanges({ emailNotifications: true, mailNetwork: 'DAILY' })).toEqual({
      mailTandem: 'IMMEDIATE',
      mailCity: 'IMMEDIATE',
      mailNetwork: 'DAILY',
    });
    expect(() => cleanProfileChanges({ mailCity: 'HOURLY' })).toThrow(/cadence/);
  });

  it.each(['fr', 'DE', '', 'de-DE'])('refuses the locale %j', (locale) => {
    expect(refusal(() => cleanProfileChanges({ locale }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.locale',
    });
  });

  it('refuses a bad name before anything is changed', () => {
    expect(refusal(() => cleanProfileChanges({ displayName: 'x', locale: 'en' }))).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.displayName',
    });
  });
});
