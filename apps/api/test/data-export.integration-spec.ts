import { randomUUID } from 'node:crypto';
import { JobRegistry } from '../src/core/jobs/job-registry';
import { DataExportExpiryJob } from '../src/modules/data-export/data-export-expiry.job';
import { DATA_EXPORT_SECTIONS } from '../src/modules/data-export/data-export-sections';
import { DataExportWorker } from '../src/modules/data-export/data-export.worker';
import { Client, demoEmail, startTestPlatform, type TestPlatform } from './harness';

/**
 * Art. 15 / 20 DSGVO: a person downloads everything about them. A person with rows in
 * every category (and a colleague with rows next to theirs) proves what the export holds
 * and what it leaves out; refusals, one export at a time, the daily limit and expiry follow.
 * Cities loerrach and puchheim, and people made here: nothing another file touches.
 */
const CITY = 'loerrach';
const PARTNER = 'puchheim';
const PERSON_EMAIL = 'export.person@stadt.example';
const COLLEAGUE_EMAIL = 'export.kollegin@stadt.example';
const STRANGER_EMAIL = 'jemand.anders@stadt.example';

interface DataExport {
  id: string;
  status: string;
  stepsDone: number;
  stepsTotal: number;
  jsonUrl: string | null;
  summaryUrl: string | null;
  expiresAt: string | null;
}
const FIELDS = 'id status stepsDone stepsTotal jsonUrl summaryUrl expiresAt';

let api: TestPlatform;
let cityId: string;
let partnerId: string;
let passwordHash: string;

async function createPerson(email: string, name: string, locale = 'de'): Promise<string> {
  const [user] = await api.ownerQuery<{ id: string }>(
    `INSERT INTO app_user (email, display_name, password_hash, locale) VALUES ($1, $2, $3, $4)
     RETURNING id`,
    [email, name, passwordHash, locale],
  );
  await api.ownerQuery(
    `INSERT INTO membership (city_id, user_id, role) VALUES ($1, $2, 'MEMBER')`,
    [cityId, user.id],
  );
  return user.id;
}

async function request(client: Client) {
  return client.gql<{ requestDataExport: DataExport }>(
    `mutation { requestDataExport { ${FIELDS} } }`,
  );
}

