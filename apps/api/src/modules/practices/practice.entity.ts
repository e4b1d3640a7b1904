import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum PracticeStatus {
  DRAFT = 'DRAFT',
  /** A draft a member submitted; its coordinators publish it or send it back. */
  IN_REVIEW = 'IN_REVIEW',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

export enum PracticeVisibility {
  /** Only the own city. */
  CITY = 'CITY',
  /** All member cities of the network. */
  NETWORK = 'NETWORK',
  /** Also anonymous visitors. */
  PUBLIC = 'PUBLIC',
}

/** A web link of a practice, stored in its `links` column. */
export interface PracticeLink {
  label: string;
  url: string;
}

/**
 * A best-practice entry owned by a city (tenant-owned, row-level security by visibility).
 * Storage only: what the API shows is `dto/practice.type.ts`.
 */
@Entity('practice')
export class PracticeEntity {
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text', default: '' })
  body!: string;

  @Column({ type: 'text', default: PracticeStatus.DRAFT })
  status!: PracticeStatus;

  @Column({ type: 'text', default: PracticeVisibility.NETWORK })
  visibility!: PracticeVisibility;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Column({ name: 'period_from', type: 'date', nullable: true })
  periodFrom!: string | null;

  @Column({ name: 'period_to', type: 'date', nullable: true })
  periodTo!: string | null;

  @Column({ type: 'text', nullable: true })
  outcomes!: string | null;

  @Column({ name: 'resources_needed', type: 'text', nullable: true })
  resourcesNeeded!: string | null;

  @Column({ type: 'text', nullable: true })
  partners!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  links!: PracticeLink[];

  @Column({ type: 'int', default: 1 })
  revision!: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  /** What a coordinator said when sending the practice back (until it is submitted again). */
  @Column({ name: 'review_comment', type: 'text', nullable: true })
  reviewComment!: string | null;

  @Column({ name: 'review_comment_at', type: 'timestamptz', nullable: true })
  reviewCommentAt!: Date | null;

  @Column({ name: 'review_comment_by', type: 'uuid', nullable: true })
  reviewCommentBy!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
