import { OutboxWorker } from '../src/search/outbox-worker';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const CREATE = `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }`;
const UPDATE = `mutation($input: UpdatePracticeInput!) { updatePractice(input: $input) { revision visibility } }`;
const SEARCH = `query($q: String!, $filter: PracticeSearchFilter) {
  searchPractices(query: $q, filter: $filter) {
    totalHits
    facets { cities { value count } topics { value count } federalStates { value count } }
  }
}`;

interface Counts {
  totalHits: number;
  facets: Record<string, Array<{ value: string; count: number }>>;
}

/**
 * A change that narrows who may see a practice reaches the engine before the mutation
 * answers, so no other city's search counts it a moment longer (totalHits, facets).
 * This file runs without the outbox worker (SEARCH_WORKER=false): only the mutation
 * itself can have told the engine, and widening waits for an explicit drain.
 */
describe('narrowing visibility reaches search before the mutation answers', () => {
  let api: TestPlatform;
  let coordinator: Client;
  let foreignMember: Client;
  let ownMember: Client;
  let id: string;
  let revision: number;
  const word = `Kopfweidenpflege${Date.now().toString(36)}`;

  const drain = () => api.platform.app.get(OutboxWorker).settle(60_000);

  async function counts(client: Client | undefined, q: string, filter?: object): Promise<Counts> {
    const run = client ? client.gql.bind(client) : api.gql;
    const answer = await run<{ searchPractices: Counts }>(SEARCH, { q, filter });
    expect(answer.errors).toBeUndefined();
    return answer.data!.searchPractices;
  }

  /** What a foreign member and an anonymous caller may see of Goch, straight from PostgreSQL. */
  async function visibleOfGoch(): Promise<{ network: number; public: number }> {
    const [row] = await api.ownerQuery<{ network: number; public: number }>(
      `SELECT count(*) FILTER (WHERE p.visibility <> 'CITY')::int AS network,
              count(*) FILTER (WHERE p.visibility = 'PUBLIC')::int AS public
         FROM practice p JOIN city c ON c.id = p.city_id
        WHERE c.slug = 'goch' AND p.status = 'PUBLISHED'`,
    );
    return row;
  }

  /** Every count a foreign member and an anonymous caller get agrees with PostgreSQL, right now. */
  async function expectCountsTrue(): Promise<void> {
    const truth = await visibleOfGoch();
    const foreign = await counts(foreignMember, '', { citySlugs: ['goch'] });
    expect(foreign.totalHits).toBe(truth.network);
    expect(foreign.facets.cities.find((facet) => facet.value === 'goch')?.count ?? 0).toBe(
      truth.network,
    );
    const anonymous = await counts(undefined, '', { citySlugs: ['goch'] });
    expect(anonymous.totalHits).toBe(truth.public);
  }

  async function update(visibility: string): Promise<void> {
    const answer = await coordinator.gql<{ updatePractice: { revision: number } }>(UPDATE, {
      input: { id, expectedRevision: revision, visibility },
    });
    expect(answer.errors).toBeUndefined();
    revision = answer.data!.updatePractice.revision;
  }

  async function transition(mutation: string): Promise<void> {
    const answer = await coordinator.gql(`mutation($id: ID!) { ${mutation}(id: $id) { status } }`, {
      id,
    });
    expect(answer.errors).toBeUndefined();
  }

  beforeAll(async () => {
    // A generous bound: this file asserts order (applied before the answer), not speed.
    api = await startTestPlatform({ SEARCH_WORKER: 'false', MEILI_TIMEOUT_MS: '30000' });
    await drain();
    coordinator = await api.as('coordinator', 'goch');
    foreignMember = await api.as('member', 'herford');
    ownMember = await api.as('member', 'goch');
    const created = await coordinator.gql<{ createPractice: { id: string } }>(CREATE, {
      input: {
        citySlug: 'goch',
        title: `${word} am Niederrhein`,
        summary: 'Schneiteln mit Freiwilligen.',
        visibility: 'PUBLIC',
        topicSlugs: ['nachhaltigkeit'],
      },
    });
    expect(created.errors).toBeUndefined();
    id = created.data!.createPractice.id;
    revision = 1;
    await transition('publishPractice');
    // Widening (publishing) may take the outbox's way.
    await drain();
    expect((await counts(foreignMember, word)).totalHits).toBe(1);
    expect((await counts(undefined, word)).totalHits).toBe(1);
    await expectCountsTrue();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('PUBLIC → NETWORK: anonymous searches stop counting it at once', async () => {
    await update('NETWORK');
    expect((await counts(undefined, word)).totalHits).toBe(0);
    expect((await counts(foreignMember, word)).totalHits).toBe(1);
    await expectCountsTrue();
  });

  it('NETWORK → CITY: other cities stop counting it at once, its own city still finds it', async () => {
    await update('CITY');
    const foreign = await counts(foreignMember, word);
    expect(foreign.totalHits).toBe(0);
    expect(foreign.facets.cities).toEqual([]);
    expect(foreign.facets.topics).toEqual([]);
    expect((await counts(ownMember, word)).totalHits).toBe(1);
    await expectCountsTrue();
  });

  it('archiving and going back to draft take it out of every count at once', async () => {
    await update('NETWORK');
    await drain();
    expect((await counts(foreignMember, word)).totalHits).toBe(1);

    await transition('archivePractice');
    expect((await counts(foreignMember, word)).totalHits).toBe(0);
    expect((await counts(ownMember, word)).totalHits).toBe(0);
    await expectCountsTrue();

    await transition('revertPracticeToDraft');
    await transition('publishPractice');
    await drain();
    expect((await counts(foreignMember, word)).totalHits).toBe(1);

    await transition('revertPracticeToDraft');
    const foreign = await counts(foreignMember, word);
    expect(foreign.totalHits).toBe(0);
    expect(foreign.facets.federalStates).toEqual([]);
    await expectCountsTrue();
  });

  it('restoring a revision that was visible to its city only narrows at once too', async () => {
    await transition('publishPractice');
    const [cityRevision] = await api.ownerQuery<{ number: number }>(
      `SELECT number FROM practice_revision WHERE practice_id = $1 AND snapshot->>'visibility' = 'CITY'
        ORDER BY number DESC LIMIT 1`,
      [id],
    );
    await drain();
    expect((await counts(foreignMember, word)).totalHits).toBe(1);
    const restored = await coordinator.gql(
      'mutation($id: ID!, $n: Int!) { restorePracticeRevision(id: $id, number: $n) { visibility } }',
      { id, n: cityRevision.number },
    );
    expect(restored.errors).toBeUndefined();
    expect((await counts(foreignMember, word)).totalHits).toBe(0);
    await expectCountsTrue();
  });

  it('leaves the outbox rows for the worker, which then agrees with what was applied', async () => {
    const [pending] = await api.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL AND document_id = $1',
      [id],
    );
    expect(pending.n).toBeGreaterThan(0);
    await drain();
    expect((await counts(foreignMember, word)).totalHits).toBe(0);
    expect((await counts(ownMember, word)).totalHits).toBe(1);
    await expectCountsTrue();
  });
});
