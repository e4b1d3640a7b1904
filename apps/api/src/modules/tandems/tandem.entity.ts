import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a tandem stands (the transitions: tandem-lifecycle.ts; the API enum: dto/tandem-enums.ts). */
export enum TandemStatus {
  PROPOSED = 'PROPOSED',
  ACTIVE = 'ACTIVE',
  CONCLUDED = 'CONCLUDED',
  DECLINED = 'DECLINED',
}

/**
 * A new city paired with an experienced partner (row owned by the new city). Storage
 * only: what the API shows is dto/tandem.type.ts.
 */
@Entity('tandem')
export class TandemEntity {
  /** The new city. */
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @PrimaryColumn({ type: 'uuid', default: () => 'gen_random_uuid()' })
  id!: string;

  @Column({ name: 'partner_city_id', type: 'uuid' })
  partnerCityId!: string;

  @Column({ type: 'text', default: TandemStatus.PROPOSED })
  status!: TandemStatus;

  @Column({ type: 'text', default: '' })
  goals!: string;

  /** YYYY-MM-DD. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  /** YYYY-MM-DD; one year after the start unless agreed otherwise. */
  @Column({ name: 'planned_end_on', type: 'date' })
  plannedEndOn!: string;

  @Column({ name: 'proposed_by', type: 'uuid', nullable: true })
  proposedBy!: string | null;

  @Column({ name: 'new_city_accepted_at', type: 'timestamptz', nullable: true })
  newCityAcceptedAt!: Date | null;

  @Column({ name: 'partner_city_accepted_at', type: 'timestamptz', nullable: true })
  partnerCityAcceptedAt!: Date | null;

  @Column({ name: 'declined_by_city_id', type: 'uuid', nullable: true })
  declinedByCityId!: string | null;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason!: string | null;

  @Column({ name: 'concluded_at', type: 'timestamptz', nullable: true })
  concludedAt!: Date | null;

  @Column({ name: 'outcome_summary', type: 'text', nullable: true })
  outcomeSummary!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
