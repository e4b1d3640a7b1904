import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import { MembershipRole } from '../../core/tenancy/actor';

registerEnumType(MembershipRole, { name: 'MembershipRole' });

/** A user's role in a city (tenant-owned, row-level security). */
@ObjectType('Membership')
@Entity('membership')
export class MembershipEntity {
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Field(() => MembershipRole)
  @Column({ type: 'text' })
  role!: MembershipRole;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
