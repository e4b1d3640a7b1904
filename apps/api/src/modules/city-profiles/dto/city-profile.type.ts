import { Field, Int, ObjectType } from '@nestjs/graphql';
import { renderMarkdown } from '../../../core/markdown/markdown';
import type { CityProfileEntity } from '../city-profile.entity';

/**
 * A city's public profile. The contact person's e-mail and phone are the city's public
 * contact: the coordinator publishes them here on purpose (the editor says so).
 */
@ObjectType('CityProfile')
export class CityProfileType {
  @Field({ description: 'Markdown' })
  about!: string;

  @Field({ description: 'The about text rendered to safe HTML (headings from h3)' })
  aboutHtml!: string;

  @Field(() => String, { nullable: true })
  contactName!: string | null;

  @Field(() => String, { nullable: true })
  contactRole!: string | null;

  @Field(() => String, { nullable: true })
  contactEmail!: string | null;

  @Field(() => String, { nullable: true })
  contactPhone!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal address' })
  address!: string | null;

  @Field(() => String, { nullable: true, description: 'http or https URL' })
  website!: string | null;

  @Field({ description: '#rrggbb' })
  brandColor!: string;

  @Field(() => String, { nullable: true, description: 'Where the logo is served, if any' })
  logoUrl!: string | null;

  @Field(() => Int, { description: 'Number of saves so far; a save names the one it started from' })
  revision!: number;

  @Field(() => Date, { nullable: true })
  updatedAt!: Date | null;
}

/** What the mapper reads of a stored profile: the resolver loads it, the type shows it. */
export type StoredCityProfile = Pick<
  CityProfileEntity,
  | 'about'
  | 'contactName'
  | 'contactRole'
  | 'contactEmail'
  | 'contactPhone'
  | 'address'
  | 'website'
  | 'brandColor'
  | 'logoId'
  | 'revision'
  | 'updatedAt'
>;

export function logoUrl(citySlug: string, profile: StoredCityProfile): string | null {
  return profile.logoId
    ? `/files/cities/${encodeURIComponent(citySlug)}/logo?v=${profile.logoId}`
    : null;
}

export function toCityProfile(citySlug: string, profile: StoredCityProfile): CityProfileType {
  return {
    about: profile.about,
    aboutHtml: renderMarkdown(profile.about, { topHeading: 3 }),
    contactName: profile.contactName,
    contactRole: profile.contactRole,
    contactEmail: profile.contactEmail,
    contactPhone: profile.contactPhone,
    address: profile.address,
    website: profile.website,
    brandColor: profile.brandColor,
    logoUrl: logoUrl(citySlug, profile),
    revision: profile.revision,
    updatedAt: profile.revision > 0 ? profile.updatedAt : null,
  };
}
