import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { PracticeRevisionEntity } from '../practice-revision.entity';

/** One saved state of a practice, for the history and its diff. */
@ObjectType('PracticeRevision')
export class PracticeRevisionType {
  @Field(() => Int)
  number!: number;

  @Field()
  createdAt!: Date;

  @Field()
  title!: string;

  @Field()
  summary!: string;

  @Field({ description: 'Markdown' })
  body!: string;

  @Field(() => [String])
  topicSlugs!: string[];

  @Field(() => [String])
  tags!: string[];

  @Field({ description: 'Every field of the revision as JSON, for a complete comparison' })
  snapshotJson!: string;

  /** For `author` (a Person, in the name of the practice's city); not in the schema. */
  authorId!: string | null;
  cityId!: string;
}

export function toPracticeRevision(revision: PracticeRevisionEntity): PracticeRevisionType {
  const { snapshot } = revision;
  return {
    number: revision.number,
    createdAt: revision.createdAt,
    title: snapshot.title,
    summary: snapshot.summary,
    body: snapshot.body,
    topicSlugs: snapshot.topicSlugs,
    tags: snapshot.tags,
    snapshotJson: JSON.stringify(snapshot),
    authorId: revision.authorId,
    cityId: revision.cityId,
  };
}
