import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { MembershipRole } from '../../core/tenancy/actor';

/**
 * An invitation by e-mail to join a city in a role (tenant-owned). Storage only: the API
 * shows it as `Invitation` (dto/invitation.type.ts), never its token hash or inviter.
 */
@Entity('invitation')
export class InvitationEntity {
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  role!: MembershipRole;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'invited_by', type: 'uuid', nullable: true })
  invitedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt!: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
