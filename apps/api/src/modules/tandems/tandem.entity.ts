import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

export enum TandemStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  CONCLUDED = 'CONCLUDED',
  DECLINED = 'DECLINED',
}
registerEnumType(TandemStatus, { name: 'TandemStatus' });

/** A new city paired with an experienced partner (row owned by the new city). */
@ObjectType('Tandem')
@Entity('tandem')
export class TandemEntity {
  /** The new city. */
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'partner_city_id', type: 'uuid' })
  partnerCityId!: string;

  @Field(() => TandemStatus)
  @Column({ type: 'text', default: TandemStatus.PROPOSED })
  status!: TandemStatus;

  @Field()
  @Column({ type: 'text', default: '' })
  goals!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Field({ description: 'YYYY-MM-DD; one year after the start unless agreed otherwise' })
  @Column({ name: 'planned_end_on', type: 'date' })
  plannedEndOn!: string;

  @Column({ name: 'proposed_by', type: 'uuid', nullable: true })
  proposedBy!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'new_city_accepted_at', type: 'timestamptz', nullable: true })
  newCityAcceptedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'partner_city_accepted_at', type: 'timestamptz', nullable: true })
  partnerCityAcceptedAt!: Date | null;

  @Column({ name: 'declined_by_city_id', type: 'uuid', nullable: true })
  declinedByCityId!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'concluded_at', type: 'timestamptz', nullable: true })
  concludedAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'outcome_summary', type: 'text', nullable: true })
  outcomeSummary!: string | null;

  @Field()
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
