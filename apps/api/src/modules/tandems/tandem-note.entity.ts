import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum TandemNoteKind {
  NOTE = 'NOTE',
  AGREEMENT = 'AGREEMENT',
  VISIT = 'VISIT',
  QUESTION = 'QUESTION',
}
registerEnumType(TandemNoteKind, { name: 'TandemNoteKind' });

/** Private to the two cities of a tandem (row-level security; not even organizers). */
@ObjectType('TandemNote')
@Entity('tandem_note')
export class TandemNoteEntity {
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'tandem_id', type: 'uuid' })
  tandemId!: string;

  @Column({ name: 'partner_city_id', type: 'uuid' })
  partnerCityId!: string;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ name: 'author_city_id', type: 'uuid', nullable: true })
  authorCityId!: string | null;

  @Field(() => TandemNoteKind)
  @Column({ type: 'text' })
  kind!: TandemNoteKind;

  @Field({ description: 'Markdown' })
  @Column({ type: 'text' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, for visits' })
  @Column({ name: 'visit_date', type: 'date', nullable: true })
  visitDate!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  place!: string | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 1 })
  revision!: number;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Field()
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
