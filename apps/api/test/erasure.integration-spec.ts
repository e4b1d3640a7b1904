import { NotificationOutboxWorker } from '../src/modules/notifications/notification-outbox.worker';
import { startTestPlatform, tokenFromMailbox, type Client, type TestPlatform } from './harness';

/**
 * Erasure of an account (Art. 17 DSGVO): what remains (the content, with a former-member
 * author), what is gone (read straight from the tables as the owner), who may, and that it
 * is all or nothing. Every account erased here is a fresh one made by invitation.
 */

const PASSWORD = 'ein-langes-Passwort-2026';
const INVITE = 'mutation($input: InviteToCityInput!) { inviteToCity(input: $input) { id } }';
const ACCEPT =
  'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id } }';
const DELETE_ME = 'mutation($input: DeleteMyAccountInput!) { deleteMyAccount(input: $input) }';
const ERASE = 'mutation($input: EraseAccountInput!) { eraseAccount(input: $input) }';
const REVISIONS =
  'query($id: ID!) { practiceRevisions(id: $id) { author { id displayName formerMember city { name } } } }';

interface Fresh {
  id: string;
  email: string;
  client: Client;
}

let serial = 0;

describe('erasing an account', () => {
  let api: TestPlatform;
  let coordinator: Client;
  let organizer: Client;

  beforeAll(async () => {
    api = await startTestPlatform();
    coordinator = await api.as('coordinator', 'wolfenbuettel');
    organizer = await api.as('organizer');
  });
  afterAll(async () => {
    await api?.stop();
  });

  /** A new member of Wolfenbüttel (by invitation), signed in. */
  async function freshMember(name: string): Promise<Fresh> {
    serial += 1;
    const email = `erase.${Date.now()}.${serial}@wolfenbuettel.example`;
    const invited = await coordinator.gql(INVITE, {
      input: { citySlug: 'wolfenbuettel', email, role: 'MEMBER' },
    });
    expect(invited.errors).toBeUndefined();
    const client = api.client();
    const token = await tokenFromMailbox(client, email, 'einladung');
    const accepted = await client.gql<{ acceptInvitation: { id: string } }>(ACCEPT, {
      input: { token, displayName: name, password: PASSWORD },
    });
    expect(accepted.errors).toBeUndefined();
    await client.login(email, PASSWORD);
    return { id: accepted.data!.acceptInvitation.id, email, client };
  }

  async function account(id: string) {
    const [row] = await api.ownerQuery<{
      email: string;
      display_name: string;
      password_hash: string;
      erased_at: Date | null;
    }>('SELECT email, display_name, password_hash, erased_at FROM app_user WHERE id = $1', [id]);
    return row;
  }

  async function count(sql: string, params: unknown[]): Promise<number> {
    const [row] = await api.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${sql}`,
      params,
    );
    return row.n;
  }

  it('removes the personal data, keeps what the person wrote as a former member’s, frees their seats', async () => {
    const person = await freshMember('Erika Löschmich');
    const wrote = await person.client.gql<{ createPractice: { id: string } }>(
      'mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }',
      {
        input: {
          citySlug: 'wolfenbuettel',
          title: 'Ein Entwurf, der bleibt',
          summary: 'Geschrieben für die Stadt',
          contactName: 'Erika Löschmich',
          contactEmail: person.email,
        },
      },
    );
    expect(wrote.errors).toBeUndefined();
    const practiceId = wrote.data!.createPractice.id;

    // An invitation of another city to the same address, still pending.
    const neuruppin = await api.as('coordinator', 'neuruppin');
    expect(
      (
        await neuruppin.gql(INVITE, {
          input: { citySlug: 'neuruppin', email: person.email, role: 'MEMBER' },
        })
      ).errors,
    ).toBeUndefined();

    // A past and a coming conference: Wolfenbüttel registered the person (and a colleague)
    // for both; at the coming one Neuruppin waits for a place.
    const [wolf] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM city WHERE slug = 'wolfenbuettel'",
    );
    const [neu] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM city WHERE slug = 'neuruppin'",
    );
    const [past] = await api.ownerQuery<{ id: string }>(
      `INSERT INTO conference (title, kind, starts_at, ends_at, capacity, status, confirmed_participants)
       VALUES ('Löschtest vorbei', 'TRAINING', now() - interval '10 days', now() - interval '9 days', 10, 'HELD', 2)
       RETURNING id`,
    );
    const [coming] = await api.ownerQuery<{ id: string }>(
      `INSERT INTO conference (title, kind, starts_at, ends_at, capacity, status, confirmed_participants, waitlisted_registrations)
       VALUES ('Löschtest kommt', 'TRAINING', now() + interval '30 days', now() + interval '31 days', 2, 'OPEN', 2, 1)
       RETURNING id`,
    );
    const registrations: Record<string, string> = {};
    for (const [key, conferenceId] of [
      ['past', past.id],
      ['coming', coming.id],
    ]) {
      const [registration] = await api.ownerQuery<{ id: string }>(
        `INSERT INTO registration (city_id, conference_id, status, participant_count)
         VALUES ($1, $2, 'CONFIRMED', 2) RETURNING id`,
        [wolf.id, conferenceId],
      );
      registrations[key] = registration.id;
      await api.ownerQuery(
        `INSERT INTO registration_participant (city_id, registration_id, position, name, email)
         VALUES ($1, $2, 0, 'Erika Löschmich', $3), ($1, $2, 1, 'Kollege Bleibt', 'bleibt@wolfenbuettel.example')`,
        [wolf.id, registration.id, person.email],
      );
    }
    const [waiting] = await api.ownerQuery<{ id: string }>(
      `INSERT INTO registration (city_id, conference_id, status, participant_count)
       VALUES ($1, $2, 'WAITLISTED', 1) RETURNING id`,
      [neu.id, coming.id],
    );
    await api.ownerQuery(
      `INSERT INTO notification (user_id, kind, title, body) VALUES ($1, 'PRACTICE_PUBLISHED', 'Hallo', 'Für Erika')`,
      [person.id],
    );

    // A wrong password changes nothing.
    const wrong = await person.client.gql(DELETE_ME, {
      input: { password: 'falsch-falsch-falsch' },
    });
    expect(wrong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_CREDENTIALS',
      field: 'input.password',
    });
    expect((await account(person.id)).erased_at).toBeNull();

    // A prepared copy of their data (Art. 15) goes with the account.
    await api.ownerQuery(
      `INSERT INTO data_export (user_id, status, steps_done, steps_total, data_json, summary_text, expires_at)
       VALUES ($1, 'READY', 1, 1, '{}', 'Zusammenfassung', now() + interval '7 days')`,
      [person.id],
    );
    expect(await count('data_export WHERE user_id = $1', [person.id])).toBe(1);

    const cookie = person.client.cookie;
    const deleted = await person.client.gql<{ deleteMyAccount: boolean }>(DELETE_ME, {
      input: { password: PASSWORD },
    });
    expect(deleted.errors).toBeUndefined();
    expect(deleted.data?.deleteMyAccount).toBe(true);
    expect(person.client.cookie).toBeUndefined();

    // Gone: name, address, password, sessions, memberships, notifications, invitations,
    // participant entries.
    const tombstone = await account(person.id);
    expect(tombstone.email).toBe(`${person.id}@erased.invalid`);
    expect(tombstone.display_name).not.toContain('Erika');
    expect(tombstone.password_hash).toBe('!');
    expect(tombstone.erased_at).not.toBeNull();
    for (const [table, column] of [
      ['user_session', 'user_id'],
      ['membership', 'user_id'],
      ['notification', 'user_id'],
      ['notification_mail', 'user_id'],
      ['password_reset', 'user_id'],
      ['tandem_visit', 'user_id'],
      ['data_export', 'user_id'],
    ])
      expect(await count(`${table} WHERE ${column} = $1`, [person.id])).toBe(0);
    for (const table of ['invitation', 'registration_participant', 'dev_mail'])
      expect(
        await count(`${table} WHERE ${table === 'dev_mail' ? 'recipient' : 'email'} = $1`, [
          person.email,
        ]),
      ).toBe(0);
    expect(await count('audit_log WHERE target = $1', [person.email])).toBe(0);
    expect(await count("audit_log WHERE details::text LIKE '%' || $1 || '%'", ['Löschmich'])).toBe(
      0,
    );

    // Signed out everywhere and cannot sign in again.
    const oldBrowser = api.client();
    oldBrowser.cookie = cookie;
    const me = await oldBrowser.gql<{ me: unknown }>('{ me { id } }');
    expect(me.data?.me).toBeNull();
    const again = await api.gql('mutation($input: LoginInput!) { login(input: $input) { id } }', {
      input: { email: person.email, password: PASSWORD },
    });
    expect(again.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

    // Stays: the practice, written by a former member of Wolfenbüttel; no contact any more.
    const [practice] = await api.ownerQuery<{ created_by: string; contact_email: string | null }>(
      'SELECT created_by, contact_email FROM practice WHERE id = $1',
      [practiceId],
    );
    expect(practice).toEqual({ created_by: person.id, contact_email: null });
    const revisions = await coordinator.gql<{
      practiceRevisions: Array<{ author: Record<string, unknown> }>;
    }>(REVISIONS, { id: practiceId });
    expect(revisions.data?.practiceRevisions[0].author).toEqual({
      id: person.id,
      displayName: '',
      formerMember: true,
      city: { name: 'Wolfenbüttel' },
    });

    // The past registration keeps its head count; the coming one lost a seat, which went
    // to the city waiting for it (and Neuruppin is told).
    const rows = await api.ownerQuery<{ id: string; status: string; participant_count: number }>(
      'SELECT id, status, participant_count FROM registration WHERE id = ANY ($1)',
      [[registrations.past, registrations.coming, waiting.id]],
    );
    const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
    expect(byId[registrations.past]).toMatchObject({ status: 'CONFIRMED', participant_count: 2 });
    expect(byId[registrations.coming]).toMatchObject({ status: 'CONFIRMED', participant_count: 1 });
    expect(byId[waiting.id]).toMatchObject({ status: 'CONFIRMED' });
    expect(
      await count('registration_participant WHERE registration_id = ANY ($1)', [
        [registrations.past, registrations.coming],
      ]),
    ).toBe(2);
    await api.platform.app.get(NotificationOutboxWorker).settle();
    expect(
      await count(
        "notification n JOIN membership m ON m.user_id = n.user_id WHERE m.city_id = $1 AND n.kind = 'REGISTRATION_CONFIRMED' AND n.link = $2",
        [neu.id, `/konferenzen/${coming.id}`],
      ),
    ).toBeGreaterThan(0);

    // The audit log: who (a pseudonym), when, no name.
    const [entry] = await api.ownerQuery<{ actor_user_id: string; details: unknown }>(
      "SELECT actor_user_id, details FROM audit_log WHERE action = 'ACCOUNT_ERASED' AND target = $1",
      [person.id],
    );
    expect(entry).toEqual({ actor_user_id: person.id, details: { self: true } });

    // Erased once is erased: nothing left to erase.
    const twice = await organizer.gql(ERASE, { input: { userId: person.id, reason: 'Antrag 2' } });
    expect(twice.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'ACCOUNT_NOT_FOUND',
    });
  });

  it('lets only the person and organizers erase; organizers say why, and it is logged', async () => {
    const person = await freshMember('Otto Antrag');
    const refusals: Array<[string, Client]> = [
      ['anonymous', api.client()],
      ['another member', await api.as('member', 'wolfenbuettel')],
      ['the coordinator of the city', coordinator],
      ['a coordinator of another city', await api.as('coordinator', 'neuruppin')],
    ];
    for (const [who, client] of refusals) {
      const refused = await client.gql(ERASE, { input: { userId: person.id, reason: 'Antrag' } });
      expect([who, refused.errors?.[0].extensions?.code]).toEqual([
        who,
        who === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN',
      ]);
    }
    const anonymous = await api.gql(DELETE_ME, { input: { password: PASSWORD } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await account(person.id)).erased_at).toBeNull();

    const noReason = await organizer.gql(ERASE, { input: { userId: person.id, reason: '  ' } });
    expect(noReason.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'REASON_REQUIRED',
      field: 'input.reason',
    });
    const malformed = await organizer.gql(ERASE, { input: { userId: 'nope', reason: 'Antrag' } });
    expect(malformed.errors?.[0].extensions?.reason).toBe('ACCOUNT_NOT_FOUND');

    const erased = await organizer.gql(ERASE, {
      input: { userId: person.id, reason: 'Löschantrag vom 1. Dezember (Az. 17)' },
    });
    expect(erased.errors).toBeUndefined();
    expect((await account(person.id)).erased_at).not.toBeNull();
    expect(await count('user_session WHERE user_id = $1', [person.id])).toBe(0);
    const me = await person.client.gql<{ me: unknown }>('{ me { id } }');
    expect(me.data?.me).toBeNull();

    const [organizerRow] = await api.ownerQuery<{ id: string }>(
      "SELECT id FROM app_user WHERE network_role = 'ORGANIZER' ORDER BY created_at LIMIT 1",
    );
    const entries = await api.ownerQuery<{ actor_user_id: string; details: unknown }>(
      "SELECT actor_user_id, details FROM audit_log WHERE action = 'ACCOUNT_ERASED' AND target = $1",
      [person.id],
    );
    expect(entries).toEqual([
      {
        actor_user_id: organizerRow.id,
        details: { self: false, reason: 'Löschantrag vom 1. Dezember (Az. 17)' },
      },
    ]);
    // Organizers read it in the log; the erased person appears as their id only.
    const log = await organizer.gql<{
      auditLog: { edges: Array<{ node: { action: string; target: string | null } }> };
    }>(
      '{ auditLog(first: 50, filter: { action: "ACCOUNT_ERASED" }) { edges { node { action target } } } }',
    );
    expect(log.data?.auditLog.edges.map((edge) => edge.node.target)).toContain(person.id);
  });

  it('refuses the last coordinator of a city until they hand over', async () => {
    const person = await freshMember('Clara Letzte');
    serial += 1;
    const [city] = await api.ownerQuery<{ id: string }>(
      `INSERT INTO city (slug, name, kind, federal_state, joined_year)
       VALUES ($1, 'Löschhausen', 'COMMUNITY', 'DE-NI', 2026) RETURNING id`,
      [`loeschhausen-${Date.now()}-${serial}`],
    );
    await api.ownerQuery(
      `INSERT INTO membership (city_id, user_id, role) VALUES ($1, $2, 'COORDINATOR')`,
      [city.id, person.id],
    );
    await person.client.login(person.email, PASSWORD);

    const own = await person.client.gql(DELETE_ME, { input: { password: PASSWORD } });
    expect(own.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'LAST_COORDINATOR',
    });
    const byOrganizer = await organizer.gql(ERASE, {
      input: { userId: person.id, reason: 'Antrag' },
    });
    expect(byOrganizer.errors?.[0].extensions?.reason).toBe('LAST_COORDINATOR');
    expect((await account(person.id)).erased_at).toBeNull();
    expect(await count('membership WHERE user_id = $1', [person.id])).toBe(2);

    // Handed over (another coordinator): now it goes.
    await api.ownerQuery(
      `INSERT INTO membership (city_id, user_id, role)
       SELECT $1, id, 'COORDINATOR' FROM app_user WHERE email = 'coordinator.wolfenbuettel@demo.wissensnetz.example'`,
      [city.id],
    );
    const done = await person.client.gql(DELETE_ME, { input: { password: PASSWORD } });
    expect(done.errors).toBeUndefined();
    expect(await count('membership WHERE user_id = $1', [person.id])).toBe(0);
    await api.ownerQuery('DELETE FROM membership WHERE city_id = $1', [city.id]);
    // The city was only for this test: other files count the network's cities.
    await api.ownerQuery('DELETE FROM audit_log WHERE city_id = $1', [city.id]);
    await api.ownerQuery('DELETE FROM city WHERE id = $1', [city.id]);
  });

  it('erases everything or nothing: a failure at the last step leaves the account as it was', async () => {
    const person = await freshMember('Fritz Halbgar');
    // The audit entry is the last write of the erasure; make exactly that one fail.
    await api.ownerQuery(`CREATE FUNCTION erasure_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action = 'ACCOUNT_ERASED' AND NEW.target = '${person.id}' THEN
          RAISE EXCEPTION 'refused for the test';
        END IF;
        RETURN NEW;
      END $$`);
    await api.ownerQuery(`CREATE TRIGGER erasure_test_refuse BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION erasure_test_refuse()`);
    try {
      const failed = await person.client.gql(DELETE_ME, { input: { password: PASSWORD } });
      expect(failed.errors?.[0].extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      await api.ownerQuery('DROP TRIGGER erasure_test_refuse ON audit_log');
      await api.ownerQuery('DROP FUNCTION erasure_test_refuse()');
    }
    const row = await account(person.id);
    expect(row).toMatchObject({
      email: person.email,
      display_name: 'Fritz Halbgar',
      erased_at: null,
    });
    expect(await count('user_session WHERE user_id = $1', [person.id])).toBeGreaterThan(0);
    expect(await count('membership WHERE user_id = $1', [person.id])).toBe(1);
    const me = await person.client.gql<{ me: { id: string } }>('{ me { id } }');
    expect(me.data?.me?.id).toBe(person.id);
  });
});
