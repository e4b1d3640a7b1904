import { startTestPlatform, type Client, type TestPlatform } from './harness';

const FIELDS = 'id revision title summary body visibility tags links { url } topics { slug }';
const CREATE = `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdatePracticeInput!) { updatePractice(input: $input) { ${FIELDS} } }`;

interface Practice {
  id: string;
  revision: number;
  title: string;
  summary: string;
  body: string;
  visibility: string;
  tags: string[];
  links: Array<{ url: string }>;
  topics: Array<{ slug: string }>;
}

/**
 * The content fields of a practice are nullable in the schema (left out, a field keeps its
 * value on an update). For those that cannot be empty, null counts as not given, as in
 * the rest of the API: never an INTERNAL_SERVER_ERROR, never a half-written row.
 */
describe('practice content sent as null', () => {
  let api: TestPlatform;
  let coordinator: Client;
  const title = `Nullprobe ${Date.now().toString(36)}`;

  beforeAll(async () => {
    api = await startTestPlatform();
    coordinator = await api.as('coordinator', 'goch');
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('misses a required title or summary sent as null on creation, and writes nothing', async () => {
    for (const field of ['title', 'summary']) {
      const result = await coordinator.gql(CREATE, {
        input: { citySlug: 'goch', title, summary: 'Zusammenfassung', [field]: null },
      });
      expect({ field, extensions: result.errors?.[0].extensions }).toMatchObject({
        field,
        extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_FIELD', field: `input.${field}` },
      });
    }
    expect(await api.ownerQuery('SELECT id FROM practice WHERE title = $1', [title])).toEqual([]);
  });

  it('creates with the defaults where the other fields are null', async () => {
    const created = await coordinator.gql<{ createPractice: Practice }>(CREATE, {
      input: {
        citySlug: 'goch',
        title,
        summary: 'Zusammenfassung',
        body: null,
        topicSlugs: null,
        tags: null,
        links: null,
        visibility: null,
      },
    });
    expect(created.errors).toBeUndefined();
    expect(created.data!.createPractice).toMatchObject({
      body: '',
      topics: [],
      tags: [],
      links: [],
      visibility: 'NETWORK',
    });
  });

  it('keeps every field sent as null on an update', async () => {
    const created = await coordinator.gql<{ createPractice: Practice }>(CREATE, {
      input: {
        citySlug: 'goch',
        title,
        summary: 'Zusammenfassung',
        body: 'Text',
        topicSlugs: ['nachhaltigkeit'],
        tags: ['garten'],
        links: [{ label: 'Projekt', url: 'https://stadt.example/' }],
        visibility: 'PUBLIC',
      },
    });
    expect(created.errors).toBeUndefined();
    const { revision, ...content } = created.data!.createPractice;
    let expectedRevision = revision;
    for (const field of ['title', 'summary', 'body', 'topicSlugs', 'tags', 'links', 'visibility']) {
      const result = await coordinator.gql<{ updatePractice: Practice }>(UPDATE, {
        input: { id: content.id, expectedRevision, [field]: null },
      });
      expect({ field, errors: result.errors }).toEqual({ field, errors: undefined });
      const { revision: next, ...after } = result.data!.updatePractice;
      expect({ field, after }).toEqual({ field, after: content });
      expectedRevision = next;
    }
  });
});
