import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An e-mail kept in the development outbox instead of being sent. */
@ObjectType('DevMail')
@Entity('dev_mail')
export class DevMailEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Field()
  @Column({ type: 'text' })
  recipient!: string;

  @Field()
  @Column({ type: 'text' })
  subject!: string;

  @Field()
  @Column({ name: 'text_body', type: 'text' })
  textBody!: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
