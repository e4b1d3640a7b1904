import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../core/graphql/pagination';
import { CityEntity } from '../city.entity';

@ObjectType('CityConnection')
export class CityConnection extends ConnectionType(CityEntity, 'City') {}

@ObjectType('FederalStateSummary')
export class FederalStateSummary {
  @Field({ description: 'ISO 3166-2:DE code' })
  code!: string;

  @Field(() => Int)
  cityCount!: number;
}
