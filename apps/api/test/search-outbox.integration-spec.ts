import { startMeilisearch, type MeiliHandle } from '@wissensnetz/dev-services';
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { practiceSearchSource } from '../src/modules/practices/practice-search.source';
import { OutboxWorker } from '../src/search/outbox-worker';
import { reindex } from '../src/search/reindex';
import { SYSTEM_DB } from '../src/database/system-db';
import { SEARCH_INDEX, type SearchIndex } from '../src/search/search-index';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const CREATE = `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishPractice(id: $id) { status } }`;
const FIND = `query($q: String!) { searchPractices(query: $q) { totalHits hits { practice { id } } } }`;

/**
 * The outbox's promise: a write that succeeded in PostgreSQL reaches the index,
 * even when Meilisearch was down at the time. This file runs its own Meilisearch
 * so it can stop and restart it under the same address.
 */
describe('search outbox and reindex', () => {
  let dir: string;
  let meili: MeiliHandle;
  let port: number;
  let api: TestPlatform;
  let coordinator: Client;
  const masterKey = 'outbox-test-master-key-0123456789';

  async function startEngine(): Promise<void> {
    meili = await startMeilisearch({
      dir,
      masterKey,
      port: port || undefined,
      log: () => undefined,
    });
    port = Number(new URL(meili.url).port);
  }

  async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not reached in time');
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(__dirname, '..', '..', '..', '.data-test-meili-'));
    port = 0;
    await startEngine();
    api = await startTestPlatform({
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: masterKey,
      SEARCH_POLL_MS: '200',
      SEARCH_RETRY_MAX_MS: '500',
    });
    coordinator = await api.as('coordinator', 'bitburg');
    await api.platform.app.get(OutboxWorker).settle(60_000);
  });
  afterAll(async () => {
    await api?.stop();
    await meili?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('loses nothing while Meilisearch is down: writes succeed and appear once it is back', async () => {
    await meili.stop();
    const ids: string[] = [];
    for (const title of ['Eifeler Dorfladen-Genossenschaft', 'Eifeler Mitfahrnetz']) {
      const created = await coordinator.gql<{ createPractice: { id: string } }>(CREATE, {
        input: {
          citySlug: 'bitburg',
          title,
          summary: 'Während des Ausfalls geschrieben.',
          visibility: 'PUBLIC',
        },
      });
      expect(created.errors).toBeUndefined();
      const published = await coordinator.gql<{ publishPractice: { status: string } }>(PUBLISH, {
        id: created.data!.createPractice.id,
      });
      expect(published.data?.publishPractice.status).toBe('PUBLISHED');
      ids.push(created.data!.createPractice.id);
    }
    // Search itself answers with a typed error meanwhile, not a 500.
    const during = await api.gql(FIND, { q: 'Eifeler' });
    expect(during.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const pending = await api.ownerQuery<{ n: number; attempts: number }>(
      'SELECT count(*)::int AS n, max(attempts)::int AS attempts FROM search_outbox WHERE processed_at IS NULL AND document_id = ANY($1)',
      [ids],
    );
    expect(pending[0].n).toBeGreaterThan(0);

    await startEngine();
    await eventually(async () => {
      const result = await api.gql<{
        searchPractices: { hits: Array<{ practice: { id: string } }> };
      }>(FIND, { q: 'Eifeler' });
      const found = result.data?.searchPractices.hits.map((hit) => hit.practice.id) ?? [];
      return ids.every((id) => found.includes(id));
    });
  });

  it('removes archived practices from the index', async () => {
    const created = await coordinator.gql<{ createPractice: { id: string } }>(CREATE, {
      input: {
        citySlug: 'bitburg',
        title: 'Vulkaneifel Wanderpaten',
        summary: 'Wird archiviert.',
        visibility: 'PUBLIC',
      },
    });
    const id = created.data!.createPractice.id;
    await coordinator.gql(PUBLISH, { id });
    await api.platform.app.get(OutboxWorker).settle();
    expect(
      (
        await api.gql<{ searchPractices: { totalHits: number } }>(FIND, {
          q: 'Vulkaneifel Wanderpaten',
        })
      ).data?.searchPractices.totalHits,
    ).toBe(1);
    await coordinator.gql('mutation($id: ID!) { archivePractice(id: $id) { status } }', { id });
    await api.platform.app.get(OutboxWorker).settle();
    const after = await api.gql<{ searchPractices: { hits: Array<{ practice: { id: string } }> } }>(
      FIND,
      { q: 'Vulkaneifel Wanderpaten' },
    );
    expect(after.data?.searchPractices.hits.map((hit) => hit.practice.id)).not.toContain(id);
  });

  it('rebuilds the index from PostgreSQL and swaps it in', async () => {
    const search = api.platform.app.get<SearchIndex>(SEARCH_INDEX);
    const db = api.platform.app.get<DataSource>(SYSTEM_DB);
    // Damage the live index: a rebuild must bring back exactly the published entries.
    const [one] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM practice WHERE status = 'PUBLISHED' LIMIT 1",
    );
    await search.remove('practices', [one.id]);
    await search.upsert('practices', [
      { id: 'stale-document', title: 'Gibt es nicht mehr', visibility: 'PUBLIC' },
    ]);

    const progress: number[] = [];
    const summary = await reindex(
      search,
      db,
      practiceSearchSource,
      (done) => progress.push(done),
      100,
    );
    const [published] = await api.ownerQuery<{ n: number }>(
      "SELECT count(*)::int AS n FROM practice WHERE status = 'PUBLISHED'",
    );
    expect(summary.documents).toBe(published.n);
    expect(progress.at(-1)).toBe(published.n);
    expect(await search.count('practices')).toBe(published.n);
    expect(await search.exists(`practices_build_${Date.now()}`)).toBe(false);
    const stale = await api.gql<{ searchPractices: { totalHits: number } }>(FIND, {
      q: 'Gibt es nicht mehr',
    });
    expect(stale.data?.searchPractices.totalHits).toBe(0);
  });
});
