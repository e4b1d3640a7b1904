import { encodeCursor } from '../src/core/graphql/pagination';
import { OutboxWorker } from '../src/search/outbox-worker';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const SEARCH = `query($q: String!, $kinds: [SearchKind!], $first: Int, $after: String) {
  search(query: $q, kinds: $kinds, first: $first, after: $after) {
    totalCount
    counts { kind count }
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        __typename
        ... on PracticeHit { kind titleHtml practice { id } }
        ... on RecordHit { kind snippetHtml conferenceTitle record { id } }
        ... on ConferenceHit { kind titleHtml conference { id title } }
        ... on CityHit { kind nameHtml city { slug } }
      }
    }
  }
}`;

interface Node {
  __typename: string;
  kind: string;
  titleHtml?: string;
  nameHtml?: string;
  snippetHtml?: string;
  practice?: { id: string };
  record?: { id: string };
  conference?: { id: string; title: string };
  city?: { slug: string };
}
interface Found {
  totalCount: number;
  counts: Array<{ kind: string; count: number }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: Node }>;
}

/** The one search box: one ranked list over four indexes, visibility per index, typed refusals. */
describe('search: practices, records, conferences and cities in one request', () => {
  let api: TestPlatform;
  let organizer: Client;
  let coordinator: Client;
  let ownMember: Client;
  let foreignMember: Client;
  const suffix = Date.now()
    .toString(36)
    .replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)]);
  // One word in the conference's title, the record's minutes and the public practice.
  const shared = `Leuchtturm${suffix}`;
  const conferenceWord = `Regionalkonferenz Kuestenforum${suffix}`;
  const minutesWord = `Quartiersfest${suffix}`;
  const practiceWord = `Zirkuswagen${suffix}`;
  const privateWord = `Geheimgarten${suffix}`;
  let conferenceId: string;
  let recordId: string;
  let practiceId: string;

  async function search(
    client: Client | undefined,
    variables: Record<string, unknown>,
  ): Promise<Found> {
    const answer = await (client ? client.gql.bind(client) : api.gql)<{ search: Found }>(
      SEARCH,
      variables,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.search;
  }
  const count = (found: Found, kind: string) =>
    found.counts.find((entry) => entry.kind === kind)?.count;

  async function practice(citySlug: string, title: string, visibility: string): Promise<string> {
    const created = await coordinator.gql<{ createPractice: { id: string } }>(
      'mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }',
      {
        input: {
          citySlug,
          title,
          summary: 'Ein Platz für Kinder im Quartier.',
          visibility,
          topicSlugs: ['nachhaltigkeit'],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createPractice.id;
    const published = await coordinator.gql(
      'mutation($id: ID!) { publishPractice(id: $id) { status } }',
      { id },
    );
    expect(published.errors).toBeUndefined();
    return id;
  }

  beforeAll(async () => {
    api = await startTestPlatform();
    organizer = await api.as('organizer');
    coordinator = await api.as('coordinator', 'eschwege');
    ownMember = await api.as('member', 'eschwege');
    foreignMember = await api.as('member', 'zittau');
    const created = await organizer.gql<{ createConference: { id: string } }>(
      'mutation($i: ConferenceInput!) { createConference(input: $i) { id } }',
      {
        i: {
          title: `${conferenceWord} ${shared}`,
          kind: 'REGIONAL_CONFERENCE',
          region: 'NORTH',
          startsAt: '2027-05-10T10:00',
          endsAt: '2027-05-10T16:00',
          capacity: 40,
        },
      },
    );
    expect(created.errors).toBeUndefined();
    conferenceId = created.data!.createConference.id;
    const record = await organizer.gql<{ saveConferenceRecord: { id: string } }>(
      'mutation($i: SaveConferenceRecordInput!) { saveConferenceRecord(input: $i) { id } }',
      {
        i: {
          conferenceId,
          minutes: `## Ablauf\n\nAm Nachmittag wurde das ${minutesWord} geplant, mit allen Vereinen (${shared}).`,
          decisions: 'Die Städte tauschen sich monatlich aus.',
          outcomes: 'Zwei neue Tandems',
        },
      },
    );
    expect(record.errors).toBeUndefined();
    recordId = record.data!.saveConferenceRecord.id;
    const final = await organizer.gql(
      'mutation($id: ID!) { finalizeConferenceRecord(id: $id) { status } }',
      { id: recordId },
    );
    expect(final.errors).toBeUndefined();
    practiceId = await practice(
      'eschwege',
      `${practiceWord} auf dem Marktplatz, ein ${shared}`,
      'PUBLIC',
    );
    await practice('eschwege', `${privateWord} hinter dem Rathaus`, 'CITY');
    await api.platform.app.get(OutboxWorker).settle(120_000);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('finds a conference by its name, labelled and highlighted', async () => {
    const found = await search(undefined, { q: conferenceWord });
    const hit = found.edges.find((edge) => edge.node.conference?.id === conferenceId)?.node;
    expect(hit).toMatchObject({ __typename: 'ConferenceHit', kind: 'CONFERENCE' });
    expect(hit!.titleHtml).toContain('<mark>');
    expect(count(found, 'CONFERENCE')).toBeGreaterThanOrEqual(1);
    // The plain word finds it too, among the network's other regional conferences.
    const plain = await search(undefined, {
      q: 'Regionalkonferenz',
      kinds: ['CONFERENCE'],
      first: 100,
    });
    expect(plain.edges.map((edge) => edge.node.conference?.id)).toContain(conferenceId);
    expect(plain.edges.every((edge) => edge.node.kind === 'CONFERENCE')).toBe(true);
  });

  it('finds a record by a word in its minutes, for network members only', async () => {
    const found = await search(foreignMember, { q: minutesWord });
    expect(found.edges).toHaveLength(1);
    expect(found.edges[0].node).toMatchObject({
      __typename: 'RecordHit',
      kind: 'RECORD',
      conferenceTitle: `${conferenceWord} ${shared}`,
      record: { id: recordId },
    });
    expect(found.edges[0].node.snippetHtml).toContain(`<mark>${minutesWord}</mark>`);
    expect(count(found, 'RECORD')).toBe(1);
    // Anonymous callers neither find nor count records.
    const anonymous = await search(undefined, { q: minutesWord });
    expect(anonymous.edges).toEqual([]);
    expect(count(anonymous, 'RECORD')).toBe(0);
    expect(anonymous.totalCount).toBe(0);
  });

  it('finds a city by its name', async () => {
    const found = await search(undefined, { q: 'Cloppenburg' });
    const hit = found.edges.find((edge) => edge.node.kind === 'CITY')?.node;
    expect(hit).toMatchObject({ __typename: 'CityHit', city: { slug: 'cloppenburg' } });
    expect(hit!.nameHtml).toBe('<mark>Cloppenburg</mark>');
    expect(count(found, 'CITY')).toBe(1);
  });

  it('finds a practice despite a typo', async () => {
    const typo = practiceWord.replace('Zirkuswagen', 'Zirkusvagen');
    const found = await search(undefined, { q: typo, kinds: ['PRACTICE'] });
    expect(found.edges.map((edge) => edge.node.practice?.id)).toEqual([practiceId]);
    expect(found.edges[0].node).toMatchObject({ __typename: 'PracticeHit', kind: 'PRACTICE' });
    expect(found.totalCount).toBe(1);
  });

  it('neither finds nor counts a private practice of another city', async () => {
    const foreign = await search(foreignMember, { q: privateWord });
    expect(foreign.edges).toEqual([]);
    expect(count(foreign, 'PRACTICE')).toBe(0);
    expect(foreign.totalCount).toBe(0);
    const anonymous = await search(undefined, { q: privateWord });
    expect(count(anonymous, 'PRACTICE')).toBe(0);
    const own = await search(ownMember, { q: privateWord });
    expect(own.edges.map((edge) => edge.node.kind)).toEqual(['PRACTICE']);
    expect(count(own, 'PRACTICE')).toBe(1);
  });

  it('ranks across kinds in one list, counts every kind for the tabs, and pages by cursor', async () => {
    const all = await search(organizer, { q: shared, first: 2 });
    expect(all.counts).toEqual([
      { kind: 'PRACTICE', count: 1 },
      { kind: 'RECORD', count: 1 },
      { kind: 'CONFERENCE', count: 1 },
      { kind: 'CITY', count: 0 },
    ]);
    expect(all.totalCount).toBe(3);
    const seen = new Set<string>();
    let page: Found = all;
    let pages = 0;
    for (;;) {
      pages += 1;
      for (const edge of page.edges) seen.add(edge.node.kind);
      if (!page.pageInfo.hasNextPage) break;
      page = await search(organizer, { q: shared, first: 2, after: page.pageInfo.endCursor });
    }
    expect(pages).toBeGreaterThanOrEqual(2);
    expect([...seen].sort()).toEqual(['CONFERENCE', 'PRACTICE', 'RECORD']);
    const onlyRecords = await search(organizer, { q: shared, kinds: ['RECORD'] });
    expect(onlyRecords.totalCount).toBe(1);
    expect(count(onlyRecords, 'CONFERENCE')).toBe(1);
  });

  it('finds a city by a word of its profile once the coordinator saved it', async () => {
    const word = `Streuobstwiese${suffix}`;
    const before = await search(undefined, { q: word, kinds: ['CITY'] });
    expect(before.totalCount).toBe(0);
    const current = await coordinator.gql<{
      city: { details: { revision: number; brandColor: string } };
    }>('{ city(slug: "eschwege") { details { revision brandColor } } }');
    expect(current.errors).toBeUndefined();
    const saved = await coordinator.gql(
      'mutation($input: UpdateCityProfileInput!) { updateCityProfile(input: $input) { slug } }',
      {
        input: {
          citySlug: 'eschwege',
          expectedRevision: current.data!.city.details.revision,
          about: `Eschwege pflegt eine ${word} mit Schulklassen.`,
          focusTopicSlugs: ['nachhaltigkeit'],
          brandColor: current.data!.city.details.brandColor,
        },
      },
    );
    expect(saved.errors).toBeUndefined();
    await api.platform.app.get(OutboxWorker).settle(120_000);
    const after = await search(undefined, { q: word });
    expect(after.edges.map((edge) => edge.node.city?.slug)).toEqual(['eschwege']);
  });

  it('refuses bad input with typed errors', async () => {
    const refusal = async (variables: Record<string, unknown>) => {
      const answer = await api.gql(SEARCH, variables);
      expect(answer.data ?? null).toBeNull();
      return answer.errors?.[0].extensions;
    };
    expect(await refusal({ q: '  ' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_EMPTY',
      field: 'query',
    });
    expect(await refusal({ q: 'a'.repeat(201) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_LONG',
    });
    expect(await refusal({ q: 'Tandem', kinds: [] })).toMatchObject({ reason: 'NO_KINDS' });
    expect(await refusal({ q: 'Tandem', after: 'kaputt' })).toMatchObject({
      reason: 'MALFORMED_CURSOR',
      field: 'after',
    });
    expect(await refusal({ q: 'Tandem', after: encodeCursor([-5]) })).toMatchObject({
      reason: 'MALFORMED_CURSOR',
    });
    const unknownKind = await api.gql(SEARCH, { q: 'Tandem', kinds: ['TANDEM'] });
    expect(unknownKind.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
