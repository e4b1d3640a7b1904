import pg from 'pg';
import { OutboxWorker } from '../src/search/outbox-worker';
import { child, childrenNamed, parseXml, type XmlElement } from './xml-reader';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const SAVE = 'mutation($i: SaveConferenceRecordInput!) { saveConferenceRecord(input: $i) { id } }';
const FINALIZE = 'mutation($id: ID!) { finalizeConferenceRecord(id: $id) { status } }';
const PUBLISH = `mutation($id: ID!, $public: Boolean!) {
  publishConferenceRecord(id: $id, public: $public) { id public publishedAt status } }`;
const RECORDS_OF = `query($id: ID!) { conference(id: $id) { records { id public decisions } } }`;
const SEARCH = `query($q: String!) { search(query: $q, kinds: [RECORD]) {
  edges { node { ... on RecordHit { record { id } } } } } }`;
const SEARCH_RECORDS = `query($q: String!) { searchRecords(query: $q) { record { id } } }`;

/** The record ids of the feed's entries (`urn:uuid:<id>`). */
const entryIds = (feed: XmlElement) =>
  childrenNamed(feed, 'entry').map((entry) => child(entry, 'id').text.replace('urn:uuid:', ''));

/**
 * Issue 16: a FINAL record an organizer marks public is readable by anyone — the
 * conference page, the one search box, the records feed — and a draft or a final record
 * that is not public never is, for visitors without an account and for signed-in people
 * outside the network alike. Un-publishing takes it back everywhere.
 */
