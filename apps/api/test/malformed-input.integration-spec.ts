import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { OutboxWorker } from '../src/search/outbox-worker';
import { startTestPlatform, type Client, type GraphQLResponse, type TestPlatform } from './harness';

/**
 * Strings that no text column, search engine or HTTP header can hold: a NUL, and
 * UTF-16 surrogates without their partner. Every input must refuse them with one
 * typed error before anything runs, never a 500, never an outage.
 */
const MALFORMED = [
  { name: 'a NUL character', value: 'Lem\u0000go' },
  { name: 'a lone high surrogate', value: 'Lem\uD83Dgo' },
  { name: 'a lone low surrogate', value: '\uDE42Lemgo' },
] as const;

type Role = 'anonymous' | 'member' | 'organizer';

interface Operation {
  name: string;
  as: Role;
  /** The operation with `$v` where the malformed string goes. */
  query: string;
  /** GraphQL type of `$v`. */
  type: string;
  /** How the variables look when `$v` is not a plain string. */
  variables?: (value: string) => Record<string, unknown>;
  /** The argument path the error must name. */
  field: string;
}

const MARKER = `Fehlerhafte Eingabe ${Date.now()}`;

const OPERATIONS: Operation[] = [
  {
    name: 'city',
    as: 'anonymous',
    type: 'String!',
    query: '{ city(slug: $v) { id } }',
    field: 'slug',
  },
  {
    name: 'cities',
    as: 'anonymous',
    type: 'String',
    query: '{ cities(filter: { search: $v }) { totalCount } }',
    field: 'filter.search',
  },
  {
    name: 'practices (city)',
    as: 'member',
    type: 'String',
    query: '{ practices(filter: { citySlug: $v }) { totalCount } }',
    field: 'filter.citySlug',
  },
  {
    name: 'practices (topic list)',
    as: 'anonymous',
    type: 'String!',
    query: '{ practices(filter: { topicSlugs: ["jugend", $v] }) { totalCount } }',
    field: 'filter.topicSlugs.1',
  },
  {
    name: 'practices (cursor)',
    as: 'anonymous',
    type: 'String',
    query: '{ practices(after: $v) { totalCount } }',
    field: 'after',
  },
  {
    name: 'practice',
    as: 'anonymous',
    type: 'ID!',
    query: '{ practice(id: $v) { id } }',
    field: 'id',
  },
  {
    name: 'tandemSuggestions',
    as: 'organizer',
    type: 'String!',
    query: '{ tandemSuggestions(citySlug: $v) { score } }',
    field: 'citySlug',
  },
  {
    name: 'cityMembers',
    as: 'organizer',
    type: 'String!',
    query: '{ cityMembers(citySlug: $v) { id } }',
    field: 'citySlug',
  },
  {
    name: 'searchPractices',
    as: 'anonymous',
    type: 'String!',
    query: '{ searchPractices(query: $v) { totalHits } }',
    field: 'query',
  },
  {
    name: 'searchPractices (filter)',
    as: 'member',
    type: 'String!',
    query: '{ searchPractices(query: "", filter: { citySlugs: [$v] }) { totalHits } }',
    field: 'filter.citySlugs.0',
  },
  {
    name: 'searchRecords',
    as: 'member',
    type: 'String!',
    query: '{ searchRecords(query: $v) { snippetHtml } }',
    field: 'query',
  },
  {
    name: 'invitation',
    as: 'anonymous',
    type: 'String!',
    query: '{ invitation(token: $v) { email } }',
    field: 'token',
  },
  {
    name: 'login',
    as: 'anonymous',
    type: 'String!',
    query: 'mutation { login(input: { email: $v, password: "wissensnetz-demo" }) { id } }',
    field: 'input.email',
  },
  {
    name: 'createPractice (title)',
    as: 'member',
    type: 'String!',
    query:
      'mutation { createPractice(input: { citySlug: "lemgo", title: $v, summary: "x" }) { id } }',
    field: 'input.title',
  },
  {
    name: 'createPractice (whole input as one variable)',
    as: 'member',
    type: 'CreatePracticeInput!',
    query: 'mutation { createPractice(input: $v) { id } }',
    variables: (value) => ({
      v: {
        citySlug: 'lemgo',
        title: MARKER,
        summary: 'Mit einem kaputten Link',
        tags: ['ehrenamt'],
        links: [
          { label: 'gut', url: 'https://example.org' },
          { label: value, url: 'https://example.org' },
        ],
      },
    }),
    field: 'input.links.1.label',
  },
  {
    name: 'updateMe',
    as: 'member',
    type: 'String!',
    query: 'mutation { updateMe(input: { displayName: $v }) { id } }',
    field: 'input.displayName',
  },
];

