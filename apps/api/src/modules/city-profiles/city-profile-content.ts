import { z } from 'zod';
import type { UpdateCityProfileInput } from './dto/city-profile.input';
import { CityProfileException } from './city-profile.exception';

export const PROFILE_LIMITS = {
  about: 20_000,
  name: 120,
  role: 120,
  email: 254,
  phone: 40,
  address: 500,
  website: 500,
  topics: 10,
} as const;

const emailSchema = z.email();
/** Digits, spaces and the usual separators; a leading + for the country code. */
const PHONE = /^\+?[0-9 ()/.-]{3,40}$/;
const HEX = /^#[0-9a-f]{6}$/;

export interface CleanProfile {
  about: string;
  focusTopicSlugs: string[];
  contactName: string | null;
  contactRole: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  address: string | null;
  website: string | null;
  brandColor: string;
}

/**
 * Checks and tidies a profile save. Every problem is a typed INVALID_FIELD on its field
 * (`input.website`, `input.focusTopicSlugs`). Empty optional text becomes null. Any
 * valid colour keeps AA contrast: the web puts black or white text on it, whichever
 * contrasts more (at least 4.58:1 for every colour, ui/contrast.ts).
 */
export function cleanProfile(input: UpdateCityProfileInput): CleanProfile {
  const optional = (
    field: keyof UpdateCityProfileInput,
    value: string | null | undefined,
    max: number,
  ) => {
    const trimmed = value?.trim() ?? '';
    if (trimmed.length > max)
      throw CityProfileException.invalid(`input.${field}`, `${field} is too long`, { max });
    return trimmed === '' ? null : trimmed;
  };
  if (input.about.length > PROFILE_LIMITS.about)
    throw CityProfileException.invalid('input.about', 'about is too long', {
      max: PROFILE_LIMITS.about,
    });
  const slugs = [...new Set(input.focusTopicSlugs.map((slug) => slug.trim()))];
  if (slugs.length > PROFILE_LIMITS.topics)
    throw CityProfileException.invalid('input.focusTopicSlugs', 'too many focus topics', {
      max: PROFILE_LIMITS.topics,
    });
  const contactEmail = optional('contactEmail', input.contactEmail, PROFILE_LIMITS.email);
  if (contactEmail && !emailSchema.safeParse(contactEmail).success)
    throw CityProfileException.invalid('input.contactEmail', 'not an e-mail address');
  const contactPhone = optional('contactPhone', input.contactPhone, PROFILE_LIMITS.phone);
  if (contactPhone && !PHONE.test(contactPhone))
    throw CityProfileException.invalid('input.contactPhone', 'not a phone number');
  const website = optional('website', input.website, PROFILE_LIMITS.website);
  if (website && !isWebAddress(website))
    throw CityProfileException.invalid('input.website', 'website must be an http or https URL');
  const brandColor = input.brandColor.trim().toLowerCase();
  if (!HEX.test(brandColor))
    throw CityProfileException.invalid('input.brandColor', 'brand colour must be #rrggbb');
  return {
    about: input.about.trim(),
    focusTopicSlugs: slugs,
    contactName: optional('contactName', input.contactName, PROFILE_LIMITS.name),
    contactRole: optional('contactRole', input.contactRole, PROFILE_LIMITS.role),
    contactEmail,
    contactPhone,
    address: optional('address', input.address, PROFILE_LIMITS.address),
    website,
    brandColor,
  };
}

/** http(s) with a host and nothing a browser would run (javascript:, data:). */
export function isWebAddress(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}
