import { CityKind } from '@wissensnetz/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

registerEnumType(CityKind, {
  name: 'CityKind',
  description: 'City, city district or rural community',
});

/** A member municipality of the network: the tenant every city-owned row belongs to. */
@ObjectType('City', { description: 'A member municipality of the network (a tenant).' })
@Entity('city')
export class CityEntity {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field()
  @Column({ type: 'text', unique: true })
  slug!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field(() => CityKind)
  @Column({ type: 'text' })
  kind!: CityKind;

  @Field({ description: 'ISO 3166-2:DE code, e.g. DE-NI' })
  @Column({ name: 'federal_state', type: 'text' })
  federalState!: string;

  @Field(() => Int, { description: 'Year the city joined the network (its cohort)' })
  @Column({ name: 'joined_year', type: 'int' })
  joinedYear!: number;

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  population!: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;

  @Field(() => String, { nullable: true, description: 'Short profile in German' })
  @Column({ type: 'text', nullable: true })
  profile!: string | null;

  @Field({ description: 'Branding colour as #rrggbb' })
  @Column({ name: 'brand_color', type: 'text' })
  brandColor!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
