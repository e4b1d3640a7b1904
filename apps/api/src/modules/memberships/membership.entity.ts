import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { MembershipRole } from '../../core/tenancy/actor';

/**
 * A user's role in a city (tenant-owned, row-level security). Storage only: the API
 * shows it as `Membership` (dto/membership.type.ts).
 */
@Entity('membership')
export class MembershipEntity {
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'text' })
  role!: MembershipRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
