import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../core/graphql/pagination';
import type { TandemEntity } from '../tandem.entity';
import { TandemStatus } from './tandem-enums';

/** A pairing of two cities as the API shows it: public (who pairs with whom is no secret). */
@ObjectType('Tandem')
export class TandemType {
  @Field(() => ID)
  id!: string;

  @Field(() => TandemStatus)
  status!: TandemStatus;

  @Field()
  goals!: string;

  @Field({ description: 'YYYY-MM-DD' })
  startsOn!: string;

  @Field({ description: 'YYYY-MM-DD; one year after the start unless agreed otherwise' })
  plannedEndOn!: string;

  @Field(() => Date, { nullable: true })
  newCityAcceptedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  partnerCityAcceptedAt!: Date | null;

  @Field(() => String, { nullable: true })
  declineReason!: string | null;

  @Field(() => Date, { nullable: true })
  concludedAt!: Date | null;

  @Field(() => String, { nullable: true })
  outcomeSummary!: string | null;

  @Field()
  createdAt!: Date;

  /** The new city, for its field resolver and the access rules; not in the schema. */
  cityId!: string;

  /** The experienced partner city; not in the schema. */
  partnerCityId!: string;
}

/** The API shape of a tandem, field by field (a new column is not shown until added here). */
export function toTandem(tandem: TandemEntity): TandemType {
  return {
    id: tandem.id,
    status: tandem.status,
    goals: tandem.goals,
    startsOn: tandem.startsOn,
    plannedEndOn: tandem.plannedEndOn,
    newCityAcceptedAt: tandem.newCityAcceptedAt,
    partnerCityAcceptedAt: tandem.partnerCityAcceptedAt,
    declineReason: tandem.declineReason,
    concludedAt: tandem.concludedAt,
    outcomeSummary: tandem.outcomeSummary,
    createdAt: tandem.createdAt,
    cityId: tandem.cityId,
    partnerCityId: tandem.partnerCityId,
  };
}

export function toTandemOrNull(tandem: TandemEntity | null | undefined): TandemType | null {
  return tandem ? toTandem(tandem) : null;
}

@ObjectType('TandemConnection')
export class TandemConnection extends ConnectionType(TandemType, 'Tandem') {}
