import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfo } from '../../../core/graphql/pagination';
import { SearchKind } from '../../../search/search-kind';
import type { TopicType } from '../../topics/dto/topic.type';
import { PracticeType } from './practice.type';

@ObjectType('FacetCount')
export class FacetCount {
  @Field({ description: 'The value to filter by (a slug, code or year)' })
  value!: string;

  @Field({ description: 'What to show (German name)' })
  label!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType('PracticeFacets')
export class PracticeFacets {
  @Field(() => [FacetCount])
  topics!: FacetCount[];

  @Field(() => [FacetCount])
  federalStates!: FacetCount[];

  @Field(() => [FacetCount])
  cities!: FacetCount[];

  @Field(() => [FacetCount])
  joinedYears!: FacetCount[];

  @Field(() => [FacetCount])
  kinds!: FacetCount[];
}

@ObjectType('PracticeHit')
export class PracticeHit {
  @Field(() => SearchKind, { description: 'Always PRACTICE (tells the hits of `search` apart)' })
  kind!: SearchKind.PRACTICE;

  @Field(() => PracticeType)
  practice!: PracticeType;

  @Field({ description: 'Title as HTML: escaped text, matches in <mark>' })
  titleHtml!: string;

  @Field({ description: 'Summary as HTML: escaped text, matches in <mark>' })
  summaryHtml!: string;
}

@ObjectType('PracticeSearchResult')
export class PracticeSearchResult {
  @Field(() => [PracticeHit])
  hits!: PracticeHit[];

  @Field(() => Int, { description: 'Matches in all pages (estimated by the engine)' })
  totalHits!: number;

  @Field(() => PracticeFacets)
  facets!: PracticeFacets;

  @Field(() => Int, { description: 'Time the search engine took' })
  processingTimeMs!: number;

  @Field(() => Int, { description: 'Time the API took for the whole search' })
  tookMs!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  /** Not in the schema: the hits' topics, to prime the Practice.topics loader. */
  topicsByPractice?: Map<string, TopicType[]>;
}
