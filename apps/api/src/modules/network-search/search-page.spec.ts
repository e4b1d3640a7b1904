import { describe, expect, it } from 'vitest';
import { encodeCursor } from '../../core/graphql/pagination';
import { SearchKind } from '../../search/search-kind';
import { countsByKind, cursorAt, pageInfoFor, readSearchPage } from './search-page';

const reasonOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { reason?: string }).reason;
  }
  return undefined;
};

describe('the one search box: input and pages', () => {
  it('searches every kind when none are named, in tab order when some are', () => {
    expect(readSearchPage('  Tandem ', undefined, undefined, undefined)).toEqual({
      query: 'Tandem',
      kinds: [SearchKind.PRACTICE, SearchKind.RECORD, SearchKind.CONFERENCE, SearchKind.CITY],
      offset: 0,
      limit: 20,
    });
    expect(
      readSearchPage('x', [SearchKind.CITY, SearchKind.PRACTICE, SearchKind.CITY], 5, null).kinds,
    ).toEqual([SearchKind.PRACTICE, SearchKind.CITY]);
  });

  it('refuses an empty or too long text, an empty kind list and a bad cursor, each typed', () => {
    expect(reasonOf(() => readSearchPage('   ', null, null, null))).toBe('QUERY_EMPTY');
    expect(reasonOf(() => readSearchPage('a'.repeat(201), null, null, null))).toBe(
      'QUERY_TOO_LONG',
    );
    expect(reasonOf(() => readSearchPage('a', [], null, null))).toBe('NO_KINDS');
    expect(reasonOf(() => readSearchPage('a', null, null, 'nonsense'))).toBe('MALFORMED_CURSOR');
    expect(reasonOf(() => readSearchPage('a', null, null, encodeCursor([-1])))).toBe(
      'MALFORMED_CURSOR',
    );
    expect(reasonOf(() => readSearchPage('a', null, 0, null))).toBe('PAGE_SIZE_TOO_SMALL');
    expect(readSearchPage('a'.repeat(200), null, null, null).query).toHaveLength(200);
  });

  it('continues after the last hit the engine ranked, also when the re-read dropped some', () => {
    const first = readSearchPage('a', null, 2, null);
    const info = pageInfoFor(first, 2, 5);
    expect(info).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: encodeCursor([0]),
      endCursor: encodeCursor([2]),
    });
    const second = readSearchPage('a', null, 2, info.endCursor);
    expect(second.offset).toBe(2);
    expect(pageInfoFor(second, 2, 4).hasNextPage).toBe(false);
    expect(pageInfoFor(second, 1, 5)).toMatchObject({ hasNextPage: false, endCursor: null });
    expect(cursorAt(0)).toBe(encodeCursor([1]));
  });

  it('counts every kind, 0 where the caller may not search', () => {
    expect(countsByKind({ PRACTICE: 3, CITY: 1 })).toEqual([
      { kind: 'PRACTICE', count: 3 },
      { kind: 'RECORD', count: 0 },
      { kind: 'CONFERENCE', count: 0 },
      { kind: 'CITY', count: 1 },
    ]);
  });
});
