import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../core/graphql/pagination';
import { CityType } from './city.type';

@ObjectType('CityConnection')
export class CityConnection extends ConnectionType(CityType, 'City') {}

@ObjectType('FederalStateSummary')
export class FederalStateSummary {
  @Field({ description: 'ISO 3166-2:DE code' })
  code!: string;

  @Field(() => Int)
  cityCount!: number;
}