/** `query` with `$v` declared, so the malformed string travels as a variable. */
function withVariable(operation: Operation): string {
  const body = operation.query.replace(/^(mutation|query)?\s*\{/, '');
  const kind = operation.query.startsWith('mutation') ? 'mutation' : 'query';
  return `${kind}($v: ${operation.type}) {${body}`;
}

describe('malformed strings in GraphQL input', () => {
  let api: TestPlatform;
  const clients = new Map<Role, Client>();

  beforeAll(async () => {
    api = await startTestPlatform();
    clients.set('anonymous', api.client());
    clients.set('member', await api.as('member', 'lemgo'));
    clients.set('organizer', await api.as('organizer'));
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function post(client: Client, query: string, variables?: Record<string, unknown>) {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(client.cookie ? { cookie: client.cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as GraphQLResponse<unknown> };
  }

  for (const operation of OPERATIONS) {
    for (const { name, value } of MALFORMED) {
      it(`${operation.name}: refuses ${name} in a variable with BAD_USER_INPUT`, async () => {
        const client = clients.get(operation.as)!;
        const variables = operation.variables?.(value) ?? { v: value };
        const { status, body } = await post(client, withVariable(operation), variables);
        expect(status).toBe(400);
        expect(body.data ?? null).toBeNull();
        expect(body.errors).toHaveLength(1);
        expect(body.errors?.[0].extensions).toEqual({
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_CHARACTERS',
          field: operation.field,
          requestId: expect.any(String),
        });
      });
    }

    if (!operation.variables) {
      it(`${operation.name}: refuses a NUL written into the query itself`, async () => {
        const client = clients.get(operation.as)!;
        // JSON.stringify writes NUL as \u0000, which is a valid GraphQL string escape too.
        const query = operation.query.replace('$v', JSON.stringify('Lem\u0000go'));
        const { status, body } = await post(client, query);
        expect(status).toBe(400);
        expect(body.errors?.[0].extensions).toEqual({
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_CHARACTERS',
          field: operation.field,
          requestId: expect.any(String),
        });
      });
    }
  }

  it('refuses a NUL in a variable default value', async () => {
    const { status, body } = await post(
      api.client(),
      'query($v: String! = "Lem\\u0000go") { city(slug: $v) { id } }',
    );
    expect(status).toBe(400);
    expect(body.errors?.[0].extensions).toMatchObject({
      reason: 'INVALID_CHARACTERS',
      field: 'slug',
    });
  });

  it('wrote nothing for a refused mutation', async () => {
    const rows = await api.ownerQuery('SELECT id FROM practice WHERE title = $1', [MARKER]);
    expect(rows).toEqual([]);
  });

  it('answers unknown cities and topics in search filters with a typed error, as practices does', async () => {
    // An empty result would read as "nothing found" for a city or topic that does not exist.
    const cases: Array<[string, Record<string, unknown>]> = [
      [
        '{ searchPractices(filter: { citySlugs: ["lemgo", "atlantis"] }) { totalHits } }',
        { code: 'NOT_FOUND', reason: 'UNKNOWN_CITY', field: 'filter.citySlugs.1' },
      ],
      [
        '{ searchPractices(filter: { topicSlugs: ["atlantis"] }) { totalHits } }',
        { code: 'BAD_USER_INPUT', reason: 'UNKNOWN_TOPIC', field: 'filter.topicSlugs.0' },
      ],
      [
        '{ practices(filter: { topicSlugs: ["atlantis"] }) { totalCount } }',
        { code: 'BAD_USER_INPUT', reason: 'UNKNOWN_TOPIC', field: 'filter.topicSlugs.0' },
      ],
      [
        '{ practices(filter: { citySlug: "atlantis" }) { totalCount } }',
        { code: 'NOT_FOUND', reason: 'UNKNOWN_CITY', field: 'filter.citySlug' },
      ],
    ];
    for (const [query, extensions] of cases) {
      const { errors } = await clients.get('member')!.gql(query);
      expect({ query, extensions: errors?.[0].extensions }).toMatchObject({ query, extensions });
    }
    await api.platform.app.get(OutboxWorker).settle(60_000);
    const known = await clients
      .get('member')!
      .gql<{ searchPractices: { totalHits: number } }>(
        '{ searchPractices(filter: { citySlugs: ["lemgo"] }) { totalHits } }',
      );
    expect(known.errors).toBeUndefined();
    expect(known.data!.searchPractices.totalHits).toBeGreaterThan(0);
  });

  it('keeps strings with complete surrogate pairs (emoji) and other Unicode', async () => {
    const member = clients.get('member')!;
    const title = `Ehrenamt 🙂 für Ältere – ${MARKER}`;
    const created = await member.gql<{ createPractice: { id: string; title: string } }>(
      'mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id title } }',
      { input: { citySlug: 'lemgo', title, summary: 'Tabs\tund\nZeilen 👩‍👩‍👧' } },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createPractice.title).toBe(title);
    const search = await api.gql<{ searchPractices: { totalHits: number } }>(
      '{ searchPractices(query: "🙂 Ehrenamt") { totalHits } }',
    );
    expect(search.errors).toBeUndefined();
    const city = await api.gql('query($v: String!) { city(slug: $v) { id } }', { v: 'lemgo🙂' });
    expect(city.errors).toBeUndefined();
    expect(city.data).toEqual({ city: null });
  });
});

describe('malformed strings in subscriptions (graphql-ws)', () => {
  let api: TestPlatform;

  beforeAll(async () => {
    api = await startTestPlatform();
  });
  afterAll(async () => {
    await api?.stop();
  });

  /** What the server answers to one subscription: its error messages, from either channel. */
  async function subscribeOnce(
    cookie: string,
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<unknown[]> {
    class CookieWebSocket extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers: { cookie, origin: new URL(api.url).origin } });
      }
    }
    const client = createClient({
      url: api.url.replace(/^http/, 'ws') + '/graphql',
      webSocketImpl: CookieWebSocket,
      retryAttempts: 0,
    });
    try {
      return await new Promise<unknown[]>((resolve) => {
        client.subscribe(
          { query, variables },
          {
            next: (value) => resolve([...(value.errors ?? [])]),
            error: (error) => resolve(Array.isArray(error) ? error : [String(error)]),
            complete: () => resolve([]),
          },
        );
      });
    } finally {
      await client.dispose();
    }
  }

  it('refuses a NUL or a lone surrogate in a subscription argument with INVALID_CHARACTERS', async () => {
    const member = await api.as('member', 'lemgo');
    const answers = [
      await subscribeOnce(
        member.cookie!,
        'subscription($id: ID!) { tandemNoteAdded(tandemId: $id) { id } }',
        { id: 'a\u0000b' },
      ),
      await subscribeOnce(
        member.cookie!,
        'subscription($id: ID!) { tandemNoteAdded(tandemId: $id) { id } }',
        { id: '\uD800' },
      ),
      await subscribeOnce(
        member.cookie!,
        'subscription { tandemNoteAdded(tandemId: "\\u0000") { id } }',
      ),
    ];
    for (const errors of answers) {
      expect(errors).toMatchObject([
        { extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERS', field: 'tandemId' } },
      ]);
    }
  });
});

describe('malformed path parameters on HTTP routes', () => {
  let api: TestPlatform;
  let organizer: Client;

  beforeAll(async () => {
    api = await startTestPlatform();
    organizer = await api.as('organizer');
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function get(path: string, client?: Client) {
    const response = await fetch(`${api.url}${path}`, {
      headers: client?.cookie ? { cookie: client.cookie } : {},
    });
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      body: type.includes('json')
        ? ((await response.json()) as { errors?: Array<{ extensions: Record<string, unknown> }> })
        : { text: await response.text() },
    };
  }

  const MALFORMED_PATHS: Array<{ path: string; field: string; asOrganizer?: boolean }> = [
    { path: '/calendar/%00.ics', field: 'file' },
    { path: '/calendar/lem%00go.ics', field: 'file' },
    { path: '/calendar/conferences/%00.ics', field: 'file' },
    { path: '/files/attachments/%00', field: 'id' },
    { path: '/calendar/lemgo.ics?kategorie=a%00b', field: 'query.kategorie' },
    { path: '/export/conferences/%00/registrations.csv', field: 'id', asOrganizer: true },
  ];

  for (const { path, field, asOrganizer } of MALFORMED_PATHS) {
    it(`refuses ${path} with a typed 400`, async () => {
      const { status, body } = await get(path, asOrganizer ? organizer : undefined);
      expect(status).toBe(400);
      expect(body).toMatchObject({
        errors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_CHARACTERS', field } }],
      });
    });
  }

  // A lone surrogate cannot be percent-encoded as valid UTF-8 (%ED%A0%80 is invalid), so
  // in a path it arrives as an undecodable parameter, which Express refuses itself.
  for (const path of [
    '/calendar/%E0%A4%A.ics',
    '/calendar/%ED%A0%80.ics',
    '/files/attachments/%FF',
  ]) {
    it(`refuses the undecodable path ${path} with a typed 400`, async () => {
      const { status, body } = await get(path);
      expect(status).toBe(400);
      expect(body).toMatchObject({ errors: [{ extensions: { code: 'BAD_USER_INPUT' } }] });
    });
  }

  for (const name of ['lem"go', 'lem%0D%0Ago', 'lem%0Ago', 'x%22%3B%20filename%3D%22evil']) {
    it(`answers the calendar of a city named ${JSON.stringify(decodeURIComponent(name))} with 404`, async () => {
      const { status, body } = await get(`/calendar/${name}.ics`);
      expect(status).toBe(404);
      expect(body).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    });
  }

  it('answers the calendar of an unknown city with 404, not an empty calendar', async () => {
    const { status, body } = await get('/calendar/atlantis.ics');
    expect(status).toBe(404);
    expect(body).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND', field: 'file' } }] });
  });

  it('still serves the calendar of a known city', async () => {
    const response = await fetch(`${api.url}/calendar/lemgo.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/calendar/);
    expect(response.headers.get('content-disposition')).toBe(
      `inline; filename="wissensnetz-lemgo.ics"; filename*=UTF-8''wissensnetz-lemgo.ics`,
    );
    expect(await response.text()).toMatch(/^BEGIN:VCALENDAR/);
  });

  it('answers an unknown conference calendar and an unknown attachment with 404', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const path of [
      `/calendar/conferences/${unknown}.ics`,
      `/calendar/conferences/kein-uuid.ics`,
      `/files/attachments/${unknown}`,
      `/files/attachments/kein-uuid`,
    ]) {
      const { status, body } = await get(path);
      expect({ path, status }).toEqual({ path, status: 404 });
      expect(body).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
    }
    const exported = await get(`/export/conferences/${unknown}/registrations.csv`, organizer);
    expect(exported.status).toBe(404);
  });
});

describe('malformed GraphQL requests the resilience suite found', () => {
  let api: TestPlatform;

  beforeAll(async () => {
    api = await startTestPlatform();
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function raw(init: RequestInit & { path?: string }) {
    const response = await fetch(`${api.url}${init.path ?? '/graphql'}`, init);
    const text = await response.text();
    return { status: response.status, text };
  }

  it('answers a subscription sent over HTTP with a typed error, not an internal one', async () => {
    const answer = await raw({
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query:
          'subscription { tandemNoteAdded(tandemId: "00000000-0000-4000-8000-000000000000") { id } }',
      }),
    });
    expect(answer.text).not.toContain('INTERNAL_SERVER_ERROR');
    expect(answer.text).toMatch(/"code":"BAD_REQUEST"|"code":"BAD_USER_INPUT"/);
  });

  it('answers broken JSON and broken extensions with a typed 400', async () => {
    for (const answer of [
      await raw({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": "{ __typename }", "extensions"',
      }),
      await raw({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ __typename }', extensions: 'kaputt' }),
      }),
      await raw({
        method: 'GET',
        path: `/graphql?query=${encodeURIComponent('{__typename}')}&extensions=%7B%2`,
        headers: { 'apollo-require-preflight': 'true' },
      }),
    ]) {
      expect(answer.status).toBe(400);
      expect(answer.text).not.toContain('INTERNAL_SERVER_ERROR');
      expect(answer.text).toMatch(/"code":"(BAD_REQUEST|BAD_USER_INPUT)"/);
    }
  });

  it('ignores persisted-query extensions (not offered) instead of failing internally', async () => {
    for (const answer of [
      await raw({
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
      }),
      await raw({
        method: 'GET',
        path: `/graphql?query=%7B__typename%7D&extensions=%7B%22persistedQuery%22%3A1%7D`,
        headers: { 'apollo-require-preflight': 'true' },
      }),
    ]) {
      expect(answer.status).toBeLessThan(500);
      expect(answer.text).not.toContain('INTERNAL_SERVER_ERROR');
    }
  });
});
