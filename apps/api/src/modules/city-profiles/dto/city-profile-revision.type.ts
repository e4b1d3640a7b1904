import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { CityProfileRevisionEntity } from '../city-profile-revision.entity';

/** One saved state of a city profile, for the history and its diff. */
@ObjectType('CityProfileRevision')
export class CityProfileRevisionType {
  @Field(() => Int)
  number!: number;

  @Field()
  createdAt!: Date;

  @Field({ description: 'Markdown' })
  about!: string;

  @Field(() => [String])
  focusTopicSlugs!: string[];

  @Field({ description: 'Every field of the revision as JSON, for a complete comparison' })
  snapshotJson!: string;

  /** For `author` (a Person, in the name of the city); not in the schema. */
  authorId!: string | null;
  cityId!: string;
}

export function toCityProfileRevision(
  revision: CityProfileRevisionEntity,
): CityProfileRevisionType {
  return {
    number: revision.number,
    createdAt: revision.createdAt,
    about: revision.snapshot.about,
    focusTopicSlugs: revision.snapshot.focusTopicSlugs,
    snapshotJson: JSON.stringify(revision.snapshot),
    authorId: revision.authorId,
    cityId: revision.cityId,
  };
}
