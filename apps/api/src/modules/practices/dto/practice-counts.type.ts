import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { PracticeStatus } from '../practice.entity';

@ObjectType('PracticeCounts', { description: "How many of a city's practices are in each status" })
export class PracticeCountsType {
  @Field(() => Int)
  draft!: number;

  @Field(() => Int, { description: 'Submitted by members, waiting for a coordinator' })
  inReview!: number;

  @Field(() => Int)
  published!: number;

  @Field(() => Int)
  archived!: number;
}

export function toPracticeCounts(counts: Record<PracticeStatus, number>): PracticeCountsType {
  return {
    draft: counts.DRAFT,
    inReview: counts.IN_REVIEW,
    published: counts.PUBLISHED,
    archived: counts.ARCHIVED,
  };
}
