import { MAX_PAGE_SIZE } from '@wissensnetz/domain';
import { DEMO_CITIES } from '../src/seed/demo-cities';
import { startTestPlatform, type TestPlatform } from './harness';

interface CityNode {
  slug: string;
  name: string;
  federalState: string;
  joinedYear: number;
  kind: string;
}
interface CitiesPage {
  cities: {
    totalCount: number;
    edges: Array<{ cursor: string; node: CityNode }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

const CITIES = `
  query Cities($first: Int, $after: String, $filter: CityFilter) {
    cities(first: $first, after: $after, filter: $filter) {
      totalCount
      edges { cursor node { slug name federalState joinedYear kind } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }`;

describe('cities through GraphQL', () => {
  let api: TestPlatform;

  beforeAll(async () => {
    api = await startTestPlatform();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('pages through the whole network without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: { data?: CitiesPage | null } = await api.gql<CitiesPage>(CITIES, {
        first: 10,
        after,
      });
      const page: CitiesPage['cities'] = result.data!.cities;
      // Other test files admit cities of their own for a while: at least the demo ones.
      expect(page.totalCount).toBeGreaterThanOrEqual(DEMO_CITIES.length);
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((edge) => edge.node.slug));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(Math.ceil(seen.length / 10));
    // No repeats, no gaps: every demo city once (and only cities of other tests besides).
    expect(new Set(seen).size).toBe(seen.length);
    const demoSlugs = DEMO_CITIES.map((city) => city.slug);
    expect(seen.filter((slug) => demoSlugs.includes(slug)).sort()).toEqual(demoSlugs.sort());
  });

  it('sorts in German alphabetical order (umlauts with their vowel)', async () => {
    const { data } = await api.gql<CitiesPage>(CITIES, { first: 100 });
    const names = data!.cities.edges.map((edge) => edge.node.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'de')));
    expect(names.indexOf('Würzburg')).toBeLessThan(names.indexOf('Zittau'));
  });

  it('lists Cloppenburg in Lower Saxony with the 2024 intake', async () => {
    const { data } = await api.gql<CitiesPage>(CITIES, {
      first: 100,
      filter: { federalState: 'DE-NI' },
    });
    const slugs = data!.cities.edges.map((edge) => edge.node.slug);
    expect(slugs).toContain('cloppenburg');
    expect(data!.cities.edges.every((edge) => edge.node.federalState === 'DE-NI')).toBe(true);
    expect(data!.cities.totalCount).toBeGreaterThanOrEqual(
      DEMO_CITIES.filter((city) => city.federalState === 'DE-NI').length,
    );
  });

  it('filters by cohort, kind and name, also combined', async () => {
    const cohort = await api.gql<CitiesPage>(CITIES, { first: 100, filter: { joinedYear: 2024 } });
    expect(cohort.data!.cities.totalCount).toBe(23);
    expect(new Set(cohort.data!.cities.edges.map((edge) => edge.node.federalState)).size).toBe(9);

    const districts = await api.gql<CitiesPage>(CITIES, { filter: { kind: 'DISTRICT' } });
    expect(districts.data!.cities.edges.map((edge) => edge.node.slug).sort()).toEqual([
      'dortmund-nordstadt',
      'leipzig-gruenau',
    ]);

    const search = await api.gql<CitiesPage>(CITIES, { filter: { search: 'burg' } });
    const found = search.data!.cities.edges.map((edge) => edge.node.name);
    expect(found).toEqual(
      expect.arrayContaining(['Cloppenburg', 'Blankenburg (Harz)', 'Bitburg', 'Wolfsburg']),
    );
    expect(found.every((name) => name.toLowerCase().includes('burg'))).toBe(true);

    const combined = await api.gql<CitiesPage>(CITIES, {
      filter: { search: 'burg', joinedYear: 2024, federalState: 'de-ni' },
    });
    expect(combined.data!.cities.edges.map((edge) => edge.node.slug)).toEqual([
      'cloppenburg',
      'nienburg-weser',
    ]);
  });

  it('treats % and _ in a search as text, not as wildcards', async () => {
    const { data } = await api.gql<CitiesPage>(CITIES, { filter: { search: '%' } });
    expect(data!.cities.totalCount).toBe(0);
  });

  it.each([
    [{ first: 1000 }, 'first', 'PAGE_SIZE_TOO_LARGE'],
    [{ first: MAX_PAGE_SIZE + 1 }, 'first', 'PAGE_SIZE_TOO_LARGE'],
    [{ first: 0 }, 'first', 'PAGE_SIZE_TOO_SMALL'],
    [{ after: 'definitely-not-a-cursor' }, 'after', 'MALFORMED_CURSOR'],
    [{ after: 'W10' }, 'after', 'MALFORMED_CURSOR'],
    [{ filter: { federalState: 'DE-XX' } }, 'filter.federalState', 'UNKNOWN_FEDERAL_STATE'],
    [{ filter: { federalState: 'Niedersachsen' } }, 'filter.federalState', 'UNKNOWN_FEDERAL_STATE'],
    [{ filter: { joinedYear: 1850 } }, 'filter.joinedYear', 'JOINED_YEAR_OUT_OF_RANGE'],
    [{ filter: { search: 'x'.repeat(101) } }, 'filter.search', 'SEARCH_TOO_LONG'],
  ])('answers %j with a typed BAD_USER_INPUT on %s', async (variables, field, reason) => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: CITIES, variables }),
    });
    expect(response.status).toBeLessThan(500);
    const body = (await response.json()) as {
      errors?: Array<{ extensions: Record<string, unknown> }>;
      data: unknown;
    };
    expect(body.data).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason });
  });

  it('rejects a wrongly typed variable before any resolver runs', async () => {
    const { errors } = await api.gql(CITIES, { first: 'zehn' });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('rejects an unknown kind as a validation error', async () => {
    const { errors } = await api.gql(CITIES, { filter: { kind: 'VILLAGE' } });
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter' });
  });

  it('returns a city by slug, and null (not an error) for an unknown slug', async () => {
    const query = `query($slug: String!) { city(slug: $slug) { name federalState joinedYear kind brandColor population focusTopics { slug } } }`;
    const known = await api.gql<{ city: Record<string, unknown> | null }>(query, {
      slug: 'cloppenburg',
    });
    expect(known.errors).toBeUndefined();
    expect(known.data!.city).toMatchObject({
      name: 'Cloppenburg',
      federalState: 'DE-NI',
      joinedYear: 2024,
      kind: 'CITY',
    });
    expect(known.data!.city!.brandColor).toMatch(/^#[0-9a-f]{6}$/);
    expect((known.data!.city!.focusTopics as unknown[]).length).toBeGreaterThan(0);

    const unknown = await api.gql<{ city: unknown }>(query, { slug: 'atlantis' });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data!.city).toBeNull();
  });

  it('counts cities per federal state', async () => {
    const { data } = await api.gql<{ federalStates: Array<{ code: string; cityCount: number }> }>(
      '{ federalStates { code cityCount } }',
    );
    const total = data!.federalStates.reduce((sum, state) => sum + state.cityCount, 0);
    expect(total).toBeGreaterThanOrEqual(DEMO_CITIES.length);
    const lowerSaxony = data!.federalStates.find((state) => state.code === 'DE-NI');
    expect(lowerSaxony?.cityCount).toBeGreaterThanOrEqual(
      DEMO_CITIES.filter((city) => city.federalState === 'DE-NI').length,
    );
  });
});
