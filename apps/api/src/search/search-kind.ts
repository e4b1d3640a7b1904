import { registerEnumType } from '@nestjs/graphql';

/** What a hit of the one search box is: each kind lives in its own index. */
export enum SearchKind {
  PRACTICE = 'PRACTICE',
  RECORD = 'RECORD',
  CONFERENCE = 'CONFERENCE',
  CITY = 'CITY',
}

registerEnumType(SearchKind, {
  name: 'SearchKind',
  description: 'What a search hit is: practice, conference record, conference or city',
});
