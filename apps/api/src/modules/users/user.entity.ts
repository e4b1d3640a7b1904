import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { NetworkRole } from '../../core/tenancy/actor';

registerEnumType(NetworkRole, {
  name: 'NetworkRole',
  description: 'ORGANIZER: the national office of the network',
});

/** A person with an account; belongs to cities through memberships. */
@ObjectType('User')
@Entity('app_user')
export class UserEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column({ type: 'text' })
  email!: string;

  @Field()
  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Field({ description: 'de or en' })
  @Column({ type: 'text', default: 'de' })
  locale!: string;

  @Field(() => NetworkRole)
  @Column({ name: 'network_role', type: 'text', default: NetworkRole.NONE })
  networkRole!: NetworkRole;

  @Field({ description: 'Send notifications also by e-mail' })
  @Column({ name: 'email_notifications', type: 'boolean', default: true })
  emailNotifications!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
