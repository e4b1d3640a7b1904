import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { CityType } from '../../cities/dto/city.type';
import { TandemNoteKind } from '../tandem-note.entity';
import { TandemStatus } from '../tandem.entity';

@InputType()
export class ProposeTandemInput {
  @Field()
  newCitySlug!: string;

  @Field()
  partnerCitySlug!: string;

  @Field(() => String, { nullable: true })
  goals?: string | null;
}

@InputType()
export class TandemFilter {
  @Field(() => String, { nullable: true })
  citySlug?: string | null;

  @Field(() => TandemStatus, { nullable: true })
  status?: TandemStatus | null;
}

@InputType()
export class AddTandemNoteInput {
  @Field(() => ID)
  tandemId!: string;

  @Field(() => TandemNoteKind)
  kind!: TandemNoteKind;

  @Field({ description: 'Markdown' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; required for visits' })
  visitDate?: string | null;

  @Field(() => String, { nullable: true })
  place?: string | null;
}

@InputType()
export class UpdateTandemNoteInput {
  @Field(() => ID)
  id!: string;

  @Field()
  body!: string;

  @Field(() => String, { nullable: true })
  visitDate?: string | null;

  @Field(() => String, { nullable: true })
  place?: string | null;
}

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
