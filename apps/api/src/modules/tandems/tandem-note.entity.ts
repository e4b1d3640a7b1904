import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a tandem note is (the API enum: dto/tandem-enums.ts). */
export enum TandemNoteKind {
  NOTE = 'NOTE',
  AGREEMENT = 'AGREEMENT',
  VISIT = 'VISIT',
  QUESTION = 'QUESTION',
}

/**
 * Private to the two cities of a tandem (row-level security; not even organizers).
 * Storage only: what the API shows is dto/tandem-note.type.ts.
 */
@Entity('tandem_note')
export class TandemNoteEntity {
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'tandem_id', type: 'uuid' })
  tandemId!: string;

  @Column({ name: 'partner_city_id', type: 'uuid' })
  partnerCityId!: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ name: 'author_city_id', type: 'uuid', nullable: true })
  authorCityId!: string | null;

  @Column({ type: 'text' })
  kind!: TandemNoteKind;

  /** Markdown. */
  @Column({ type: 'text' })
  body!: string;

  /** YYYY-MM-DD, for visits. */
  @Column({ name: 'visit_date', type: 'date', nullable: true })
  visitDate!: string | null;

  @Column({ type: 'text', nullable: true })
  place!: string | null;

  @Column({ type: 'int', default: 1 })
  revision!: number;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
