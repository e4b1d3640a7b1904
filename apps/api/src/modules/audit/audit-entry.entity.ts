import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AuditDetails = Record<string, string | number | boolean | null>;

/** Who did what, for which city, when: privileged actions only. */
@ObjectType('AuditEntry')
@Entity('audit_log')
export class AuditEntryEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'city_id', type: 'uuid', nullable: true })
  cityId!: string | null;

  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Field({ description: 'e.g. INVITATION_CREATED, MEMBERSHIP_ROLE_CHANGED' })
  @Column({ type: 'text' })
  action!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the action concerned, e.g. an e-mail address',
  })
  @Column({ type: 'text', nullable: true })
  target!: string | null;

  @Column({ type: 'jsonb', default: {} })
  details!: AuditDetails;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
