import { Column, Entity, PrimaryColumn } from 'typeorm';

/** When a person last opened a tandem's page (only they read it; row-level security). */
@Entity('tandem_visit')
export class TandemVisitEntity {
  /** The tandem's city (its new city), as on the tandem's own row. */
  @PrimaryColumn({ name: 'city_id', type: 'uuid' })
  cityId!: string;

  @PrimaryColumn({ name: 'tandem_id', type: 'uuid' })
  tandemId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ name: 'seen_at', type: 'timestamptz', default: () => 'now()' })
  seenAt!: Date;
}
