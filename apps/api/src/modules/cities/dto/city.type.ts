import { CityKind, SupportPhase } from '@wissensnetz/domain';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { CityEntity } from '../city.entity';

registerEnumType(CityKind, {
  name: 'CityKind',
  description: 'City, city district or rural community',
});

registerEnumType(SupportPhase, {
  name: 'SupportPhase',
  description:
    'Year 1, 2 or 3 of the support period (the joining year is year 1), then alumni: still members, the pool of tandem partners',
});

/** What the API shows of a member municipality (public: every field here is for everyone; the editable profile is city-profiles'). */
@ObjectType('City', { description: 'A member municipality of the network (a tenant).' })
export class CityType {
  @Field(() => ID)
  id!: string;

  @Field()
  slug!: string;

  @Field()
  name!: string;

  @Field(() => CityKind)
  kind!: CityKind;

  @Field({ description: 'ISO 3166-2:DE code, e.g. DE-NI' })
  federalState!: string;

  @Field(() => Int, { description: 'Year the city joined the network (its cohort)' })
  joinedYear!: number;

  @Field(() => Int, { nullable: true })
  population!: number | null;

  @Field(() => Float, { nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  longitude!: number | null;

  // about text, brand colour and the rest of the profile: city-profiles/city-profile.resolver.ts
}

/** The API shape of a city, field by field (a new column is not shown until added here). */
export function toCity(city: CityEntity): CityType {
  return {
    id: city.id,
    slug: city.slug,
    name: city.name,
    kind: city.kind,
    federalState: city.federalState,
    joinedYear: city.joinedYear,
    population: city.population,
    latitude: city.latitude,
    longitude: city.longitude,
  };
}

export function toCityOrNull(city: CityEntity | null | undefined): CityType | null {
  return city ? toCity(city) : null;
}
