import { AuthException } from '../../core/auth/auth.exception';
import { CADENCES_WHEN_ON, MailCadence } from './dto/mail-cadence';

export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 120;
export const LOCALES = ['de', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** A person's name as others will see it: trimmed, 2 to 120 characters, else a typed error on `field`. */
export function cleanDisplayName(value: string, field: string): string {
  const name = value.trim();
  if (name.length < DISPLAY_NAME_MIN || name.length > DISPLAY_NAME_MAX)
    throw AuthException.invalidInput(
      field,
      `Please give a name of ${DISPLAY_NAME_MIN} to ${DISPLAY_NAME_MAX} characters`,
    );
  return name;
}

export interface ProfileInput {
  displayName?: string | null;
  locale?: string | null;
  emailNotifications?: boolean | null;
  mailTandem?: string | null;
  mailCity?: string | null;
  mailNetwork?: string | null;
}

export interface ProfileChanges {
  displayName?: string;
  locale?: Locale;
  mailTandem?: MailCadence;
  mailCity?: MailCadence;
  mailNetwork?: MailCadence;
}

const STREAM_FIELDS = ['mailTandem', 'mailCity', 'mailNetwork'] as const;

/** The changes an `updateMe` input asks for; a field left out or null stays as it is. */
export function cleanProfileChanges(input: ProfileInput): ProfileChanges {
  const changes: ProfileChanges = {};
  if (input.displayName != null)
    changes.displayName = cleanDisplayName(input.displayName, 'input.displayName');
  if (input.locale != null) {
    const locale = LOCALES.find((known) => known === input.locale);
    if (!locale) throw AuthException.invalidInput('input.locale', 'Locale must be de or en');
    changes.locale = locale;
  }
  // The old switch sets every stream; a stream named as well wins.
  if (input.emailNotifications === true) Object.assign(changes, CADENCES_WHEN_ON);
  if (input.emailNotifications === false)
    for (const field of STREAM_FIELDS) changes[field] = MailCadence.NEVER;
  for (const field of STREAM_FIELDS) {
    const value = input[field];
    if (value == null) continue;
    const cadence = Object.values(MailCadence).find((known) => known === value);
    if (!cadence) throw AuthException.invalidInput(`input.${field}`, 'Unknown e-mail cadence');
    changes[field] = cadence;
  }
  return changes;
}