describe('public conference records', () => {
  let api: TestPlatform;
  let organizer: Client;
  let conferenceId: string;
  const word = `Lesepatenschaft${Date.now().toString(36)}`;
  const ids = { draft: '', final: '', published: '' };
  const settleSearch = () => api.platform.app.get(OutboxWorker).settle();

  async function feed(): Promise<XmlElement> {
    const response = await fetch(`${api.url}/feeds/protokolle.atom`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    return parseXml(await response.text());
  }
  const visibleTo = async (client: Pick<Client, 'gql'>) => {
    const page = await client.gql<{ conference: { records: Array<{ id: string }> } }>(RECORDS_OF, {
      id: conferenceId,
    });
    expect(page.errors).toBeUndefined();
    const found = await client.gql<{
      search: { edges: Array<{ node: { record?: { id: string } } }> };
    }>(SEARCH, { q: word });
    expect(found.errors).toBeUndefined();
    return {
      page: page.data!.conference.records.map((record) => record.id).sort(),
      search: found.data!.search.edges.map((edge) => edge.node.record!.id).sort(),
    };
  };

  beforeAll(async () => {
    api = await startTestPlatform();
    organizer = await api.as('organizer');
    const created = await organizer.gql<{ createConference: { id: string } }>(
      'mutation($i: ConferenceInput!) { createConference(input: $i) { id } }',
      {
        i: {
          title: `Netzwerktreffen Öffentlich ${word}`,
          kind: 'NETWORK_MEETING',
          startsAt: '2026-09-10T10:00',
          endsAt: '2026-09-10T16:00',
          capacity: 40,
        },
      },
    );
    expect(created.errors).toBeUndefined();
    conferenceId = created.data!.createConference.id;
    const sessions = [];
    for (const [title, hour] of [
      ['Werkstatt A', '11'],
      ['Werkstatt B', '13'],
    ]) {
      const session = await organizer.gql<{ addAgendaSession: { id: string } }>(
        'mutation($i: AgendaSessionInput!) { addAgendaSession(input: $i) { id } }',
        {
          i: {
            conferenceId,
            title,
            startsAt: `2026-09-10T${hour}:00`,
            endsAt: `2026-09-10T${hour}:45`,
          },
        },
      );
      expect(session.errors).toBeUndefined();
      sessions.push(session.data!.addAgendaSession.id);
    }
    const record = async (agendaSessionId: string | null, text: string) => {
      const saved = await organizer.gql<{ saveConferenceRecord: { id: string } }>(SAVE, {
        i: { conferenceId, agendaSessionId, decisions: `${text} ${word}`, minutes: 'Protokoll' },
      });
      expect(saved.errors).toBeUndefined();
      return saved.data!.saveConferenceRecord.id;
    };
    ids.draft = await record(null, 'Entwurf');
    ids.final = await record(sessions[0], 'Final, nicht öffentlich');
    ids.published = await record(sessions[1], 'Final und öffentlich <&>');
    for (const id of [ids.final, ids.published])
      expect((await organizer.gql(FINALIZE, { id })).errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('only organizers publish, and only final records', async () => {
    const draft = await organizer.gql(PUBLISH, { id: ids.draft, public: true });
    expect(draft.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'RECORD_NOT_FINAL',
      field: 'id',
    });
    const coordinator = await api.as('coordinator', 'goch');
    expect(
      (await coordinator.gql(PUBLISH, { id: ids.published, public: true })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await api.gql(PUBLISH, { id: ids.published, public: true })).errors?.[0].extensions?.code,
    ).toBe('UNAUTHENTICATED');
    const done = await organizer.gql<{
      publishConferenceRecord: { public: boolean; publishedAt: string | null };
    }>(PUBLISH, { id: ids.published, public: true });
    expect(done.errors).toBeUndefined();
    expect(done.data!.publishConferenceRecord.public).toBe(true);
    expect(done.data!.publishConferenceRecord.publishedAt).toBeTruthy();
    // Even the owner connection cannot store a public draft.
    await expect(
      api.ownerQuery(
        `UPDATE conference_record SET public = true, published_at = now() WHERE id = $1`,
        [ids.draft],
      ),
    ).rejects.toThrow(/conference_record_public_final_check/);
  });

  it('a visitor sees the public final record on the page, in search and in the feed — never the others', async () => {
    await settleSearch();
    expect(await visibleTo(api)).toEqual({ page: [ids.published], search: [ids.published] });
    // Members of the network keep seeing every record (the page) and every final one (search).
    const member = await api.as('member', 'herford');
    const theirs = await visibleTo(member);
    expect(theirs.page).toEqual([ids.draft, ids.final, ids.published].sort());
    expect(theirs.search).toEqual([ids.final, ids.published].sort());
    const recordsSearch = await member.gql<{ searchRecords: Array<{ record: { id: string } }> }>(
      SEARCH_RECORDS,
      { q: word },
    );
    expect(recordsSearch.data!.searchRecords.map((hit) => hit.record.id).sort()).toEqual(
      [ids.final, ids.published].sort(),
    );
    // Row-level security on its own: an anonymous transaction reads only the public one.
    const db = new pg.Client({ connectionString: api.platform.config.migrationUrl });
    await db.connect();
    try {
      await db.query('BEGIN');
      await db.query('SET LOCAL ROLE wissensnetz_app');
      const { rows } = await db.query<{ id: string }>(
        'SELECT id FROM conference_record WHERE conference_id = $1',
        [conferenceId],
      );
      expect(rows.map((row) => row.id)).toEqual([ids.published]);
    } finally {
      await db.query('ROLLBACK');
      await db.end();
    }

    const root = await feed();
    expect(root.name).toBe('feed');
    expect(root.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(child(root, 'id').text).toBe(`${api.platform.config.publicUrl}/feeds/protokolle.atom`);
    const found = entryIds(root);
    expect(found).toContain(ids.published);
    for (const hidden of [ids.draft, ids.final]) expect(found).not.toContain(hidden);
    const entry = childrenNamed(root, 'entry').find((e) =>
      child(e, 'id').text.endsWith(ids.published),
    )!;
    expect(child(entry, 'title').text).toBe(`Netzwerktreffen Öffentlich ${word}: Werkstatt B`);
    expect(child(entry, 'summary').text).toBe(`Final und öffentlich <&> ${word}`);
    expect(child(entry, 'link').attributes.href).toBe(
      `${api.platform.config.publicUrl}/konferenzen/${conferenceId}#protokoll-${ids.published}`,
    );
    expect(new Date(child(entry, 'published').text).getTime()).not.toBeNaN();
  });

  it('newest public first, and un-publishing takes it back everywhere', async () => {
    expect((await organizer.gql(PUBLISH, { id: ids.final, public: true })).errors).toBeUndefined();
    const both = entryIds(await feed());
    expect(both.indexOf(ids.final)).toBeGreaterThanOrEqual(0);
    expect(both.indexOf(ids.final)).toBeLessThan(both.indexOf(ids.published));

    for (const id of [ids.final, ids.published])
      expect((await organizer.gql(PUBLISH, { id, public: false })).errors).toBeUndefined();
    await settleSearch();
    const seen = await visibleTo(api);
    expect(seen).toEqual({ page: [], search: [] });
    const after = entryIds(await feed());
    for (const hidden of [ids.draft, ids.final, ids.published]) expect(after).not.toContain(hidden);
  });
});
