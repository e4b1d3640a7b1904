import pg from 'pg';
import { inject } from 'vitest';
import { NotificationOutboxWorker } from '../src/modules/notifications/notification-outbox.worker';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const PROPOSE =
  'mutation($i: ProposeTandemInput!) { proposeTandem(input: $i) { id status newCity { slug } partnerCity { slug } } }';
const ACCEPT =
  'mutation($id: ID!) { acceptTandem(id: $id) { status newCityAcceptedAt partnerCityAcceptedAt } }';
const ADD_NOTE =
  'mutation($i: AddTandemNoteInput!) { addTandemNote(input: $i) { id kind body revision authorCity { slug } } }';
const NOTES =
  'query($id: ID!) { tandemNotes(tandemId: $id) { totalCount edges { node { id body } } } }';

describe('tandems', () => {
  let api: TestPlatform;
  let organizer: Client;

  beforeAll(async () => {
    api = await startTestPlatform();
    organizer = await api.as('organizer');
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('runs the lifecycle: proposed → accepted by both → active → concluded', async () => {
    const proposed = await organizer.gql<{ proposeTandem: { id: string; status: string } }>(
      PROPOSE,
      {
        i: {
          newCitySlug: 'nordhausen',
          partnerCitySlug: 'neuruppin',
          goals: 'Demokratiearbeit mit Jugendlichen',
        },
      },
    );
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data!.proposeTandem.status).toBe('PROPOSED');
    const id = proposed.data!.proposeTandem.id;

    const newSide = await api.as('coordinator', 'nordhausen');
    const first = await newSide.gql<{
      acceptTandem: { status: string; newCityAcceptedAt: string | null };
    }>(ACCEPT, { id });
    expect(first.data!.acceptTandem.status).toBe('PROPOSED');
    expect(first.data!.acceptTandem.newCityAcceptedAt).not.toBeNull();
    const again = await newSide.gql(ACCEPT, { id });
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_ACCEPTED',
    });

    const member = await api.as('member', 'neuruppin');
    expect((await member.gql(ACCEPT, { id })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Another city's proposal does not exist for a third city (row-level security).
    const third = await api.as('coordinator', 'goch');
    expect((await third.gql(ACCEPT, { id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const partnerSide = await api.as('coordinator', 'neuruppin');
    const active = await partnerSide.gql<{ acceptTandem: { status: string } }>(ACCEPT, { id });
    expect(active.data!.acceptTandem.status).toBe('ACTIVE');
    expect((await partnerSide.gql(ACCEPT, { id })).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
    });
    expect(
      (await partnerSide.gql('mutation($id: ID!) { declineTandem(id: $id) { status } }', { id }))
        .errors?.[0].extensions,
    ).toMatchObject({
      reason: 'INVALID_TRANSITION',
    });

    const noSummary = await partnerSide.gql(
      'mutation($id: ID!) { concludeTandem(id: $id, summary: "  ") { status } }',
      { id },
    );
    expect(noSummary.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'summary',
    });
    const concluded = await organizer.gql<{
      concludeTandem: { status: string; outcomeSummary: string };
    }>(
      'mutation($id: ID!) { concludeTandem(id: $id, summary: "Gemeinsamer Jugendaktionstag") { status outcomeSummary } }',
      { id },
    );
    expect(concluded.data!.concludeTandem).toEqual({
      status: 'CONCLUDED',
      outcomeSummary: 'Gemeinsamer Jugendaktionstag',
    });
  });

  it('refuses wrong proposals with typed errors', async () => {
    const same = await organizer.gql(PROPOSE, {
      i: { newCitySlug: 'goch', partnerCitySlug: 'goch' },
    });
    expect(same.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SAME_CITY',
    });
    const unknown = await organizer.gql(PROPOSE, {
      i: { newCitySlug: 'atlantis', partnerCitySlug: 'goch' },
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.newCitySlug',
    });
    // Bitburg and Ginsheim-Gustavsburg already have an active tandem (demo data), either way round.
    const twice = await organizer.gql(PROPOSE, {
      i: { newCitySlug: 'bitburg', partnerCitySlug: 'ginsheim-gustavsburg' },
    });
    expect(twice.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'PAIR_ALREADY_OPEN',
    });
    const coordinator = await api.as('coordinator', 'goch');
    const notOrganizer = await coordinator.gql(PROPOSE, {
      i: { newCitySlug: 'goch', partnerCitySlug: 'lemgo' },
    });
    expect(notOrganizer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets a coordinator decline a proposal with a reason', async () => {
    const proposed = await organizer.gql<{ proposeTandem: { id: string } }>(PROPOSE, {
      i: { newCitySlug: 'zittau', partnerCitySlug: 'greifswald' },
    });
    const id = proposed.data!.proposeTandem.id;
    const coordinator = await api.as('coordinator', 'greifswald');
    const declined = await coordinator.gql<{
      declineTandem: { status: string; declineReason: string };
    }>(
      'mutation($id: ID!) { declineTandem(id: $id, reason: "Gerade keine Kapazität") { status declineReason } }',
      { id },
    );
    expect(declined.data!.declineTandem).toEqual({
      status: 'DECLINED',
      declineReason: 'Gerade keine Kapazität',
    });
  });

  it('suggests experienced partners for Cloppenburg, best first, with reasons', async () => {
    const coordinator = await api.as('coordinator', 'cloppenburg');
    const { data, errors } = await coordinator.gql<{
      tandemSuggestions: Array<{
        city: { slug: string; joinedYear: number };
        score: number;
        reasons: string[];
        distanceKm: number;
      }>;
    }>(
      '{ tandemSuggestions(citySlug: "cloppenburg", first: 5) { city { slug joinedYear } score reasons distanceKm } }',
    );
    expect(errors).toBeUndefined();
    const list = data!.tandemSuggestions;
    expect(list.length).toBe(5);
    expect(list.every((entry) => entry.city.joinedYear <= 2022)).toBe(true);
    expect(list.map((entry) => entry.score)).toEqual(
      [...list.map((entry) => entry.score)].sort((a, b) => b - a),
    );
    expect(list.every((entry) => entry.reasons.some((reason) => /km entfernt$/.test(reason)))).toBe(
      true,
    );
    // Wolfsburg already has an open proposal with Cloppenburg: not suggested again.
    expect(list.map((entry) => entry.city.slug)).not.toContain('wolfsburg');
    const member = await api.as('member', 'cloppenburg');
    expect(
      (await member.gql('{ tandemSuggestions(citySlug: "cloppenburg") { score } }')).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('keeps notes private to the two cities: GraphQL for third cities, anonymous, organizers; and straight SQL', async () => {
    const { data } = await api.gql<{
      tandems: { edges: Array<{ node: { id: string; newCity: { slug: string } } }> };
    }>(
      '{ tandems(first: 50, filter: { citySlug: "bitburg", status: ACTIVE }) { edges { node { id newCity { slug } } } } }',
    );
    const tandem = data!.tandems.edges.find(
      (edge) => edge.node.newCity.slug === 'ginsheim-gustavsburg',
    )!.node;

    const partner = await api.as('member', 'bitburg');
    const added = await partner.gql<{
      addTandemNote: { id: string; revision: number; authorCity: { slug: string } };
    }>(ADD_NOTE, {
      i: { tandemId: tandem.id, kind: 'NOTE', body: 'Vertraulich: Termine für die Börse' },
    });
    expect(added.errors).toBeUndefined();
    expect(added.data!.addTandemNote.authorCity.slug).toBe('bitburg');

    const own = await (
      await api.as('member', 'ginsheim-gustavsburg')
    ).gql<{ tandemNotes: { edges: Array<{ node: { body: string } }> } }>(NOTES, { id: tandem.id });
    expect(own.data!.tandemNotes.edges.map((edge) => edge.node.body)).toContain(
      'Vertraulich: Termine für die Börse',
    );

    for (const outsider of [
      await api.as('member', 'goch'),
      await api.as('coordinator', 'goch'),
      organizer,
    ]) {
      const result = await outsider.gql(NOTES, { id: tandem.id });
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(result.data ?? null).toBeNull();
    }
    expect((await api.gql(NOTES, { id: tandem.id })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    const foreignNote = await (
      await api.as('member', 'goch')
    ).gql(ADD_NOTE, { i: { tandemId: tandem.id, kind: 'NOTE', body: 'Einmischung' } });
    expect(foreignNote.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // As the application role, with a third city's and an organizer's context: no rows.
    const app = new pg.Client({ connectionString: inject('serviceEnv').DATABASE_URL });
    await app.connect();
    try {
      const [goch] = await api.ownerQuery<{ id: string }>(
        "SELECT id FROM city WHERE slug = 'goch'",
      );
      for (const context of [`{${goch.id}}`, '{}']) {
        await app.query('BEGIN');
        await app.query(
          `SELECT set_config('app.member_city_ids', $1, true), set_config('app.is_organizer', 'on', true)`,
          [context],
        );
        const rows = await app.query(
          'SELECT count(*)::int AS n FROM tandem_note WHERE tandem_id = $1',
          [tandem.id],
        );
        expect(rows.rows[0].n).toBe(0);
        await app.query('ROLLBACK');
      }
    } finally {
      await app.end();
    }
  });

  it('keeps a history of note edits; only the author edits or deletes', async () => {
    const { data } = await api.gql<{
      tandems: { edges: Array<{ node: { id: string; newCity: { slug: string } } }> };
    }>(
      '{ tandems(first: 50, filter: { citySlug: "lemgo", status: ACTIVE }) { edges { node { id newCity { slug } } } } }',
    );
    const tandem = data!.tandems.edges.find((edge) => edge.node.newCity.slug === 'herford')!.node;
    const author = await api.as('coordinator', 'herford');
    const visitWithoutDate = await author.gql(ADD_NOTE, {
      i: { tandemId: tandem.id, kind: 'VISIT', body: 'Besuch' },
    });
    expect(visitWithoutDate.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.visitDate',
    });
    const added = await author.gql<{ addTandemNote: { id: string } }>(ADD_NOTE, {
      i: { tandemId: tandem.id, kind: 'QUESTION', body: 'Erste Fassung' },
    });
    const id = added.data!.addTandemNote.id;
    const other = await api.as('member', 'lemgo');
    const foreignEdit = await other.gql(
      'mutation($i: UpdateTandemNoteInput!) { updateTandemNote(input: $i) { id } }',
      { i: { id, body: 'Übernommen' } },
    );
    expect(foreignEdit.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const edited = await author.gql<{ updateTandemNote: { revision: number; body: string } }>(
      'mutation($i: UpdateTandemNoteInput!) { updateTandemNote(input: $i) { revision body } }',
      { i: { id, body: 'Zweite Fassung' } },
    );
    expect(edited.data!.updateTandemNote).toEqual({ revision: 2, body: 'Zweite Fassung' });
    const history = await api.ownerQuery<{ number: number; body: string }>(
      'SELECT number, body FROM tandem_note_revision WHERE note_id = $1 ORDER BY number',
      [id],
    );
    expect(history).toEqual([
      { number: 1, body: 'Erste Fassung' },
      { number: 2, body: 'Zweite Fassung' },
    ]);
    expect(
      (await other.gql('mutation($id: ID!) { deleteTandemNote(id: $id) }', { id })).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await author.gql('mutation($id: ID!) { deleteTandemNote(id: $id) }', { id })).data,
    ).toEqual({ deleteTandemNote: true });
  });

  it('notifies the other city in the app and by e-mail, respecting each person’s setting', async () => {
    const { data } = await api.gql<{
      tandems: { edges: Array<{ node: { id: string; newCity: { slug: string } } }> };
    }>(
      '{ tandems(first: 50, filter: { citySlug: "bitburg", status: ACTIVE }) { edges { node { id newCity { slug } } } } }',
    );
    const tandem = data!.tandems.edges.find(
      (edge) => edge.node.newCity.slug === 'ginsheim-gustavsburg',
    )!.node;
    const reader = await api.as('member', 'ginsheim-gustavsburg');
    const optedOut = await api.as('coordinator', 'ginsheim-gustavsburg');
    await reader.gql('mutation { markNotificationsRead }');
    const off = await optedOut.gql<{ updateMe: { emailNotifications: boolean } }>(
      'mutation { updateMe(input: { emailNotifications: false }) { emailNotifications } }',
    );
    expect(off.data!.updateMe.emailNotifications).toBe(false);
    const body = `Neuer Terminvorschlag ${Date.now()}`;
    const writer = await api.as('coordinator', 'bitburg');
    await writer.gql(ADD_NOTE, { i: { tandemId: tandem.id, kind: 'NOTE', body } });
    // Delivered by the notification outbox worker after the commit.
    await api.platform.app.get(NotificationOutboxWorker).settle();

    const inbox = await reader.gql<{
      unreadNotificationCount: number;
      notifications: Array<{ title: string; body: string; link: string; readAt: string | null }>;
    }>('{ unreadNotificationCount notifications(first: 5) { title body link readAt } }');
    expect(inbox.data!.unreadNotificationCount).toBe(1);
    expect(inbox.data!.notifications[0]).toMatchObject({
      title: 'Neuer Eintrag im Tandem mit Bitburg',
      body,
      link: `/ginsheim-gustavsburg/tandems/${tandem.id}`,
      readAt: null,
    });
    expect(
      (await optedOut.gql<{ unreadNotificationCount: number }>('{ unreadNotificationCount }')).data!
        .unreadNotificationCount,
    ).toBeGreaterThan(0);
    // The writer's own city hears nothing of its own note.
    const bitburgMember = await api.as('member', 'bitburg');
    const own = await bitburgMember.gql<{ notifications: Array<{ body: string }> }>(
      '{ notifications(first: 20) { body } }',
    );
    expect(own.data!.notifications.map((n) => n.body)).not.toContain(body);

    const mails = await api.ownerQuery<{ recipient: string }>(
      'SELECT recipient FROM dev_mail WHERE text_body LIKE $1',
      [`%${body}%`],
    );
    const recipients = mails.map((mail) => mail.recipient);
    expect(recipients).toContain('member.ginsheim-gustavsburg@demo.wissensnetz.example');
    expect(recipients).not.toContain('coordinator.ginsheim-gustavsburg@demo.wissensnetz.example');
    expect(recipients.some((recipient) => recipient.includes('bitburg'))).toBe(false);

    expect((await reader.gql('mutation { markNotificationsRead }')).data).toEqual({
      markNotificationsRead: 1,
    });
    expect(
      (await reader.gql<{ unreadNotificationCount: number }>('{ unreadNotificationCount }')).data!
        .unreadNotificationCount,
    ).toBe(0);
    await optedOut.gql('mutation { updateMe(input: { emailNotifications: true }) { id } }');
  });

  /** An active tandem arranged as the owner, for tests that need one of their own. */
  async function activeTandem(newSlug: string, partnerSlug: string): Promise<string> {
    const [row] = await api.ownerQuery<{ id: string }>(
      `INSERT INTO tandem (city_id, partner_city_id, status, new_city_accepted_at, partner_city_accepted_at)
       SELECT a.id, b.id, 'ACTIVE', now(), now() FROM city a, city b WHERE a.slug = $1 AND b.slug = $2
       RETURNING id`,
      [newSlug, partnerSlug],
    );
    return row.id;
  }

  it('lists notes newest first, page after page (not in the random order of their ids)', async () => {
    const tandemId = await activeTandem('husum', 'saarlouis');
    const [author] = await api.ownerQuery<{ id: string }>(
      'SELECT id FROM app_user WHERE email = $1',
      ['member.husum@demo.wissensnetz.example'],
    );
    // Ids in the opposite order of their age: an order by id shows the oldest first.
    const notes = [
      { id: 'ffffffff-0000-4000-8000-000000000001', body: 'Älteste', age: '3 hours' },
      { id: '88888888-0000-4000-8000-000000000002', body: 'Mittlere', age: '2 hours' },
      { id: '44444444-0000-4000-8000-000000000003', body: 'Neuere', age: '1 hour' },
      { id: '00000000-0000-4000-8000-000000000004', body: 'Neueste', age: '0 hours' },
    ];
    for (const note of notes) {
      await api.ownerQuery(
        `INSERT INTO tandem_note (city_id, id, tandem_id, partner_city_id, author_id, author_city_id, kind, body, created_at, updated_at)
         SELECT t.city_id, $2, t.id, t.partner_city_id, $3, t.city_id, 'NOTE', $4, now() - $5::interval, now() - $5::interval
           FROM tandem t WHERE t.id = $1`,
        [tandemId, note.id, author.id, note.body, note.age],
      );
    }
    const reader = await api.as('member', 'saarlouis');
    const page = (after: string | null) =>
      reader.gql<{
        tandemNotes: {
          totalCount: number;
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: Array<{ node: { body: string } }>;
        };
      }>(
        'query($id: ID!, $after: String) { tandemNotes(tandemId: $id, first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { body } } } }',
        { id: tandemId, after },
      );
    const first = await page(null);
    expect(first.errors).toBeUndefined();
    expect(first.data!.tandemNotes.totalCount).toBe(4);
    expect(first.data!.tandemNotes.edges.map((edge) => edge.node.body)).toEqual([
      'Neueste',
      'Neuere',
      'Mittlere',
    ]);
    expect(first.data!.tandemNotes.pageInfo.hasNextPage).toBe(true);
    const second = await page(first.data!.tandemNotes.pageInfo.endCursor);
    expect(second.errors).toBeUndefined();
    expect(second.data!.tandemNotes.edges.map((edge) => edge.node.body)).toEqual(['Älteste']);
    expect(second.data!.tandemNotes.pageInfo.hasNextPage).toBe(false);
    // A cursor forged with an absurd time is no server error: it lists what is older.
    const forged = Buffer.from(
      JSON.stringify([1e300, '00000000-0000-4000-8000-000000000000']),
    ).toString('base64url');
    const odd = await page(forged);
    expect(odd.errors).toBeUndefined();
    expect(odd.data!.tandemNotes.edges).toHaveLength(3);
  });

  it('answers FORBIDDEN to whoever may not accept or decline, whatever state the tandem is in', async () => {
    const tandemId = await activeTandem('suederbrarup', 'markt-schwaben');
    // Organizers may conclude but not accept or decline: the state of the tandem is no
    // reason they hear about first.
    for (const operation of [
      'mutation($id: ID!) { acceptTandem(id: $id) { id } }',
      'mutation($id: ID!) { declineTandem(id: $id) { id } }',
    ]) {
      const refused = await organizer.gql(operation, { id: tandemId });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_ALLOWED',
      });
      expect(refused.data ?? null).toBeNull();
    }
    // The coordinator of a side may: for them the state is the answer.
    const coordinator = await api.as('coordinator', 'markt-schwaben');
    expect(
      (
        await coordinator.gql('mutation($id: ID!) { acceptTandem(id: $id) { id } }', {
          id: tandemId,
        })
      ).errors?.[0].extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
  });

  it('derives the viewer fields from the same rules the mutations check', async () => {
    const proposed = await organizer.gql<{ proposeTandem: { id: string } }>(PROPOSE, {
      i: { newCitySlug: 'eschwege', partnerCitySlug: 'rudolstadt' },
    });
    expect(proposed.errors).toBeUndefined();
    const id = proposed.data!.proposeTandem.id;
    const VIEWER =
      'query($id: ID!) { tandem(id: $id) { viewerIsMember viewerCanAccept viewerCanConclude } }';
    const viewer = async (client: Client) =>
      (
        await client.gql<{
          tandem: { viewerIsMember: boolean; viewerCanAccept: boolean; viewerCanConclude: boolean };
        }>(VIEWER, { id })
      ).data!.tandem;
    const newCoordinator = await api.as('coordinator', 'eschwege');
    const partnerCoordinator = await api.as('coordinator', 'rudolstadt');
    const partnerMember = await api.as('member', 'rudolstadt');
    const outsider = await api.as('coordinator', 'goch');
    expect(await viewer(newCoordinator)).toEqual({
      viewerIsMember: true,
      viewerCanAccept: true,
      viewerCanConclude: false,
    });
    expect(await viewer(partnerMember)).toEqual({
      viewerIsMember: true,
      viewerCanAccept: false,
      viewerCanConclude: false,
    });
    expect(await viewer(organizer)).toEqual({
      viewerIsMember: false,
      viewerCanAccept: false,
      viewerCanConclude: false,
    });
    // A proposal is the two cities' and the organizers' business only.
    for (const client of [outsider, api.client()]) expect(await viewer(client)).toBeNull();
    expect((await newCoordinator.gql(ACCEPT, { id })).errors).toBeUndefined();
    // Accepted for its side: nothing left to accept there; the partner side still can.
    expect((await viewer(newCoordinator)).viewerCanAccept).toBe(false);
    expect((await viewer(partnerCoordinator)).viewerCanAccept).toBe(true);
    expect((await partnerCoordinator.gql(ACCEPT, { id })).errors).toBeUndefined();
    expect(await viewer(partnerCoordinator)).toEqual({
      viewerIsMember: true,
      viewerCanAccept: false,
      viewerCanConclude: true,
    });
    expect((await viewer(organizer)).viewerCanConclude).toBe(true);
    expect((await viewer(partnerMember)).viewerCanConclude).toBe(false);
    expect((await viewer(outsider)).viewerCanConclude).toBe(false);

    // A note's author may edit it; the partner city's member reads it but may not.
    const added = await partnerMember.gql<{ addTandemNote: { id: string } }>(ADD_NOTE, {
      i: { tandemId: id, kind: 'NOTE', body: 'Wer darf das ändern?' },
    });
    expect(added.errors).toBeUndefined();
    const authored = async (client: Client) =>
      (
        await client.gql<{
          tandemNotes: { edges: Array<{ node: { id: string; viewerIsAuthor: boolean } }> };
        }>(
          'query($id: ID!) { tandemNotes(tandemId: $id) { edges { node { id viewerIsAuthor } } } }',
          {
            id,
          },
        )
      ).data!.tandemNotes.edges.map((edge) => edge.node.viewerIsAuthor);
    expect(await authored(partnerMember)).toEqual([true]);
    expect(await authored(newCoordinator)).toEqual([false]);
  });

  it('passes a note on to the other city as written, even with a placeholder-like text in it', async () => {
    const tandemId = await activeTandem('wolfenbuettel', 'mannheim');
    const reader = await api.as('member', 'mannheim');
    await reader.gql('mutation { markNotificationsRead }');
    const body = `Treffen bei {other} oder in Wolfenbüttel? $& ${Date.now()}`;
    const writer = await api.as('member', 'wolfenbuettel');
    const added = await writer.gql(ADD_NOTE, { i: { tandemId, kind: 'QUESTION', body } });
    expect(added.errors).toBeUndefined();
    await api.platform.app.get(NotificationOutboxWorker).settle();
    const inbox = await reader.gql<{ notifications: Array<{ title: string; body: string }> }>(
      '{ notifications(first: 1) { title body } }',
    );
    expect(inbox.data!.notifications[0]).toEqual({
      title: 'Neuer Eintrag im Tandem mit Wolfenbüttel',
      body,
    });
  });

  it('refuses a visit date that names no day with a typed error, writing nothing', async () => {
    const tandemId = await activeTandem('bad-salzuflen', 'wuerzburg');
    const author = await api.as('member', 'bad-salzuflen');
    for (const visitDate of ['2026-13-01', '2026-01-32', '2026-00-10', '2026-02-30']) {
      const refused = await author.gql(ADD_NOTE, {
        i: { tandemId, kind: 'VISIT', body: 'Besuch', visitDate },
      });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.visitDate',
      });
    }
    const added = await author.gql<{ addTandemNote: { id: string } }>(ADD_NOTE, {
      i: { tandemId, kind: 'VISIT', body: 'Besuch', visitDate: '2026-02-28' },
    });
    expect(added.errors).toBeUndefined();
    const edit = await author.gql(
      'mutation($i: UpdateTandemNoteInput!) { updateTandemNote(input: $i) { id } }',
      { i: { id: added.data!.addTandemNote.id, body: 'Besuch', visitDate: '2026-12-99' } },
    );
    expect(edit.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.visitDate',
    });
    const stored = await api.ownerQuery<{ visit_date: string; revision: number }>(
      "SELECT to_char(visit_date, 'YYYY-MM-DD') AS visit_date, revision FROM tandem_note WHERE tandem_id = $1",
      [tandemId],
    );
    expect(stored).toEqual([{ visit_date: '2026-02-28', revision: 1 }]);
  });

  it('shows tandems on both city pages (a proposal to the two cities only)', async () => {
    const CITY_TANDEMS =
      '{ a: city(slug: "cloppenburg") { tandems { status partnerCity { slug } } } b: city(slug: "wolfsburg") { tandems { newCity { slug } } } }';
    const anonymous = await api.gql<{
      a: { tandems: Array<{ status: string; partnerCity: { slug: string } }> };
    }>(CITY_TANDEMS);
    expect(anonymous.data!.a.tandems).not.toContainEqual({
      status: 'PROPOSED',
      partnerCity: { slug: 'wolfsburg' },
    });
    const side = await api.as('member', 'cloppenburg');
    const { data } = await side.gql<{
      a: { tandems: Array<{ status: string; partnerCity: { slug: string } }> };
      b: { tandems: Array<{ newCity: { slug: string } }> };
    }>(CITY_TANDEMS);
    expect(data!.a.tandems).toContainEqual({
      status: 'PROPOSED',
      partnerCity: { slug: 'wolfsburg' },
    });
    expect(data!.b.tandems).toContainEqual({ newCity: { slug: 'cloppenburg' } });
  });
});