async function latest(client: Client): Promise<DataExport | null> {
  const result = await client.gql<{ myDataExport: DataExport | null }>(
    `{ myDataExport { ${FIELDS} } }`,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.myDataExport;
}

function get(path: string, cookie?: string): Promise<Response> {
  return fetch(`${api.url}${path}`, { headers: cookie ? { cookie } : {} });
}

async function errorCode(response: Response): Promise<unknown> {
  const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
  return body.errors[0].extensions.code;
}

beforeAll(async () => {
  api = await startTestPlatform();
  const cities = await api.ownerQuery<{ id: string; slug: string }>(
    `SELECT id, slug FROM city WHERE slug IN ($1, $2)`,
    [CITY, PARTNER],
  );
  cityId = cities.find((c) => c.slug === CITY)!.id;
  partnerId = cities.find((c) => c.slug === PARTNER)!.id;
  const [demo] = await api.ownerQuery<{ password_hash: string }>(
    `SELECT password_hash FROM app_user WHERE email = $1`,
    [demoEmail('member', CITY)],
  );
  passwordHash = demo.password_hash;
}, 120_000);

afterAll(async () => {
  await api?.stop();
});

describe('data export: a person gets all data about them, and only that', () => {
  let personId: string;
  let colleagueId: string;
  let person: Client;

  beforeAll(async () => {
    personId = await createPerson(PERSON_EMAIL, 'Export Person');
    colleagueId = await createPerson(COLLEAGUE_EMAIL, 'Export Kollegin');
    person = await api.client().login(PERSON_EMAIL);
    const q = api.ownerQuery.bind(api);
    // Practices: one the person started (with their revision and attachment), one of the colleague.
    const [mine] = await q<{ id: string }>(
      `INSERT INTO practice (city_id, title, summary, created_by, updated_by, contact_email)
       VALUES ($1, 'Repair-Café Lörrach', 'Reparieren statt wegwerfen', $2, $2, $3) RETURNING id`,
      [cityId, personId, PERSON_EMAIL],
    );
    await q(
      `INSERT INTO practice_revision (city_id, practice_id, number, snapshot, author_id)
       VALUES ($1, $2, 1, '{"title": "Repair-Café Lörrach", "summary": "Erste Fassung"}', $3)`,
      [cityId, mine.id, personId],
    );
    await q(
      `INSERT INTO practice_attachment (city_id, practice_id, file_name, content_type, size_bytes, storage_key, uploaded_by)
       VALUES ($1, $2, 'flyer.pdf', 'application/pdf', 1234, $3, $4)`,
      [cityId, mine.id, `export-test/${randomUUID()}`, personId],
    );
    const [theirs] = await q<{ id: string }>(
      `INSERT INTO practice (city_id, title, summary, created_by, contact_email)
       VALUES ($1, 'Kolleginnen-Praxis', 'Nicht von der Person', $2, $3) RETURNING id`,
      [cityId, colleagueId, COLLEAGUE_EMAIL],
    );
    await q(
      `INSERT INTO practice_revision (city_id, practice_id, number, snapshot, author_id)
       VALUES ($1, $2, 1, '{"contact": "${COLLEAGUE_EMAIL}"}', $3)`,
      [cityId, theirs.id, colleagueId],
    );
    await q(
      `INSERT INTO city_profile_revision (city_id, number, snapshot, author_id)
       VALUES ($1, (SELECT coalesce(max(number), 0) + 1 FROM city_profile_revision WHERE city_id = $1),
               '{"about": "Profiltext der Person"}', $2)`,
      [cityId, personId],
    );
    // A tandem (concluded: the pair stays free for others) with notes of both.
    const [tandem] = await q<{ id: string }>(
      `INSERT INTO tandem (city_id, partner_city_id, status) VALUES ($1, $2, 'CONCLUDED') RETURNING id`,
      [cityId, partnerId],
    );
    const [note] = await q<{ id: string }>(
      `INSERT INTO tandem_note (city_id, tandem_id, partner_city_id, author_id, author_city_id, kind, body)
       VALUES ($1, $2, $3, $4, $1, 'NOTE', 'Notiz der Person zum Tandem') RETURNING id`,
      [cityId, tandem.id, partnerId, personId],
    );
    await q(
      `INSERT INTO tandem_note_revision (city_id, note_id, number, partner_city_id, body, author_id)
       VALUES ($1, $2, 1, $3, 'Erste Fassung der Notiz', $4)`,
      [cityId, note.id, partnerId, personId],
    );
    await q(
      `INSERT INTO tandem_note (city_id, tandem_id, partner_city_id, author_id, author_city_id, kind, body)
       VALUES ($1, $2, $3, $4, $1, 'NOTE', 'Notiz der Kollegin')`,
      [cityId, tandem.id, partnerId, colleagueId],
    );
    await q(`INSERT INTO tandem_visit (city_id, tandem_id, user_id) VALUES ($1, $2, $3)`, [
      cityId,
      tandem.id,
      personId,
    ]);
    // A conference registration the person made, naming them and the colleague.
    const [conference] = await q<{ id: string }>(
      `INSERT INTO conference (title, kind, starts_at, ends_at, capacity, status)
       VALUES ('Export-Konferenz', 'NETWORK_MEETING', '2027-06-01T06:00Z', '2027-06-01T18:00Z', 100, 'OPEN')
       RETURNING id`,
    );
    const [registration] = await q<{ id: string }>(
      `INSERT INTO registration (city_id, conference_id, status, participant_count, registered_by)
       VALUES ($1, $2, 'CONFIRMED', 2, $3) RETURNING id`,
      [cityId, conference.id, personId],
    );
    await q(
      `INSERT INTO registration_participant (city_id, registration_id, position, name, email, needs)
       VALUES ($1, $2, 1, 'Export Person', $3, 'vegetarisch'), ($1, $2, 2, 'Export Kollegin', $4, 'Rollstuhl')`,
      [cityId, registration.id, PERSON_EMAIL, COLLEAGUE_EMAIL],
    );
    // Notifications and their e-mail (the outbox row already done: no fan-out to the city).
    await q(
      `INSERT INTO notification (user_id, city_id, kind, title, body) VALUES ($1, $2, 'TANDEM_NOTE_ADDED', 'Neue Notiz im Tandem', '')`,
      [personId, cityId],
    );
    const [outbox] = await q<{ id: string }>(
      `INSERT INTO notification_outbox (city_ids, kind, title, mail_subject, mail_text, processed_at)
       VALUES (ARRAY[$1::uuid], 'TANDEM_NOTE_ADDED', 'Neue Notiz', 'Neue Notiz im Tandem', 'Text', now())
       RETURNING id`,
      [cityId],
    );
    await q(
      `INSERT INTO notification_mail (outbox_id, user_id, recipient, sent_at) VALUES ($1, $2, $3, now())`,
      [outbox.id, personId, PERSON_EMAIL],
    );
    // Audit: by the person (about a stranger), about the person (by the colleague), and unrelated.
    await q(
      `INSERT INTO audit_log (city_id, actor_user_id, action, target, details) VALUES
         ($1, $2, 'INVITATION_CREATED', $4, '{"role": "MEMBER"}'),
         ($1, $3, 'MEMBERSHIP_ROLE_CHANGED', $2::text, '{"from": "MEMBER", "to": "COORDINATOR"}'),
         ($1, $3, 'INVITATION_REVOKED', $4, '{}')`,
      [cityId, personId, colleagueId, STRANGER_EMAIL],
    );
    await q(
      `INSERT INTO accessibility_feedback (sender_name, sender_email, message, locale, due_on)
       VALUES ('Export Person', 'Export.Person@stadt.example', 'Kontrast zu schwach', 'de', current_date + 14)`,
    );
    await q(
      `INSERT INTO invitation (city_id, email, role, token_hash, expires_at, accepted_at)
       VALUES ($1, $2, 'MEMBER', $3, now() + interval '7 days', now())`,
      [cityId, PERSON_EMAIL, randomUUID()],
    );
    await q(
      `INSERT INTO password_reset (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`,
      [personId, randomUUID()],
    );
  }, 120_000);

  it('prepares the export in the background with progress, then offers both files', async () => {
    const requested = await request(person);
    expect(requested.errors).toBeUndefined();
    const first = requested.data!.requestDataExport;
    expect(first.stepsTotal).toBe(DATA_EXPORT_SECTIONS.length);
    expect(first.jsonUrl).toBeNull();

    await api.platform.app.get(DataExportWorker).settle();
    const ready = await latest(person);
    expect(ready).toMatchObject({
      id: first.id,
      status: 'READY',
      stepsDone: DATA_EXPORT_SECTIONS.length,
      stepsTotal: DATA_EXPORT_SECTIONS.length,
      jsonUrl: `/export/my-data/${first.id}/data.json`,
      summaryUrl: `/export/my-data/${first.id}/summary.txt`,
    });
    const days = (Date.parse(ready!.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const file = await get(ready!.jsonUrl!, person.cookie);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(file.headers.get('cache-control')).toBe('no-store');
    expect(file.headers.get('content-disposition')).toMatch(
      /^attachment; filename="wissensnetz-meine-daten-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const text = await file.text();
    const data = JSON.parse(text) as Record<string, unknown> & {
      sessions: Array<Record<string, unknown>>;
    };
    for (const section of DATA_EXPORT_SECTIONS) expect(data).toHaveProperty(section.key);

    expect(data.account).toMatchObject({
      id: personId,
      email: PERSON_EMAIL,
      displayName: 'Export Person',
    });
    expect(data.notificationSettings).toEqual({
      mailTandem: 'IMMEDIATE',
      mailCity: 'IMMEDIATE',
      mailNetwork: 'WEEKLY',
      locale: 'de',
    });
    expect(data.memberships).toEqual([expect.objectContaining({ citySlug: CITY, role: 'MEMBER' })]);
    expect(data.invitations).toHaveLength(1);
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.sessions[0]).toHaveProperty('lastUsedAt');
    expect(data.passwordResets).toHaveLength(1);
    expect(data.practices).toEqual([
      expect.objectContaining({
        title: 'Repair-Café Lörrach',
        startedByYou: true,
        revisionsByYou: [
          expect.objectContaining({
            number: 1,
            content: expect.objectContaining({ summary: 'Erste Fassung' }),
          }),
        ],
        attachmentsByYou: [expect.objectContaining({ fileName: 'flyer.pdf' })],
      }),
    ]);
    expect(data.cityProfileRevisions).toEqual([
      expect.objectContaining({ content: { about: 'Profiltext der Person' } }),
    ]);
    expect(data.tandemNotes).toEqual([
      expect.objectContaining({
        body: 'Notiz der Person zum Tandem',
        earlierVersions: [expect.objectContaining({ body: 'Erste Fassung der Notiz' })],
      }),
    ]);
    expect(data.tandemVisits).toHaveLength(1);
    expect(data.conferenceParticipations).toEqual([
      expect.objectContaining({
        conference: 'Export-Konferenz',
        email: PERSON_EMAIL,
        needs: 'vegetarisch',
      }),
    ]);
    expect(data.conferenceRegistrationsByYou).toEqual([
      expect.objectContaining({ conference: 'Export-Konferenz', participantCount: 2 }),
    ]);
    expect(data.notifications).toEqual([
      expect.objectContaining({ title: 'Neue Notiz im Tandem' }),
    ]);
    expect(data.notificationEmails).toEqual([
      expect.objectContaining({ subject: 'Neue Notiz im Tandem', recipient: PERSON_EMAIL }),
    ]);
    expect(data.auditEntries).toHaveLength(2);
    expect(data.auditEntries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: 'INVITATION_CREATED', byYou: true, aboutYou: false }),
        expect.objectContaining({
          action: 'MEMBERSHIP_ROLE_CHANGED',
          byYou: false,
          aboutYou: true,
        }),
      ]),
    );
    expect(data.accessibilityFeedback).toEqual([
      expect.objectContaining({ message: 'Kontrast zu schwach' }),
    ]);

    // Nothing of other people beyond names: no e-mail, no other's note, no secrets.
    expect(text).not.toContain(COLLEAGUE_EMAIL);
    expect(text).not.toContain(STRANGER_EMAIL);
    expect(text).not.toContain(colleagueId);
    expect(text).not.toContain('Notiz der Kollegin');
    expect(text).not.toContain('Kolleginnen-Praxis');
    expect(text).not.toContain('Rollstuhl');
    expect(text).not.toContain('$argon2');
    expect(text).not.toMatch(/token|password_hash|passwordHash/i);

    const summary = await get(ready!.summaryUrl!, person.cookie);
    expect(summary.status).toBe(200);
    expect(summary.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(summary.headers.get('cache-control')).toBe('no-store');
    expect(summary.headers.get('content-disposition')).toMatch(
      /^attachment; filename="wissensnetz-meine-daten-\d{4}-\d{2}-\d{2}-uebersicht\.txt"$/,
    );
    const readable = await summary.text();
    expect(readable).toContain('Ihre gespeicherten Daten');
    expect(readable).toContain('Export Person');
    expect(readable).toContain('Mitgliedschaften (1)');
    expect(readable).toContain('Tandem-Notizen (1)');
    expect(readable).toContain('Repair-Café Lörrach');
    expect(readable).not.toContain(COLLEAGUE_EMAIL);
  });

  it('refuses the files to anyone else: another member, an organizer, nobody, and after logout', async () => {
    const ready = (await latest(person))!;
    const colleague = await api.client().login(COLLEAGUE_EMAIL);
    const organizer = await api.as('organizer');
    for (const cookie of [colleague.cookie, organizer.cookie]) {
      const refused = await get(ready.jsonUrl!, cookie);
      expect(refused.status).toBe(404);
      expect(await errorCode(refused)).toBe('NOT_FOUND');
    }
    expect(await latest(colleague)).toBeNull();

    const anonymous = await get(ready.jsonUrl!);
    expect(anonymous.status).toBe(401);
    expect(await errorCode(anonymous)).toBe('UNAUTHENTICATED');

    const second = await api.client().login(PERSON_EMAIL);
    const cookie = second.cookie!;
    expect((await get(ready.summaryUrl!, cookie)).status).toBe(200);
    await second.gql('mutation { logout }');
    const afterLogout = await get(ready.summaryUrl!, cookie);
    expect(afterLogout.status).toBe(401);
    expect(await errorCode(afterLogout)).toBe('UNAUTHENTICATED');

    const malformed = await get('/export/my-data/not-a-uuid/data.json', person.cookie);
    expect(malformed.status).toBe(404);
    expect(await errorCode(malformed)).toBe('NOT_FOUND');

    const asAnonymous = await api.gql(`mutation { requestDataExport { id } }`);
    expect(asAnonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('deletes the files once they expire (the scheduled job)', async () => {
    const job = api.platform.app.get(JobRegistry).get('data-export-expiry');
    expect(job).toBe(api.platform.app.get(DataExportExpiryJob));
    const ready = (await latest(person))!;
    const [colleagueExport] = await api.ownerQuery<{ id: string }>(
      `INSERT INTO data_export (user_id, status, steps_done, steps_total, data_json, summary_text, locale, ready_at, expires_at)
       VALUES ($1, 'READY', 1, 1, '{}', 'x', 'de', now(), now() + interval '1 day') RETURNING id`,
      [colleagueId],
    );

    await job!.run(new Date());
    expect((await get(ready.jsonUrl!, person.cookie)).status).toBe(200);

    await api.ownerQuery(
      `UPDATE data_export SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [ready.id],
    );
    await job!.run(new Date());
    const gone = await get(ready.jsonUrl!, person.cookie);
    expect(gone.status).toBe(404);
    expect(await api.ownerQuery(`SELECT 1 FROM data_export WHERE id = $1`, [ready.id])).toEqual([]);
    expect(await latest(person)).toBeNull();
    // Not yet expired: kept.
    expect(
      await api.ownerQuery(`SELECT 1 FROM data_export WHERE id = $1`, [colleagueExport.id]),
    ).toHaveLength(1);
  });
});

describe('data export: one at a time, a few a day', () => {
  it('returns the running export to a second request instead of starting another', async () => {
    const userId = await createPerson('export.eilig@stadt.example', 'Export Eilig');
    const client = await api.client().login('export.eilig@stadt.example');
    // Claimed just now by a worker (lease not passed): it stays running while we ask.
    const [running] = await api.ownerQuery<{ id: string }>(
      `INSERT INTO data_export (user_id, status, steps_done, steps_total, claimed_at)
       VALUES ($1, 'RUNNING', 3, $2, now()) RETURNING id`,
      [userId, DATA_EXPORT_SECTIONS.length],
    );
    const [a, b] = await Promise.all([request(client), request(client)]);
    for (const answer of [a, b]) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.requestDataExport).toMatchObject({
        id: running.id,
        status: 'RUNNING',
        stepsDone: 3,
      });
    }
    expect(
      await api.ownerQuery(`SELECT id FROM data_export WHERE user_id = $1`, [userId]),
    ).toHaveLength(1);
    // The pretended worker never finishes: give it up, so settle() elsewhere need not wait.
    await api.ownerQuery(`UPDATE data_export SET status = 'FAILED' WHERE id = $1`, [running.id]);
  });

  it('refuses a fourth export within a day with a typed error, writing nothing', async () => {
    const userId = await createPerson('export.oft@stadt.example', 'Export Oft');
    const client = await api.client().login('export.oft@stadt.example');
    await api.ownerQuery(
      `INSERT INTO data_export (user_id, status, steps_total)
       SELECT $1, 'FAILED', 1 FROM generate_series(1, 3)`,
      [userId],
    );
    const refused = await request(client);
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      reason: 'TOO_MANY_EXPORTS',
    });
    const wait = Number(
      (refused.errors?.[0].extensions?.params as Record<string, unknown>).retryAfterSeconds,
    );
    expect(wait).toBeGreaterThan(86_000);
    expect(wait).toBeLessThanOrEqual(86_400);
    expect(
      await api.ownerQuery(`SELECT id FROM data_export WHERE user_id = $1`, [userId]),
    ).toHaveLength(3);
  });

  it('resumes an export whose worker died, at the next section after the last one done', async () => {
    const userId = await createPerson('export.weiter@stadt.example', 'Export Weiter');
    const client = await api.client().login('export.weiter@stadt.example');
    // A claim from 11 minutes ago (past the lease) with the first section collected.
    const [lost] = await api.ownerQuery<{ id: string }>(
      `INSERT INTO data_export (user_id, status, steps_done, steps_total, parts, claimed_at, attempts)
       VALUES ($1, 'RUNNING', 1, $2, '{"account": {"collectedBefore": true}}',
               now() - interval '11 minutes', 1) RETURNING id`,
      [userId, DATA_EXPORT_SECTIONS.length],
    );
    await api.platform.app.get(DataExportWorker).settle();
    const ready = (await latest(client))!;
    expect(ready).toMatchObject({
      id: lost.id,
      status: 'READY',
      stepsDone: DATA_EXPORT_SECTIONS.length,
    });
    const data = (await (await get(ready.jsonUrl!, client.cookie)).json()) as Record<
      string,
      unknown
    >;
    // Kept from before (not collected twice), and the rest collected now.
    expect(data.account).toEqual({ collectedBefore: true });
    expect(data.memberships).toEqual([expect.objectContaining({ citySlug: CITY })]);
  });

  it('writes the summary in the person’s language', async () => {
    await createPerson('export.english@stadt.example', 'Export English', 'en');
    const client = await api.client().login('export.english@stadt.example');
    expect((await request(client)).errors).toBeUndefined();
    await api.platform.app.get(DataExportWorker).settle();
    const ready = (await latest(client))!;
    const summary = await get(ready.summaryUrl!, client.cookie);
    expect(summary.headers.get('content-disposition')).toMatch(
      /filename="wissensnetz-my-data-\d{4}-\d{2}-\d{2}-summary\.txt"$/,
    );
    const text = await summary.text();
    expect(text).toContain('the data stored about you');
    expect(text).toContain('Memberships (1)');
  });
});
