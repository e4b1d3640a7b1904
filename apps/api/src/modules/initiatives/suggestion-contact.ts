import { normalizeEmail } from '../../core/auth/email';
import { InitiativeException } from './initiative.exception';
import { optionalText } from './initiative-input';

export interface ContactInput {
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  contactConsent: boolean;
}

export interface CleanContact {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * Contact details are stored only with explicit consent; without any, null. Contact
 * details without consent are refused (typed), not silently dropped: the resident sees why.
 */
export function cleanContact(input: ContactInput): CleanContact | null {
  const name = optionalText(input.contactName, 120, 'input.contactName');
  const rawEmail = optionalText(input.contactEmail, 254, 'input.contactEmail');
  const phone = optionalText(input.contactPhone, 40, 'input.contactPhone');
  if (phone && !/^[0-9+()/ .-]{3,40}$/.test(phone))
    throw InitiativeException.invalid('input.contactPhone', 'Digits, spaces, + ( ) / - only');
  const email = rawEmail ? normalizeEmail(rawEmail, 'input.contactEmail') : null;
  if (!name && !email && !phone) return null;
  if (!input.contactConsent) throw InitiativeException.consentRequired();
  return { name, email, phone };
}
