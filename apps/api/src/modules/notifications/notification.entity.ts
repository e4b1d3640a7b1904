import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Something that happened which concerns this person (row-level security: own rows only). */
@ObjectType('Notification')
@Entity('notification')
export class NotificationEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'city_id', type: 'uuid', nullable: true })
  cityId!: string | null;

  @Field({ description: 'e.g. TANDEM_NOTE_ADDED, TANDEM_STATUS_CHANGED' })
  @Column({ type: 'text' })
  kind!: string;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  @Field()
  @Column({ type: 'text', default: '' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'Path in the web app' })
  @Column({ type: 'text', nullable: true })
  link!: string | null;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
