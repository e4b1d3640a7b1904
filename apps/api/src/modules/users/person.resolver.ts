import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../core/graphql/loaders';
import { CityType, toCityOrNull } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import { Person } from './dto/person.type';

@Resolver(() => Person)
export class PersonResolver {
  constructor(private readonly cityService: CityService) {}

  @ResolveField(() => CityType, {
    nullable: true,
    description: 'The city in whose name the person appears here (e.g. the practice’s)',
  })
  city(@Parent() person: Person, @Context() ctx: GraphQLContext): Promise<CityType | null> {
    if (!person.cityId) return Promise.resolve(null);
    return this.cityService.load(ctx, person.cityId).then(toCityOrNull);
  }
}
