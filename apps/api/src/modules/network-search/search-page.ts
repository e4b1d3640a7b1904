import { decodeCursor, encodeCursor, validatePageSize } from '../../core/graphql/pagination';
import { InputException, InputExceptionReason } from '../../core/errors/app.exception';
import { SearchKind } from '../../search/search-kind';
import { NetworkSearchException } from './network-search.exception';

export const MAX_QUERY_LENGTH = 200;
const MAX_RANKED = 100_000;
/** The order of the tabs, and of the counts. */
export const ALL_KINDS: readonly SearchKind[] = [
  SearchKind.PRACTICE,
  SearchKind.RECORD,
  SearchKind.CONFERENCE,
  SearchKind.CITY,
];

export interface SearchPage {
  query: string;
  kinds: SearchKind[];
  offset: number;
  limit: number;
}

/**
 * The input of `search`, checked: a text of 1 to 200 characters, the kinds asked for
 * (none given: all; an empty list is a mistake, it could only find nothing), and the page.
 * The cursor is the offset in the merged ranking (the engine ranks across indexes, so a
 * page boundary is a position in that one list).
 */
export function readSearchPage(
  query: string,
  kinds: readonly SearchKind[] | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): SearchPage {
  const text = query.trim();
  if (text.length === 0) throw NetworkSearchException.queryEmpty();
  if (query.length > MAX_QUERY_LENGTH) throw NetworkSearchException.queryTooLong(MAX_QUERY_LENGTH);
  if (kinds && kinds.length === 0) throw NetworkSearchException.noKinds();
  const wanted = kinds ?? ALL_KINDS;
  const limit = validatePageSize(first);
  const offset = after ? Number(decodeCursor(after, ['int'])[0]) : 0;
  // The engine ranks at most MAX_RANKED hits (its maxTotalHits); a cursor beyond is not ours.
  if (offset < 0 || offset > MAX_RANKED)
    throw new InputException(
      InputExceptionReason.MALFORMED_CURSOR,
      'after is not a cursor of this list',
      'after',
    );
  return {
    query: text,
    kinds: ALL_KINDS.filter((kind) => wanted.includes(kind)),
    offset,
    limit,
  };
}

/** The cursor after the hit at `position` (0-based) of the merged ranking. */
export function cursorAt(position: number): string {
  return encodeCursor([position + 1]);
}

export interface PageInfoShape {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/**
 * Where the page stands in the merged ranking. Positions count the engine's hits, also
 * those the re-read dropped (hidden since they were indexed), so the next page starts
 * right after this one.
 */
export function pageInfoFor(page: SearchPage, engineHits: number, total: number): PageInfoShape {
  const next = page.offset + engineHits;
  const hasNextPage = engineHits === page.limit && next < total;
  return {
    hasNextPage,
    hasPreviousPage: page.offset > 0,
    startCursor: engineHits > 0 ? encodeCursor([page.offset]) : null,
    endCursor: hasNextPage ? encodeCursor([next]) : null,
  };
}

/** Counts per kind in tab order, 0 for a kind the caller may not search. */
export function countsByKind(
  counts: Partial<Record<SearchKind, number>>,
): Array<{ kind: SearchKind; count: number }> {
  return ALL_KINDS.map((kind) => ({ kind, count: counts[kind] ?? 0 }));
}
