import { DataSource } from 'typeorm';
import { practiceSearchSource } from '../src/modules/practices/practice-search.source';
import { OutboxWorker } from '../src/search/outbox-worker';
import { reindex } from '../src/search/reindex';
import { SYSTEM_DB } from '../src/database/system-db';
import { SEARCH_INDEX, type SearchIndex } from '../src/search/search-index';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const CREATE = `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id revision status visibility city { slug } topics { slug } } }`;
const UPDATE = `mutation($input: UpdatePracticeInput!) { updatePractice(input: $input) { id revision title } }`;
const PUBLISH = `mutation($id: ID!) { publishPractice(id: $id) { status publishedAt } }`;
const SEARCH = `query($q: String!, $filter: PracticeSearchFilter, $first: Int) {
  searchPractices(query: $q, filter: $filter, first: $first) {
    totalHits processingTimeMs tookMs
    hits { titleHtml summaryHtml practice { id title visibility city { slug } } }
    facets { topics { value label count } federalStates { value label count } cities { value label count } joinedYears { value count } kinds { value label count } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface SearchResult {
  searchPractices: {
    totalHits: number;
    hits: Array<{
      titleHtml: string;
      summaryHtml: string;
      practice: { id: string; title: string; visibility: string; city: { slug: string } };
    }>;
    facets: Record<string, Array<{ value: string; label: string; count: number }>>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('practices', () => {
  let api: TestPlatform;
  let gochCoordinator: Client;
  let gochMember: Client;
  let herfordMember: Client;
  let organizer: Client;

  /** Lets the outbox worker finish what is due, so search sees the last commit. */
  const settle = () => api.platform.app.get(OutboxWorker).settle();

  async function publishNew(client: Client, input: Record<string, unknown>): Promise<string> {
    const created = await client.gql<{ createPractice: { id: string } }>(CREATE, { input });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createPractice.id;
    const published = await gochCoordinator.gql(PUBLISH, { id });
    expect(published.errors).toBeUndefined();
    return id;
  }

  beforeAll(async () => {
    api = await startTestPlatform();
    [gochCoordinator, gochMember, herfordMember, organizer] = await Promise.all([
      api.as('coordinator', 'goch'),
      api.as('member', 'goch'),
      api.as('member', 'herford'),
      api.as('organizer'),
    ]);
    // Other files write practices past this index (their own Meilisearch, owner inserts):
    // rebuild it so it mirrors PostgreSQL before counting.
    await reindex(
      api.platform.app.get<SearchIndex>(SEARCH_INDEX),
      api.platform.app.get<DataSource>(SYSTEM_DB),
      practiceSearchSource,
    );
    await settle();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('lets members draft and only coordinators publish', async () => {
    const created = await gochMember.gql<{ createPractice: Record<string, unknown> }>(CREATE, {
      input: {
        citySlug: 'goch',
        title: 'Nachbarschaftsgarten am Niers-Ufer',
        summary: 'Ein Garten für alle.',
        topicSlugs: ['nachhaltigkeit'],
        visibility: 'NETWORK',
      },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createPractice).toMatchObject({
      status: 'DRAFT',
      revision: 1,
      city: { slug: 'goch' },
      topics: [{ slug: 'nachhaltigkeit' }],
    });
    const id = created.data!.createPractice.id as string;

    const byMember = await gochMember.gql(PUBLISH, { id });
    expect(byMember.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NEEDS_COORDINATOR',
    });
    const foreign = await herfordMember.gql(PUBLISH, { id });
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' }); // a foreign draft is invisible
    const ok = await gochCoordinator.gql<{ publishPractice: { status: string } }>(PUBLISH, { id });
    expect(ok.data?.publishPractice.status).toBe('PUBLISHED');
    const twice = await gochCoordinator.gql(PUBLISH, { id });
    expect(twice.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });

    const archived = await organizer.gql<{ archivePractice: { status: string } }>(
      'mutation($id: ID!) { archivePractice(id: $id) { status } }',
      { id },
    );
    expect(archived.data?.archivePractice.status).toBe('ARCHIVED');
    const memberArchive = await herfordMember.gql(
      'mutation($id: ID!) { archivePractice(id: $id) { status } }',
      { id },
    );
    expect(memberArchive.errors?.[0].extensions?.code).toMatch(/NOT_FOUND|FORBIDDEN/);
  });

  it('rejects bad input with typed errors on the field and writes nothing', async () => {
    const before = await api.ownerQuery<{ n: number }>('SELECT count(*)::int AS n FROM practice');
    const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [
        { citySlug: 'goch', title: 'x', summary: 'ok' },
        { code: 'BAD_USER_INPUT', field: 'input.title' },
      ],
      [
        { citySlug: 'goch', title: 'Gültiger Titel' },
        { code: 'BAD_USER_INPUT', field: 'input.summary' },
      ],
      [
        { citySlug: 'goch', title: 'Gültiger Titel', summary: 's', topicSlugs: ['gibt-es-nicht'] },
        { reason: 'UNKNOWN_TOPIC', field: 'input.topicSlugs.0' },
      ],
      [
        {
          citySlug: 'goch',
          title: 'Gültiger Titel',
          summary: 's',
          links: [{ label: 'x', url: 'javascript:alert(1)' }],
        },
        { field: 'input.links.0.url' },
      ],
      [
        {
          citySlug: 'goch',
          title: 'Gültiger Titel',
          summary: 's',
          periodFrom: '2024-05-01',
          periodTo: '2024-04-01',
        },
        { field: 'input.periodTo' },
      ],
      [
        { citySlug: 'goch', title: 'Gültiger Titel', summary: 's', periodFrom: '2024-02-30' },
        { field: 'input.periodFrom' },
      ],
      [
        { citySlug: 'goch', title: 'Gültiger Titel', summary: 's', contactEmail: 'keine' },
        { field: 'input.contactEmail' },
      ],
      [
        { citySlug: 'atlantis', title: 'Gültiger Titel', summary: 's' },
        { code: 'NOT_FOUND', field: 'input.citySlug' },
      ],
      [{ citySlug: 'herford', title: 'Gültiger Titel', summary: 's' }, { code: 'FORBIDDEN' }],
    ];
    for (const [input, expected] of cases) {
      const { errors } = await gochMember.gql(CREATE, { input });
      expect(errors?.[0].extensions).toMatchObject(expected);
    }
    const after = await api.ownerQuery<{ n: number }>('SELECT count(*)::int AS n FROM practice');
    expect(after[0].n).toBe(before[0].n);
  });

  it('keeps every save as a revision, refuses stale saves, and restores an old one', async () => {
    const created = await gochMember.gql<{ createPractice: { id: string } }>(CREATE, {
      input: { citySlug: 'goch', title: 'Erste Fassung', summary: 'Anfang', body: 'Version eins' },
    });
    const id = created.data!.createPractice.id;
    const second = await gochMember.gql<{ updatePractice: { revision: number } }>(UPDATE, {
      input: { id, expectedRevision: 1, title: 'Zweite Fassung', body: 'Version zwei' },
    });
    expect(second.data?.updatePractice.revision).toBe(2);
    const stale = await gochMember.gql(UPDATE, {
      input: { id, expectedRevision: 1, title: 'Verlorene Fassung' },
    });
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_REVISION',
      params: { current: 2 },
    });

    const history = await gochMember.gql<{
      practiceRevisions: Array<{
        number: number;
        title: string;
        body: string;
        author: { displayName: string; city: { slug: string } };
      }>;
    }>(
      'query($id: ID!) { practiceRevisions(id: $id) { number title body author { displayName city { slug } } } }',
      { id },
    );
    expect(history.data!.practiceRevisions.map((r) => [r.number, r.title])).toEqual([
      [2, 'Zweite Fassung'],
      [1, 'Erste Fassung'],
    ]);
    // Authors appear by name, for the practice's city; their address is no one else's business.
    expect(history.data!.practiceRevisions[0].author).toEqual({
      displayName: 'Mitglied Goch',
      city: { slug: 'goch' },
    });

    const byMember = await gochMember.gql(
      'mutation($id: ID!) { restorePracticeRevision(id: $id, number: 1) { revision } }',
      { id },
    );
    expect(byMember.errors?.[0].extensions?.reason).toBe('NEEDS_COORDINATOR');
    const restored = await gochCoordinator.gql<{
      restorePracticeRevision: { revision: number; title: string; body: string };
    }>(
      'mutation($id: ID!) { restorePracticeRevision(id: $id, number: 1) { revision title body } }',
      { id },
    );
    expect(restored.data?.restorePracticeRevision).toEqual({
      revision: 3,
      title: 'Erste Fassung',
      body: 'Version eins',
    });
    const missing = await gochCoordinator.gql(
      'mutation($id: ID!) { restorePracticeRevision(id: $id, number: 99) { revision } }',
      { id },
    );
    expect(missing.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'REVISION_NOT_FOUND',
    });
  });

  it('answers viewerCan* exactly as the mutations then decide, for every role', async () => {
    const VIEWER =
      'query($id: ID!) { practice(id: $id) { revision viewerCanEdit viewerCanPublish viewerCanArchive } }';
    const REVERT = 'mutation($id: ID!) { revertPracticeToDraft(id: $id) { status } }';
    const ARCHIVE = 'mutation($id: ID!) { archivePractice(id: $id) { status } }';
    type Viewer = {
      revision: number;
      viewerCanEdit: boolean;
      viewerCanPublish: boolean;
      viewerCanArchive: boolean;
    };
    const roles: Record<string, Client | null> = {
      anonymous: null,
      member: gochMember,
      coordinator: gochCoordinator,
      foreignMember: herfordMember,
      organizer,
    };
    // [edit, publish (or send back to draft), archive]; null: the caller does not see it.
    const EXPECTED: Record<string, Record<'DRAFT' | 'PUBLISHED', boolean[] | null>> = {
      anonymous: { DRAFT: null, PUBLISHED: [false, false, false] },
      member: { DRAFT: [true, false, false], PUBLISHED: [false, false, false] },
      coordinator: { DRAFT: [true, true, true], PUBLISHED: [true, true, true] },
      foreignMember: { DRAFT: null, PUBLISHED: [false, false, false] },
      organizer: { DRAFT: null, PUBLISHED: [false, false, true] },
    };
    const fresh = async (status: 'DRAFT' | 'PUBLISHED') => {
      const created = await gochMember.gql<{ createPractice: { id: string } }>(CREATE, {
        input: { citySlug: 'goch', title: 'Rechte im Blick', summary: 's', visibility: 'PUBLIC' },
      });
      const id = created.data!.createPractice.id;
      if (status === 'PUBLISHED') await gochCoordinator.gql(PUBLISH, { id });
      return id;
    };
    for (const [role, client] of Object.entries(roles)) {
      const ask = <T>(query: string, variables: Record<string, unknown>) =>
        client ? client.gql<T>(query, variables) : api.gql<T>(query, variables);
      for (const status of ['DRAFT', 'PUBLISHED'] as const) {
        const [editId, publishId, archiveId] = [
          await fresh(status),
          await fresh(status),
          await fresh(status),
        ];
        const viewer = async (id: string) =>
          (await ask<{ practice: Viewer | null }>(VIEWER, { id })).data?.practice ?? null;
        const seen = await viewer(editId);
        const said = seen && [
          seen.viewerCanEdit,
          (await viewer(publishId))!.viewerCanPublish,
          (await viewer(archiveId))!.viewerCanArchive,
        ];
        expect([role, status, said]).toEqual([role, status, EXPECTED[role][status]]);
        const done = [
          await ask(UPDATE, {
            input: { id: editId, expectedRevision: seen?.revision ?? 1, title: 'Geänderter Titel' },
          }),
          await ask(status === 'DRAFT' ? PUBLISH : REVERT, { id: publishId }),
          await ask(ARCHIVE, { id: archiveId }),
        ].map((response) => response.errors === undefined);
        expect([role, status, done]).toEqual([role, status, said ?? [false, false, false]]);
      }
    }
  });

  it('renders Markdown safely', async () => {
    const created = await gochMember.gql<{ createPractice: { id: string } }>(CREATE, {
      input: {
        citySlug: 'goch',
        title: 'Sicheres Markdown',
        summary: 's',
        body: '**fett** <script>alert(1)</script>',
      },
    });
    const { data } = await gochMember.gql<{ practice: { bodyHtml: string } }>(
      'query($id: ID!) { practice(id: $id) { bodyHtml } }',
      {
        id: created.data!.createPractice.id,
      },
    );
    expect(data!.practice.bodyHtml).toContain('<strong>fett</strong>');
    expect(data!.practice.bodyHtml).not.toContain('<script>');
  });

  it('shows practices by visibility: anonymous PUBLIC only, members also NETWORK, CITY only to the own city', async () => {
    const word = `Leuchtturmprojekt${Date.now().toString(36)}`;
    const ids: Record<string, string> = {};
    for (const visibility of ['PUBLIC', 'NETWORK', 'CITY']) {
      ids[visibility] = await publishNew(gochMember, {
        citySlug: 'goch',
        title: `${word} ${visibility.toLowerCase()}`,
        summary: 'Sichtbarkeitstest',
        visibility,
      });
    }
    await settle();
    const found = async (client: Client | null) => {
      const result = client
        ? await client.gql<SearchResult>(SEARCH, { q: word })
        : await api.gql<SearchResult>(SEARCH, { q: word });
      return result.data!.searchPractices.hits.map((hit) => hit.practice.visibility).sort();
    };
    expect(await found(null)).toEqual(['PUBLIC']);
    expect(await found(herfordMember)).toEqual(['NETWORK', 'PUBLIC']);
    expect(await found(gochMember)).toEqual(['CITY', 'NETWORK', 'PUBLIC']);
    expect(await found(organizer)).toEqual(['NETWORK', 'PUBLIC']);

    const direct = async (client: Client | null, id: string) => {
      const query = 'query($id: ID!) { practice(id: $id) { id } }';
      const result = client
        ? await client.gql<{ practice: unknown }>(query, { id })
        : await api.gql<{ practice: unknown }>(query, { id });
      return result.data?.practice !== null;
    };
    expect(await direct(null, ids.NETWORK)).toBe(false);
    expect(await direct(herfordMember, ids.CITY)).toBe(false);
    expect(await direct(herfordMember, ids.NETWORK)).toBe(true);
    expect(await direct(gochMember, ids.CITY)).toBe(true);
  });

  it('finds German words with typos and with the network’s synonyms, with highlighted snippets', async () => {
    await publishNew(gochMember, {
      citySlug: 'goch',
      title: 'Sternschnuppenwerkstatt für Jugendliche',
      summary: 'Partizipation von Kindern und Jugendlichen am Quallensee.',
      visibility: 'PUBLIC',
    });
    await settle();
    const titles = async (q: string) =>
      (await api.gql<SearchResult>(SEARCH, { q })).data!.searchPractices.hits.map(
        (hit) => hit.practice.title,
      );
    expect(await titles('Sternschnupenwerkstatt')).toContain(
      'Sternschnuppenwerkstatt für Jugendliche',
    );
    expect(await titles('Beteiligung Quallensee')).toContain(
      'Sternschnuppenwerkstatt für Jugendliche',
    );
    expect(await titles('Jugend Sternschnuppenwerkstatt')).toContain(
      'Sternschnuppenwerkstatt für Jugendliche',
    );
    const { data } = await api.gql<SearchResult>(SEARCH, { q: 'Quallensee' });
    expect(data!.searchPractices.hits[0].summaryHtml).toContain('<mark>Quallensee</mark>');
  });

  it('counts facets like the database does and filters by them', async () => {
    const { data } = await gochMember.gql<SearchResult>(SEARCH, {
      q: '',
      filter: { citySlugs: ['herford'] },
      first: 100,
    });
    const [expected] = await api.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM practice p JOIN city c ON c.id = p.city_id
        WHERE c.slug = 'herford' AND p.status = 'PUBLISHED' AND p.visibility IN ('PUBLIC', 'NETWORK')`,
    );
    expect(data!.searchPractices.totalHits).toBe(expected.n);
    expect(data!.searchPractices.facets.cities).toEqual([
      { value: 'herford', label: 'Herford', count: expected.n },
    ]);
    expect(data!.searchPractices.hits.every((hit) => hit.practice.city.slug === 'herford')).toBe(
      true,
    );

    const [topicCount] = await api.ownerQuery<{ n: number }>(
      `SELECT count(DISTINCT p.id)::int AS n FROM practice p JOIN city c ON c.id = p.city_id
         JOIN practice_topic pt ON pt.practice_id = p.id JOIN topic t ON t.id = pt.topic_id
        WHERE c.slug = 'herford' AND p.status = 'PUBLISHED' AND p.visibility IN ('PUBLIC', 'NETWORK') AND t.slug = 'digitalisierung'`,
    );
    const digital = data!.searchPractices.facets.topics.find(
      (facet) => facet.value === 'digitalisierung',
    );
    expect(digital?.count ?? 0).toBe(topicCount.n);
    expect(data!.searchPractices.facets.federalStates).toEqual([
      { value: 'DE-NW', label: 'Nordrhein-Westfalen', count: expected.n },
    ]);

    const bad = await api.gql(SEARCH, { q: '', filter: { federalStates: ['DE-XX'] } });
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'filter.federalStates.0',
    });
  });

  it('pages through search results without repeats', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    for (let page = 0; page < 3; page++) {
      const result: { data?: SearchResult | null } = await gochMember.gql<SearchResult>(
        `query($after: String) { searchPractices(query: "", first: 10, after: $after) { hits { practice { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      for (const hit of result.data!.searchPractices.hits) {
        expect(seen.has(hit.practice.id)).toBe(false);
        seen.add(hit.practice.id);
      }
      after = result.data!.searchPractices.pageInfo.endCursor;
    }
    expect(seen.size).toBe(30);
  });

  it('suggests similar practices on the same topics, never itself, only visible ones', async () => {
    const id = await publishNew(gochMember, {
      citySlug: 'goch',
      title: 'Tauschregal im Rathaus',
      summary: 'Bücher und Werkzeug tauschen.',
      topicSlugs: ['nachhaltigkeit'],
      visibility: 'PUBLIC',
    });
    const sibling = await publishNew(gochMember, {
      citySlug: 'goch',
      title: 'Saatgutbibliothek',
      summary: 'Samen leihen und zurückgeben.',
      topicSlugs: ['nachhaltigkeit'],
      visibility: 'PUBLIC',
    });
    const hidden = await publishNew(gochMember, {
      citySlug: 'goch',
      title: 'Interner Tauschkreis',
      summary: 'Nur für Goch.',
      topicSlugs: ['nachhaltigkeit'],
      visibility: 'CITY',
    });
    await settle();
    const similar = await api.gql<{
      similarPractices: Array<{ id: string; topics: Array<{ slug: string }>; visibility: string }>;
    }>(
      'query($id: ID!) { similarPractices(id: $id, first: 50) { id visibility topics { slug } } }',
      { id },
    );
    const ids = similar.data!.similarPractices.map((entry) => entry.id);
    expect(ids).toContain(sibling);
    expect(ids).not.toContain(id);
    expect(ids).not.toContain(hidden);
    expect(similar.data!.similarPractices.every((entry) => entry.visibility === 'PUBLIC')).toBe(
      true,
    );
    expect(similar.data!.similarPractices[0].topics.map((topic) => topic.slug)).toContain(
      'nachhaltigkeit',
    );
  });

  it('reads a page of 100 practices with city, topics and attachments in a constant number of statements', async () => {
    const query = `query($first: Int) { practices(first: $first) { edges { node { id title city { name } topics { slug } attachments { id } } } } }`;
    const small = await gochMember.gql<{ practices: { edges: unknown[] } }>(query, { first: 5 });
    const large = await gochMember.gql<{ practices: { edges: unknown[] } }>(query, { first: 100 });
    expect(large.data!.practices.edges).toHaveLength(100);
    const count = (response: unknown) =>
      (response as { extensions: { queryCount: number } }).extensions.queryCount;
    expect(count(large)).toBe(count(small));
    expect(count(large)).toBeLessThan(30);
  });
  it('shows the city of a practice whose city was admitted after the city list was cached', async () => {
    // The first read fills the cached list of cities that Practice.city is served from.
    const before = await api.gql<{
      practices: { edges: Array<{ node: { city: { name: string } } }> };
    }>('query { practices(first: 1) { edges { node { city { name } } } } }');
    expect(before.data!.practices.edges[0].node.city.name).toBeTruthy();
    const [city] = await api.ownerQuery<{ id: string }>(
      `INSERT INTO city (slug, name, kind, federal_state, joined_year)
       VALUES ('neu-aufgenommen', 'Neu Aufgenommen', 'COMMUNITY', 'DE-NI', 2026) RETURNING id`,
    );
    const [practice] = await api.ownerQuery<{ id: string }>(
      `INSERT INTO practice (city_id, title, summary, status, visibility, published_at)
       VALUES ($1, 'Erste Praxis der neuen Gemeinde', 'Zusammenfassung', 'PUBLISHED', 'PUBLIC', now()) RETURNING id`,
      [city.id],
    );
    try {
      const read = await api.gql<{ practice: { city: { slug: string; name: string } } }>(
        'query($id: ID!) { practice(id: $id) { city { slug name } } }',
        { id: practice.id },
      );
      expect(read.errors).toBeUndefined();
      expect(read.data!.practice.city).toEqual({
        slug: 'neu-aufgenommen',
        name: 'Neu Aufgenommen',
      });
    } finally {
      await api.ownerQuery('DELETE FROM practice WHERE id = $1', [practice.id]);
      await api.ownerQuery('DELETE FROM city WHERE id = $1', [city.id]);
    }
  });
  it('lets the engine itself keep a search to its scope, even when the request filter forgets it', async () => {
    await settle();
    const search = api.platform.app.get<SearchIndex>(SEARCH_INDEX);
    // A request without any visibility clause, as a buggy feature might send it.
    const request = { query: '', offset: 0, limit: 1000, facets: ['visibility', 'cityId'] };
    const unscoped = await search.search('practices', request);
    expect(Object.keys(unscoped.facets.visibility ?? {}).sort()).toEqual(
      expect.arrayContaining(['CITY', 'NETWORK', 'PUBLIC']),
    );
    const anonymous = await search.search('practices', request, 'visibility = "PUBLIC"');
    expect(anonymous.hits.length).toBeGreaterThan(0);
    expect(anonymous.hits.every((hit) => hit.document.visibility === 'PUBLIC')).toBe(true);
    // Counts too: nothing hidden is even counted.
    expect(Object.keys(anonymous.facets.visibility)).toEqual(['PUBLIC']);
    expect(anonymous.total).toBe(unscoped.facets.visibility.PUBLIC);
    // A member's scope: what the network shares, and the own city's practices.
    const [goch] = await api.ownerQuery<{ id: string }>("SELECT id FROM city WHERE slug = 'goch'");
    const member = await search.search(
      'practices',
      request,
      `(visibility IN ["PUBLIC", "NETWORK"] OR cityId IN ["${goch.id}"])`,
    );
    const cityOnly = member.hits.filter((hit) => hit.document.visibility === 'CITY');
    expect(cityOnly.every((hit) => hit.document.cityId === goch.id)).toBe(true);
    expect(member.total).toBeLessThan(unscoped.total);
  });
});
