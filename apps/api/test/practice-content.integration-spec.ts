import { startTestPlatform, type Client, type TestPlatform } from './harness';

const CREATE =
  'mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id revision } }';
const UPDATE =
  'mutation($input: UpdatePracticeInput!) { updatePractice(input: $input) { id revision } }';

/**
 * The content fields of a practice are nullable in the schema (absent means "keep" on an
 * update), so a client can send an explicit null. For the fields that cannot be empty it
 * is a typed error on that field, and nothing is written; optional texts are cleared.
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

  const refused = ['title', 'summary', 'body', 'topicSlugs', 'tags', 'links', 'visibility'];

  it('refuses null for fields that cannot be empty on creation, and writes nothing', async () => {
    for (const field of refused) {
      const result = await coordinator.gql(CREATE, {
        input: { citySlug: 'goch', title, summary: 'Zusammenfassung', [field]: null },
      });
      expect({ field, extensions: result.errors?.[0].extensions }).toMatchObject({
        field,
        extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_FIELD', field: `input.${field}` },
      });
    }
    const rows = await api.ownerQuery('SELECT id FROM practice WHERE title = $1', [title]);
    expect(rows).toEqual([]);
  });

  it('refuses them on an update too, keeps the practice as it was, and clears optional texts', async () => {
    const created = await coordinator.gql<{ createPractice: { id: string } }>(CREATE, {
      input: { citySlug: 'goch', title, summary: 'Zusammenfassung', contactName: 'Erika' },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createPractice.id;
    for (const field of refused) {
      const result = await coordinator.gql(UPDATE, {
        input: { id, expectedRevision: 1, [field]: null },
      });
      expect({ field, extensions: result.errors?.[0].extensions }).toMatchObject({
        field,
        extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_FIELD', field: `input.${field}` },
      });
    }
    const cleared = await coordinator.gql<{ updatePractice: { revision: number } }>(UPDATE, {
      input: { id, expectedRevision: 1, contactName: null },
    });
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.updatePractice.revision).toBe(2);
    const [row] = await api.ownerQuery<{ title: string; contact_name: string | null }>(
      'SELECT title, contact_name FROM practice WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ title, contact_name: null });
  });
});
