import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditDetails = Record<string, string | number | boolean | null>;

/**
 * Who did what, for which city, when: privileged actions only. Storage only: organizers
 * read it as `AuditEntry` (dto/audit-entry.type.ts).
 */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'city_id', type: 'uuid', nullable: true })
  cityId!: string | null;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  /** Set, and actorUserId cleared, once the entry is older than RETENTION_AUDIT_MONTHS. */
  @Column({ name: 'actor_pseudonym', type: 'text', nullable: true })
  actorPseudonym!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  target!: string | null;

  @Column({ type: 'jsonb', default: {} })
  details!: AuditDetails;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
