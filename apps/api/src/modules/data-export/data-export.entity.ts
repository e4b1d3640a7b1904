import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { DataExportStatus } from './dto/data-export-status';

/**
 * One request of a person for a copy of their data (row-level security: own rows only).
 * Requested by the person, prepared by the data-export worker (owner), deleted by the
 * expiry job once `expiresAt` has passed.
 */
@Entity('data_export')
export class DataExportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  status!: DataExportStatus;

  @Column({ name: 'steps_done', type: 'int' })
  stepsDone!: number;

  @Column({ name: 'steps_total', type: 'int' })
  stepsTotal!: number;

  @Column({ name: 'data_json', type: 'text', nullable: true, select: false })
  dataJson!: string | null;

  @Column({ name: 'summary_text', type: 'text', nullable: true, select: false })
  summaryText!: string | null;

  @Column({ type: 'text', nullable: true })
  locale!: 'de' | 'en' | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'ready_at', type: 'timestamptz', nullable: true })
  readyAt!: Date | null;

  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;
}
