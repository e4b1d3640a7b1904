import { CityKind, SupportPhase } from '@wissensnetz/domain';
import { Field, InputType, Int } from '@nestjs/graphql';

@InputType()
export class CityFilter {
  @Field(() => String, { nullable: true, description: 'ISO 3166-2:DE code, e.g. DE-NI' })
  federalState?: string | null;

  @Field(() => Int, { nullable: true, description: 'Cohort: the year cities joined' })
  joinedYear?: number | null;

  @Field(() => CityKind, { nullable: true })
  kind?: CityKind | null;

  @Field(() => SupportPhase, {
    nullable: true,
    description:
      'Where in the three-year support period, by the server clock (ALUMNI: the tandem partner pool)',
  })
  supportPhase?: SupportPhase | null;

  @Field(() => String, { nullable: true, description: 'Part of the name, case-insensitive' })
  search?: string | null;
}
