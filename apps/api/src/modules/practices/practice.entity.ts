import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum PracticeStatus {
  DRAFT = 'DRAFT',
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

registerEnumType(PracticeStatus, { name: 'PracticeStatus' });
registerEnumType(PracticeVisibility, { name: 'PracticeVisibility' });

@ObjectType('PracticeLink')
export class PracticeLink {
  @Field()
  label!: string;

  @Field()
  url!: string;
}

/** A best-practice entry owned by a city (tenant-owned, row-level security by visibility). */
@ObjectType('Practice')
@Entity('practice')
export class PracticeEntity {
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  @Field()
  @Column({ type: 'text' })
  summary!: string;

  @Field({ description: 'Markdown' })
  @Column({ type: 'text', default: '' })
  body!: string;

  @Field(() => PracticeStatus)
  @Column({ type: 'text', default: PracticeStatus.DRAFT })
  status!: PracticeStatus;

  @Field(() => PracticeVisibility)
  @Column({ type: 'text', default: PracticeVisibility.NETWORK })
  visibility!: PracticeVisibility;

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Field(() => String, { nullable: true })
  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'contact_email', type: 'text', nullable: true })
  contactEmail!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD)' })
  @Column({ name: 'period_from', type: 'date', nullable: true })
  periodFrom!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date (YYYY-MM-DD)' })
  @Column({ name: 'period_to', type: 'date', nullable: true })
  periodTo!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  outcomes!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'resources_needed', type: 'text', nullable: true })
  resourcesNeeded!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  partners!: string | null;

  @Field(() => [PracticeLink])
  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  links!: PracticeLink[];

  @Field(() => Int, { description: 'Number of the current revision; send it back when saving' })
  @Column({ type: 'int', default: 1 })
  revision!: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;
}
