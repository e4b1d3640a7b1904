import type { MailCadence } from './dto/mail-cadence';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { NetworkRole } from '../../core/tenancy/actor';

/**
 * A person with an account; belongs to cities through memberships. Storage only: what
 * others see of it is `Person` (dto/person.type.ts), what the person sees is `Me`.
 */
@Entity('app_user')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text', default: 'de' })
  locale!: string;

  @Column({ name: 'network_role', type: 'text', default: NetworkRole.NONE })
  networkRole!: NetworkRole;

  /** E-mail cadence per stream (MailCadence): tandem, own city's work, network news. */
  @Column({ name: 'mail_tandem', type: 'text', default: 'IMMEDIATE' })
  mailTandem!: MailCadence;

  @Column({ name: 'mail_city', type: 'text', default: 'IMMEDIATE' })
  mailCity!: MailCadence;

  @Column({ name: 'mail_network', type: 'text', default: 'WEEKLY' })
  mailNetwork!: MailCadence;

  /** Set when the account was erased (modules/erasure): the row is then a tombstone. */
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
