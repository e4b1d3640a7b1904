import { Field, Int, ObjectType, createUnionType } from '@nestjs/graphql';
import { PageInfo } from '../../../core/graphql/pagination';
import { SearchKind } from '../../../search/search-kind';
import { CityType } from '../../cities/dto/city.type';
import { ConferenceType } from '../../conferences/dto/conference.type';
import { RecordHit } from '../../conferences/dto/record.types';
import { PracticeHit } from '../../practices/dto/practice-search.types';

@ObjectType('ConferenceHit')
export class ConferenceHit {
  @Field(() => SearchKind, { description: 'Always CONFERENCE' })
  kind!: SearchKind.CONFERENCE;

  @Field(() => ConferenceType)
  conference!: ConferenceType;

  @Field({ description: 'Title as HTML: escaped text, matches in <mark>' })
  titleHtml!: string;

  @Field({ description: 'A passage of the description as HTML (may be empty)' })
  snippetHtml!: string;
}

@ObjectType('CityHit')
export class CityHit {
  @Field(() => SearchKind, { description: 'Always CITY' })
  kind!: SearchKind.CITY;

  @Field(() => CityType)
  city!: CityType;

  @Field({ description: 'Name as HTML: escaped text, matches in <mark>' })
  nameHtml!: string;

  @Field({ description: 'A passage of the profile as HTML (may be empty)' })
  snippetHtml!: string;
}

export type SearchHitValue = PracticeHit | RecordHit | ConferenceHit | CityHit;

export const SearchHit = createUnionType({
  name: 'SearchHit',
  description: 'One hit of the one search box; `kind` says which',
  types: () => [PracticeHit, RecordHit, ConferenceHit, CityHit] as const,
  resolveType: (hit: SearchHitValue) => {
    switch (hit.kind) {
      case SearchKind.PRACTICE:
        return PracticeHit;
      case SearchKind.RECORD:
        return RecordHit;
      case SearchKind.CONFERENCE:
        return ConferenceHit;
      case SearchKind.CITY:
        return CityHit;
      default: {
        const unknown: never = hit;
        throw new Error(`unknown search hit ${String(unknown)}`);
      }
    }
  },
});

@ObjectType('SearchHitEdge')
export class SearchHitEdge {
  @Field()
  cursor!: string;

  @Field(() => SearchHit)
  node!: SearchHitValue;
}

@ObjectType('SearchKindCount')
export class SearchKindCount {
  @Field(() => SearchKind)
  kind!: SearchKind;

  @Field(() => Int, { description: 'Matches of this kind that the caller may see (estimated)' })
  count!: number;
}

@ObjectType('SearchConnection')
export class SearchConnection {
  @Field(() => [SearchHitEdge], { description: 'Hits of the asked kinds, ranked across kinds' })
  edges!: SearchHitEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matches of the asked kinds on all pages (estimated)' })
  totalCount!: number;

  @Field(() => [SearchKindCount], {
    description: 'Matches per kind, for every kind (tabs), whatever kinds were asked',
  })
  counts!: SearchKindCount[];

  @Field(() => Int, { description: 'Time the API took for the whole search' })
  tookMs!: number;
}
