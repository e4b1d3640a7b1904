import {
  feedOfSearch,
  readSearchState,
  searchFilter,
  toggleValue,
  writeSearchState,
} from './search-params';

describe('search state in the address', () => {
  it('reads the German parameters and writes them back the same way', () => {
    const params = new URLSearchParams('q=Ehrenamt&thema=digitalisierung&land=DE-NW&land=de-by');
    const state = readSearchState(params);
    expect(state).toEqual({
      query: 'Ehrenamt',
      topics: ['digitalisierung'],
      federalStates: ['DE-NW', 'DE-BY'],
      cities: [],
      joinedYears: [],
      kinds: [],
    });
    expect(writeSearchState(state).toString()).toBe(
      'q=Ehrenamt&thema=digitalisierung&land=DE-NW&land=DE-BY',
    );
  });

  it('drops values the API would reject', () => {
    const state = readSearchState(new URLSearchParams('jahr=2024&jahr=abc&typ=city&typ=TOWN'));
    expect(state.joinedYears).toEqual(['2024']);
    expect(state.kinds).toEqual(['CITY']);
    expect(searchFilter(state)).toEqual({
      topicSlugs: undefined,
      federalStates: undefined,
      citySlugs: undefined,
      joinedYears: [2024],
      kinds: ['CITY'],
    });
  });

  it('toggles a filter value on and off', () => {
    const empty = readSearchState(new URLSearchParams());
    const on = toggleValue(empty, 'topics', 'jugend');
    expect(on.topics).toEqual(['jugend']);
    expect(toggleValue(on, 'topics', 'jugend').topics).toEqual([]);
  });
});

describe('feedOfSearch', () => {
  const empty = readSearchState(new URLSearchParams());
  it('names the topic or city feed when that is the only filter, else the feed of all', () => {
    const facets = {
      topics: [{ value: 'jugend', label: 'Jugend' }],
      cities: [{ value: 'goch', label: 'Goch' }],
    };
    expect(feedOfSearch({ ...empty, topics: ['jugend'] }, facets)).toEqual({
      scope: { kind: 'topic', slug: 'jugend' },
      name: 'Jugend',
    });
    expect(feedOfSearch({ ...empty, cities: ['goch'] }, null)).toEqual({
      scope: { kind: 'city', slug: 'goch' },
      name: undefined,
    });
    expect(feedOfSearch({ ...empty, topics: ['jugend', 'sport'] }, facets).scope).toEqual({
      kind: 'all',
    });
    expect(feedOfSearch({ ...empty, query: 'garten', topics: ['jugend'] }, facets).scope).toEqual({
      kind: 'all',
    });
    expect(feedOfSearch({ ...empty, topics: ['jugend'], cities: ['goch'] }, facets).scope).toEqual({
      kind: 'all',
    });
  });
});
