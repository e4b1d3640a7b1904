import { RECORDS_INDEX } from '../src/modules/conferences/record-search.source';
import { OutboxWorker } from '../src/search/outbox-worker';
import { SEARCH_INDEX, type SearchIndex } from '../src/search/search-index';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const SAVE =
  'mutation($i: SaveConferenceRecordInput!) { saveConferenceRecord(input: $i) { id status decisions } }';

describe('conference records and follow-up actions', () => {
  let api: TestPlatform;
  let organizer: Client;
  let conferenceId: string;

  beforeAll(async () => {
    api = await startTestPlatform();
    organizer = await api.as('organizer');
    const created = await organizer.gql<{ createConference: { id: string } }>(
      'mutation($i: ConferenceInput!) { createConference(input: $i) { id } }',
      {
        i: {
          title: 'Regionalkonferenz Protokolltest',
          kind: 'REGIONAL_CONFERENCE',
          region: 'WEST',
          startsAt: '2026-06-10T10:00',
          endsAt: '2026-06-10T16:00',
          capacity: 40,
        },
      },
    );
    conferenceId = created.data!.createConference.id;
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('keeps a draft, finalizes it, logs changes after final, and search finds the decision', async () => {
    const word = `Wanderausstellung${Date.now().toString(36)}`;
    const draft = await organizer.gql<{ saveConferenceRecord: { id: string; status: string } }>(
      SAVE,
      {
        i: {
          conferenceId,
          minutes: '## Ablauf\n\nDrei Werkstätten.',
          decisions: `Die ${word} zieht durch alle Städte der Region.`,
          outcomes: 'Zwei neue Tandems',
        },
      },
    );
    expect(draft.data!.saveConferenceRecord.status).toBe('DRAFT');
    const id = draft.data!.saveConferenceRecord.id;
    const coordinator = await api.as('coordinator', 'goch');
    expect(
      (await coordinator.gql(SAVE, { i: { conferenceId, decisions: 'Übernommen' } })).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');

    const final = await organizer.gql<{ finalizeConferenceRecord: { status: string } }>(
      'mutation($id: ID!) { finalizeConferenceRecord(id: $id) { status } }',
      { id },
    );
    expect(final.data!.finalizeConferenceRecord.status).toBe('FINAL');
    expect(
      (
        await organizer.gql('mutation($id: ID!) { finalizeConferenceRecord(id: $id) { status } }', {
          id,
        })
      ).errors?.[0].extensions?.reason,
    ).toBe('INVALID_TRANSITION');

    await api.platform.app.get(OutboxWorker).settle();
    const member = await api.as('member', 'herford');
    const found = await member.gql<{
      searchRecords: Array<{
        conferenceTitle: string;
        snippetHtml: string;
        record: { id: string };
      }>;
    }>(
      'query($q: String!) { searchRecords(query: $q) { conferenceTitle snippetHtml record { id } } }',
      { q: word },
    );
    expect(found.data!.searchRecords[0]).toMatchObject({
      conferenceTitle: 'Regionalkonferenz Protokolltest',
      record: { id },
    });
    expect(found.data!.searchRecords[0].snippetHtml).toContain(`<mark>${word}</mark>`);
    expect(
      (await api.gql('query { searchRecords(query: "x") { conferenceTitle } }')).errors?.[0]
        .extensions?.code,
    ).toBe('UNAUTHENTICATED');

    // Draft (1) and finalize (2): a change must start from revision 2.
    for (const expectedRevision of [undefined, 1]) {
      const stale = await organizer.gql(SAVE, {
        i: { conferenceId, outcomes: 'Überholt', expectedRevision },
      });
      expect(stale.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'STALE_REVISION',
        field: 'input.expectedRevision',
        params: { current: '2' },
      });
    }
    const changed = await organizer.gql(SAVE, {
      i: { conferenceId, outcomes: 'Drei neue Tandems', expectedRevision: 2 },
    });
    expect(changed.errors).toBeUndefined();
    const log = await api.ownerQuery<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'RECORD_CHANGED_AFTER_FINAL' AND target = $1",
      [id],
    );
    expect(log[0].n).toBe(1);

    // Records are for the network's members, not for anonymous visitors.
    const anonymous = await api.gql<{ conference: { records: unknown[] } }>(
      'query($id: ID!) { conference(id: $id) { records { id } } }',
      { id: conferenceId },
    );
    expect(anonymous.data!.conference.records).toEqual([]);
    const visible = await member.gql<{ conference: { records: Array<{ outcomes: string }> } }>(
      'query($id: ID!) { conference(id: $id) { records { outcomes } } }',
      { id: conferenceId },
    );
    expect(visible.data!.conference.records).toEqual([{ outcomes: 'Drei neue Tandems' }]);
  });

  it('keeps record search in step with the conference: rename, new date, renamed and removed sessions', async () => {
    const token = () => Math.random().toString(36).slice(2, 10);
    const [oldTitle, newTitle, oldSession, newSession, gone] = [
      `Altname${token()}`,
      `Neuname${token()}`,
      `Altsitzung${token()}`,
      `Neusitzung${token()}`,
      `Entfallen${token()}`,
    ];
    const created = await organizer.gql<{ createConference: { id: string } }>(
      'mutation($i: ConferenceInput!) { createConference(input: $i) { id } }',
      {
        i: {
          title: `Tagung ${oldTitle}`,
          kind: 'NETWORK_MEETING',
          startsAt: '2026-10-07T09:00',
          endsAt: '2026-10-08T17:00',
          capacity: 40,
        },
      },
    );
    const id = created.data!.createConference.id;
    const addSession = async (title: string, hour: number) => {
      const added = await organizer.gql<{ addAgendaSession: { id: string } }>(
        'mutation($i: AgendaSessionInput!) { addAgendaSession(input: $i) { id } }',
        {
          i: {
            conferenceId: id,
            title,
            startsAt: `2026-10-07T${hour}:00`,
            endsAt: `2026-10-07T${hour}:45`,
            room: 'Saal',
          },
        },
      );
      expect(added.errors).toBeUndefined();
      return added.data!.addAgendaSession.id;
    };
    const sessionId = await addSession(`Werkstatt ${oldSession}`, 10);
    const goneId = await addSession(`Werkstatt ${gone}`, 11);
    const finalRecord = async (agendaSessionId: string | null, decisions: string) => {
      const saved = await organizer.gql<{ saveConferenceRecord: { id: string } }>(SAVE, {
        i: { conferenceId: id, agendaSessionId, decisions },
      });
      const recordId = saved.data!.saveConferenceRecord.id;
      const final = await organizer.gql(
        'mutation($id: ID!) { finalizeConferenceRecord(id: $id) { status } }',
        { id: recordId },
      );
      expect(final.errors).toBeUndefined();
      return recordId;
    };
    const wholeRecord = await finalRecord(null, 'Beschlüsse der ganzen Tagung');
    const sessionRecord = await finalRecord(sessionId, 'Beschlüsse der Werkstatt');
    const goneRecord = await finalRecord(goneId, 'Beschlüsse der entfallenen Werkstatt');

    const worker = api.platform.app.get(OutboxWorker);
    const index = api.platform.app.get<SearchIndex>(SEARCH_INDEX);
    const member = await api.as('member', 'herford');
    const find = async (q: string) => {
      const { data, errors } = await member.gql<{
        searchRecords: Array<{ conferenceTitle: string; record: { id: string } }>;
      }>('query($q: String!) { searchRecords(query: $q) { conferenceTitle record { id } } }', {
        q,
      });
      expect(errors).toBeUndefined();
      return data!.searchRecords;
    };
    const indexed = async () =>
      new Map(
        (
          await index.search(RECORDS_INDEX, {
            query: '',
            filter: `conferenceId = "${id}"`,
            offset: 0,
            limit: 10,
          })
        ).hits.map((hit) => [hit.document.id, hit.document]),
      );
    await worker.settle();
    expect((await find(oldTitle)).map((hit) => hit.record.id).sort()).toEqual(
      [wholeRecord, sessionRecord, goneRecord].sort(),
    );
    expect((await find(oldSession)).map((hit) => hit.record.id)).toEqual([sessionRecord]);

    const renamed = await organizer.gql(
      'mutation($i: UpdateConferenceInput!) { updateConference(input: $i) { id } }',
      { i: { id, title: `Tagung ${newTitle}`, startsAt: '2026-10-06T09:00' } },
    );
    expect(renamed.errors).toBeUndefined();
    const session = await organizer.gql(
      'mutation($i: UpdateAgendaSessionInput!) { updateAgendaSession(input: $i) { id } }',
      { i: { id: sessionId, title: `Werkstatt ${newSession}` } },
    );
    expect(session.errors).toBeUndefined();
    const removed = await organizer.gql('mutation($id: ID!) { removeAgendaSession(id: $id) }', {
      id: goneId,
    });
    expect(removed.errors).toBeUndefined();
    await worker.settle();

    expect(await find(oldTitle)).toEqual([]);
    expect(await find(oldSession)).toEqual([]);
    expect(await find(gone)).toEqual([]);
    const hits = await find(newTitle);
    expect(hits.map((hit) => hit.record.id).sort()).toEqual([wholeRecord, sessionRecord].sort());
    expect(hits.every((hit) => hit.conferenceTitle === `Tagung ${newTitle}`)).toBe(true);
    expect((await find(newSession)).map((hit) => hit.record.id)).toEqual([sessionRecord]);
    // The engine itself holds no stale copy: the new start, and no document of the removed session.
    const documents = await indexed();
    expect([...documents.keys()].sort()).toEqual([wholeRecord, sessionRecord].sort());
    expect(documents.get(wholeRecord)!.startsAt).toBe(
      Date.parse('2026-10-06T07:00:00.000Z') / 1000,
    );
  });

  it('assigns follow-up actions to a city, which marks them done', async () => {
    const [current] = await api.ownerQuery<{ revision: number }>(
      'SELECT revision FROM conference_record WHERE conference_id = $1 AND agenda_session_id IS NULL',
      [conferenceId],
    );
    const saved = await organizer.gql<{ saveConferenceRecord: { id: string } }>(SAVE, {
      i: {
        conferenceId,
        decisions: 'Folgeaufgaben verteilen',
        expectedRevision: current?.revision,
      },
    });
    const recordId = saved.data!.saveConferenceRecord.id;
    const added = await organizer.gql<{ addFollowUpAction: { id: string; status: string } }>(
      'mutation($i: AddFollowUpActionInput!) { addFollowUpAction(input: $i) { id status } }',
      {
        i: {
          recordId,
          what: 'Leitfaden Ehrenamtsbörse verschicken',
          responsibleCitySlug: 'lemgo',
          dueOn: '2026-07-31',
        },
      },
    );
    const id = added.data!.addFollowUpAction.id;
    const lemgo = await api.as('coordinator', 'lemgo');
    const open = await lemgo.gql<{
      followUpActions: Array<{ what: string; responsibleCity: { slug: string } }>;
    }>(
      '{ followUpActions(filter: { citySlug: "lemgo", status: OPEN }) { what responsibleCity { slug } } }',
    );
    expect(open.data!.followUpActions.map((a) => a.what)).toContain(
      'Leitfaden Ehrenamtsbörse verschicken',
    );
    const other = await api.as('coordinator', 'goch');
    expect(
      (
        await other.gql(
          'mutation($i: UpdateFollowUpActionInput!) { updateFollowUpAction(input: $i) { status } }',
          { i: { id, status: 'DONE' } },
        )
      ).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    const done = await lemgo.gql<{ updateFollowUpAction: { status: string; doneAt: string } }>(
      'mutation($i: UpdateFollowUpActionInput!) { updateFollowUpAction(input: $i) { status doneAt } }',
      { i: { id, status: 'DONE' } },
    );
    expect(done.data!.updateFollowUpAction.status).toBe('DONE');
    expect(done.data!.updateFollowUpAction.doneAt).not.toBeNull();
    const badDate = await organizer.gql(
      'mutation($i: AddFollowUpActionInput!) { addFollowUpAction(input: $i) { id } }',
      { i: { recordId, what: 'Irgendwas tun', dueOn: 'bald' } },
    );
    expect(badDate.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.dueOn',
    });
  });
  it('answers null texts and bad follow-up changes typed, never a 500, and keeps what was there', async () => {
    const created = await organizer.gql<{ createConference: { id: string } }>(
      'mutation($i: ConferenceInput!) { createConference(input: $i) { id } }',
      {
        i: {
          title: 'Leere Felder',
          kind: 'TRAINING',
          startsAt: '2026-09-01T10:00',
          endsAt: '2026-09-01T12:00',
          capacity: 10,
        },
      },
    );
    const conference = created.data!.createConference.id;
    const first = await organizer.gql<{ saveConferenceRecord: { id: string } }>(SAVE, {
      i: { conferenceId: conference, decisions: 'Bleibt stehen', minutes: 'Auch das' },
    });
    expect(first.errors).toBeUndefined();
    // null means "not given": the texts stay as they were.
    const nulls = await organizer.gql<{ saveConferenceRecord: { decisions: string } }>(SAVE, {
      i: {
        conferenceId: conference,
        decisions: null,
        minutes: null,
        outcomes: null,
        expectedRevision: 1,
      },
    });
    expect(nulls.errors).toBeUndefined();
    expect(nulls.data!.saveConferenceRecord.decisions).toBe('Bleibt stehen');

    const added = await organizer.gql<{ addFollowUpAction: { id: string } }>(
      'mutation($i: AddFollowUpActionInput!) { addFollowUpAction(input: $i) { id } }',
      { i: { recordId: first.data!.saveConferenceRecord.id, what: 'Etwas Bestimmtes tun' } },
    );
    const id = added.data!.addFollowUpAction.id;
    const update =
      'mutation($i: UpdateFollowUpActionInput!) { updateFollowUpAction(input: $i) { what dueOn } }';
    const badDate = await organizer.gql(update, { i: { id, dueOn: 'kaputt' } });
    expect(badDate.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.dueOn',
    });
    const noDay = await organizer.gql(update, { i: { id, dueOn: '2026-02-30' } });
    expect(noDay.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.dueOn',
    });
    const tooShort = await organizer.gql(update, { i: { id, what: '  x  ' } });
    expect(tooShort.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.what',
    });
    const [row] = await api.ownerQuery<{ what: string; due_on: string | null }>(
      'SELECT what, due_on FROM follow_up_action WHERE id = $1',
      [id],
    );
    expect(row).toEqual({ what: 'Etwas Bestimmtes tun', due_on: null });
    const fine = await organizer.gql<{ updateFollowUpAction: { what: string; dueOn: string } }>(
      update,
      { i: { id, what: ' Etwas anderes tun ', dueOn: '2026-10-01' } },
    );
    expect(fine.data!.updateFollowUpAction).toEqual({
      what: 'Etwas anderes tun',
      dueOn: '2026-10-01',
    });
  });

  it('reads a conference with many records, their practices and follow-ups in a constant number of statements', async () => {
    const practiceIds = (
      await api.ownerQuery<{ id: string }>(
        `SELECT id FROM practice WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC' ORDER BY id LIMIT 3`,
      )
    ).map((row) => row.id);
    expect(practiceIds).toHaveLength(3);
    /** A conference with `sessions` agenda sessions, each with a record, linked practices and a follow-up. */
    const conferenceWith = async (sessions: number): Promise<string> => {
      const created = await organizer.gql<{ createConference: { id: string } }>(
        'mutation($i: ConferenceInput!) { createConference(input: $i) { id } }',
        {
          i: {
            title: `Netzwerktreffen mit ${sessions} Protokollen`,
            kind: 'REGIONAL_CONFERENCE',
            region: 'NORTH',
            startsAt: '2026-09-10T09:00',
            endsAt: '2026-09-10T18:00',
            capacity: 40,
          },
        },
      );
      const id = created.data!.createConference.id;
      for (let n = 0; n < sessions; n++) {
        const session = await organizer.gql<{ addAgendaSession: { id: string } }>(
          'mutation($i: AgendaSessionInput!) { addAgendaSession(input: $i) { id } }',
          {
            i: {
              conferenceId: id,
              title: `Werkstatt ${n + 1}`,
              format: 'WORKSHOP',
              startsAt: `2026-09-10T${String(9 + n).padStart(2, '0')}:00`,
              endsAt: `2026-09-10T${String(9 + n).padStart(2, '0')}:45`,
              room: `Raum ${n + 1}`,
            },
          },
        );
        expect(session.errors).toBeUndefined();
        const record = await organizer.gql<{ saveConferenceRecord: { id: string } }>(SAVE, {
          i: {
            conferenceId: id,
            agendaSessionId: session.data!.addAgendaSession.id,
            decisions: `Ergebnis der Werkstatt ${n + 1}`,
            practiceIds: practiceIds.slice(0, 1 + (n % 3)),
          },
        });
        const added = await organizer.gql(
          'mutation($i: AddFollowUpActionInput!) { addFollowUpAction(input: $i) { id } }',
          {
            i: {
              recordId: record.data!.saveConferenceRecord.id,
              what: `Nachbereitung Werkstatt ${n + 1}`,
              responsibleCitySlug: 'lemgo',
            },
          },
        );
        expect(added.errors).toBeUndefined();
      }
      return id;
    };
    const query = `query($id: ID!) { conference(id: $id) { records { id conference { title }
      linkedPractices { id title city { name } } followUpActions { what responsibleCity { slug } } } } }`;
    const read = async (id: string) => {
      const response = await organizer.gql<{
        conference: {
          records: Array<{ linkedPractices: Array<{ id: string }>; followUpActions: unknown[] }>;
        };
      }>(query, { id });
      expect(response.errors).toBeUndefined();
      return response;
    };
    const one = await read(await conferenceWith(1));
    const five = await read(await conferenceWith(5));
    expect(five.data!.conference.records).toHaveLength(5);
    expect(five.data!.conference.records.map((r) => r.linkedPractices.length).sort()).toEqual([
      1, 1, 2, 2, 3,
    ]);
    expect(five.data!.conference.records.every((r) => r.followUpActions.length === 1)).toBe(true);
    const count = (response: unknown) =>
      (response as { extensions: { queryCount: number } }).extensions.queryCount;
    expect(count(five)).toBe(count(one));
  });
  it('links only practices the organizer can see, keeps hidden links, and leaves links alone on null', async () => {
    const [visible] = await api.ownerQuery<{ id: string }>(
      `SELECT id FROM practice WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC' ORDER BY id LIMIT 1`,
    );
    const [hidden] = await api.ownerQuery<{ id: string }>(
      `SELECT id FROM practice WHERE visibility = 'CITY' ORDER BY id LIMIT 1`,
    );
    const session = await organizer.gql<{ addAgendaSession: { id: string } }>(
      'mutation($i: AgendaSessionInput!) { addAgendaSession(input: $i) { id } }',
      {
        i: {
          conferenceId,
          title: 'Werkstatt Verknüpfungen',
          format: 'WORKSHOP',
          startsAt: '2026-06-10T14:00',
          endsAt: '2026-06-10T14:45',
          room: 'Raum Links',
        },
      },
    );
    const agendaSessionId = session.data!.addAgendaSession.id;
    let expectedRevision: number | undefined;
    const save = async (practiceIds: unknown) => {
      const response = await organizer.gql<{
        saveConferenceRecord: {
          id: string;
          revision: number;
          linkedPractices: Array<{ id: string }>;
        };
      }>(
        'mutation($i: SaveConferenceRecordInput!) { saveConferenceRecord(input: $i) { id revision linkedPractices { id } } }',
        {
          i: {
            conferenceId,
            agendaSessionId,
            decisions: 'Verknüpft',
            practiceIds,
            expectedRevision,
          },
        },
      );
      expectedRevision = response.data?.saveConferenceRecord.revision ?? expectedRevision;
      return response;
    };
    for (const bad of [['00000000-0000-4000-8000-000000000000'], ['keine-id'], [hidden.id]]) {
      const refused = await save(bad);
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'PRACTICE_NOT_FOUND',
        field: 'input.practiceIds',
      });
    }
    const saved = await save([visible.id]);
    const recordId = saved.data!.saveConferenceRecord.id;
    // As if an organizer who is also a member of that city had linked its own practice.
    await api.ownerQuery('UPDATE conference_record SET practice_ids = $2 WHERE id = $1', [
      recordId,
      [visible.id, hidden.id],
    ]);
    const kept = await save(null);
    expect(kept.errors).toBeUndefined();
    expect(kept.data!.saveConferenceRecord.linkedPractices.map((p) => p.id)).toEqual([visible.id]);
    const emptied = await save([]);
    expect(emptied.data!.saveConferenceRecord.linkedPractices).toEqual([]);
    const [row] = await api.ownerQuery<{ practice_ids: string[] }>(
      'SELECT practice_ids FROM conference_record WHERE id = $1',
      [recordId],
    );
    expect(row.practice_ids).toEqual([hidden.id]);
  });
  it('lets only one of two simultaneous saves from the same revision win; nothing is overwritten unseen', async () => {
    const session = await organizer.gql<{ addAgendaSession: { id: string } }>(
      'mutation($i: AgendaSessionInput!) { addAgendaSession(input: $i) { id } }',
      {
        i: {
          conferenceId,
          title: 'Werkstatt Gleichzeitig',
          format: 'WORKSHOP',
          startsAt: '2026-06-10T15:00',
          endsAt: '2026-06-10T15:45',
          room: 'Raum Gleichzeitig',
        },
      },
    );
    const agendaSessionId = session.data!.addAgendaSession.id;
    const other = await api.as('organizer'); // a second browser of the national office
    const write = (client: Client, decisions: string, expectedRevision?: number) =>
      client.gql<{ saveConferenceRecord: { revision: number } }>(
        'mutation($i: SaveConferenceRecordInput!) { saveConferenceRecord(input: $i) { revision } }',
        { i: { conferenceId, agendaSessionId, decisions, expectedRevision } },
      );
    // Both create the record at once: one creates it, the other is told to reload.
    const created = await Promise.all([write(organizer, 'Fassung A'), write(other, 'Fassung B')]);
    expect(created.map((r) => (r.errors ? r.errors[0].extensions?.reason : 'OK')).sort()).toEqual([
      'OK',
      'STALE_REVISION',
    ]);
    for (let round = 0; round < 3; round++) {
      const [row] = await api.ownerQuery<{ revision: number }>(
        'SELECT revision FROM conference_record WHERE agenda_session_id = $1',
        [agendaSessionId],
      );
      const [a, b] = await Promise.all([
        write(organizer, `Runde ${round} A`, row.revision),
        write(other, `Runde ${round} B`, row.revision),
      ]);
      const winners = [a, b].filter((r) => !r.errors);
      expect(winners).toHaveLength(1);
      expect([a, b].find((r) => r.errors)!.errors![0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'STALE_REVISION',
      });
      const [stored] = await api.ownerQuery<{ decisions: string; revision: number }>(
        'SELECT decisions, revision FROM conference_record WHERE agenda_session_id = $1',
        [agendaSessionId],
      );
      expect(stored.revision).toBe(row.revision + 1);
      expect(stored.decisions).toBe(winners[0] === a ? `Runde ${round} A` : `Runde ${round} B`);
    }
  });
});
