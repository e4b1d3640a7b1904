import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A city's public profile, edited by its coordinators (one row per city). */
@Entity('city_profile')
export class CityProfileEntity {
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @Column({ type: 'text' })
  about!: string;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ name: 'contact_role', type: 'text', nullable: true })
  contactRole!: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Column({ name: 'brand_color', type: 'text' })
  brandColor!: string;

  @Column({ name: 'logo_id', type: 'uuid', nullable: true })
  logoId!: string | null;

  @Column({ name: 'logo_content_type', type: 'text', nullable: true })
  logoContentType!: string | null;

  @Column({ name: 'logo_size_bytes', type: 'int', nullable: true })
  logoSizeBytes!: number | null;

  @Column({ name: 'logo_storage_key', type: 'text', nullable: true })
  logoStorageKey!: string | null;

  @Column({ type: 'int' })
  revision!: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** What a city shows before its first save (a city admitted after the profiles arrived). */
export function emptyProfile(cityId: string): CityProfileEntity {
  return Object.assign(new CityProfileEntity(), {
    cityId,
    about: '',
    contactName: null,
    contactRole: null,
    contactEmail: null,
    contactPhone: null,
    address: null,
    website: null,
    brandColor: '#1f5f8b',
    logoId: null,
    logoContentType: null,
    logoSizeBytes: null,
    logoStorageKey: null,
    revision: 0,
    updatedBy: null,
    updatedAt: new Date(0),
  });
}
