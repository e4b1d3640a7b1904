import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a city profile looked like after one save. */
export interface CityProfileSnapshot {
  about: string;
  focusTopicSlugs: string[];
  contactName: string | null;
  contactRole: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  address: string | null;
  website: string | null;
  brandColor: string;
  /** The logo then (its id changes with every upload), or null. */
  logo: { id: string; contentType: string; sizeBytes: number } | null;
}

@Entity('city_profile_revision')
export class CityProfileRevisionEntity {
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @PrimaryColumn({ type: 'int' })
  number!: number;

  @Column({ type: 'jsonb' })
  snapshot!: CityProfileSnapshot;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
