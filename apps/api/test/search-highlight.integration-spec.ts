import { OutboxWorker } from '../src/search/outbox-worker';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

/**
 * Highlighted hits are HTML that the web inserts as is: practices and records go through
 * the one converter in search/highlight.ts, which escapes every character with a meaning
 * in HTML (also quotes, so the text is safe in an attribute too) and emits only balanced
 * <mark> pairs, whatever control characters the stored text holds.
 */
describe('highlighted search hits', () => {
  let api: TestPlatform;
  let coordinator: Client;
  let organizer: Client;
  let member: Client;
  const word = `Erzaehlcafe${Date.now().toString(36)}`;

  const settle = () => api.platform.app.get(OutboxWorker).settle();

  beforeAll(async () => {
    api = await startTestPlatform();
    [coordinator, organizer, member] = await Promise.all([
      api.as('coordinator', 'goch'),
      api.as('organizer'),
      api.as('member', 'herford'),
    ]);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('escapes quotes and apostrophes in practice hits and never leaves a <mark> open', async () => {
    const created = await coordinator.gql<{ createPractice: { id: string } }>(
      'mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }',
      {
        input: {
          citySlug: 'goch',
          title: `Omas' "${word}" <i>`,
          // A control character that the engine also uses as its highlight mark.
          summary: 'Treffpunkt\u0002 für alle & jeden',
          visibility: 'PUBLIC',
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const published = await coordinator.gql(
      'mutation($id: ID!) { publishPractice(id: $id) { status } }',
      { id: created.data!.createPractice.id },
    );
    expect(published.errors).toBeUndefined();
    await settle();

    const found = await api.gql<{
      searchPractices: { hits: Array<{ titleHtml: string; summaryHtml: string }> };
    }>('query($q: String!) { searchPractices(query: $q) { hits { titleHtml summaryHtml } } }', {
      q: word,
    });
    expect(found.errors).toBeUndefined();
    expect(found.data!.searchPractices.hits).toEqual([
      {
        titleHtml: `Omas&#39; &quot;<mark>${word}</mark>&quot; &lt;i&gt;`,
        summaryHtml: 'Treffpunkt für alle &amp; jeden',
      },
    ]);
  });

  it('escapes quotes and apostrophes in record hits like in practice hits', async () => {
    const conference = await organizer.gql<{ createConference: { id: string } }>(
      'mutation($i: ConferenceInput!) { createConference(input: $i) { id } }',
      {
        i: {
          title: 'Netzwerktreffen Hervorhebung',
          kind: 'NETWORK_MEETING',
          startsAt: '2026-09-10T10:00',
          endsAt: '2026-09-10T16:00',
          capacity: 40,
        },
      },
    );
    expect(conference.errors).toBeUndefined();
    const saved = await organizer.gql<{ saveConferenceRecord: { id: string } }>(
      'mutation($i: SaveConferenceRecordInput!) { saveConferenceRecord(input: $i) { id } }',
      {
        i: {
          conferenceId: conference.data!.createConference.id,
          decisions: `Das "${word}" zieht um, in Städte' <b>Mitte</b>`,
        },
      },
    );
    expect(saved.errors).toBeUndefined();
    const final = await organizer.gql(
      'mutation($id: ID!) { finalizeConferenceRecord(id: $id) { status } }',
      { id: saved.data!.saveConferenceRecord.id },
    );
    expect(final.errors).toBeUndefined();
    await settle();

    const found = await member.gql<{ searchRecords: Array<{ snippetHtml: string }> }>(
      'query($q: String!) { searchRecords(query: $q) { snippetHtml } }',
      { q: word },
    );
    expect(found.errors).toBeUndefined();
    expect(found.data!.searchRecords).toEqual([
      {
        snippetHtml: `Das &quot;<mark>${word}</mark>&quot; zieht um, in Städte&#39; &lt;b&gt;Mitte&lt;/b&gt;`,
      },
    ]);
  });
});
