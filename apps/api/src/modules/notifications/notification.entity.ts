import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { NotificationKind } from './dto/notification-message';

/**
 * Something that happened which concerns this person (row-level security: own rows
 * only). Written by the notification outbox worker, read and marked by the person.
 */
@Entity('notification')
export class NotificationEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'city_id', type: 'uuid', nullable: true })
  cityId!: string | null;

  @Column({ type: 'text' })
  kind!: NotificationKind;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  body!: string;

  @Column({ type: 'text', nullable: true })
  link!: string | null;

  /** What it is about, for people ("Tandem Stendal–Halberstadt"); '' when not named. */
  @Column({ type: 'text', default: '' })
  subject!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt!: Date | null;
}
