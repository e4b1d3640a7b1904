import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a practice looked like after one save. */
export interface PracticeSnapshot {
  title: string;
  summary: string;
  body: string;
  visibility: string;
  tags: string[];
  topicSlugs: string[];
  contactName: string | null;
  contactEmail: string | null;
  periodFrom: string | null;
  periodTo: string | null;
  outcomes: string | null;
  resourcesNeeded: string | null;
  partners: string | null;
  links: Array<{ label: string; url: string }>;
}

@Entity('practice_revision')
export class PracticeRevisionEntity {
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @PrimaryColumn({ name: 'practice_id', type: 'uuid' })
  practiceId!: string;

  @PrimaryColumn({ type: 'int' })
  number!: number;

  @Column({ type: 'jsonb' })
  snapshot!: PracticeSnapshot;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;
}
