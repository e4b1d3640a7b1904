import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { CityType } from '../../cities/dto/city.type';

@ObjectType('TandemSuggestion')
export class TandemSuggestion {
  @Field(() => CityType)
  city!: CityType;

  @Field(() => Float, { description: '0 to 100' })
  score!: number;

  @Field(() => [String], { description: 'Why, in German' })
  reasons!: string[];

  @Field(() => Int, { nullable: true })
  distanceKm!: number | null;
}
