import type { DataSource, EntityManager } from 'typeorm';
import { DigestJob } from '../src/modules/digest/digest.job';
import { MailService } from '../src/modules/mail/mail.service';
import { NotificationOutboxWorker } from '../src/modules/notifications/notification-outbox.worker';
import { demoEmail, startTestPlatform, type Client, type TestPlatform } from './harness';
import { SmtpSink } from './smtp-sink';

const ADD_NOTE = 'mutation($i: AddTandemNoteInput!) { addTandemNote(input: $i) { id } }';
const CREATE_PRACTICE = `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }`;
const UPDATE_PRACTICE = `mutation($input: UpdatePracticeInput!) { updatePractice(input: $input) { revision } }`;
const PUBLISH = `mutation($id: ID!) { publishPractice(id: $id) { status } }`;
const SUBMIT = `mutation($id: ID!) { submitPracticeForReview(id: $id) { status } }`;
const CREATE_CONFERENCE = `mutation($i: ConferenceInput!) { createConference(input: $i) { id } }`;
const FOLLOW = `mutation($kind: FollowTargetKind!, $id: ID!) { follow(kind: $kind, targetId: $id) { kind targetId name link isDefault } }`;
const UNFOLLOW = `mutation($kind: FollowTargetKind!, $id: ID!) { unfollow(kind: $kind, targetId: $id) }`;
const MY_FOLLOWS = `{ myFollows { kind targetId name link isDefault } }`;
const UNSUBSCRIBE = `mutation($token: String!) { unsubscribeDigest(token: $token) }`;

/** The virtual week the activity is dated into: Monday 16 to Sunday 22 November 2026. */
const at = (day: number, hour = 10) =>
  `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00Z`;
/** Midnight starting that November day in Berlin (CET, UTC+1): 23:00 UTC the day before. */
const berlinMidnight = (day: number) => new Date(`${at(day - 1, 23)}`);

interface Delivery {
  cadence: string;
  period_start: Date;
  streams: string[];
  item_count: number;
  subject: string;
  text_body: string;
  html_body: string;
  unsubscribe_url: string;
}

/**
 * Issue 16, THE test: a week of activity — tandem notes, a review, new practices on a
 * followed topic, a revision of a followed practice, a conference — turns into one digest
 * per person with the right content for their follows and settings, and none for people
 * with nothing new or who unsubscribed. Driven by `job.run(day)` for the seven days after.
 *
 * The activity is made through the API and then dated into a week in the past (owner
 * SQL), so nothing another test file does at the same time falls into it.
 */
describe('follows and the digest e-mail', () => {
  let api: TestPlatform;
  let sink: SmtpSink;
  let job: DigestJob;
  const stamp = `${Date.now()}`;
  const ids: Record<string, string> = {};
  const people: Record<string, { id: string; email: string; client?: Client }> = {};
  const settle = () => api.platform.app.get(NotificationOutboxWorker).settle();

  /** A fresh person (the demo password), member of `city`, with these cadences. */
  async function person(
    key: string,
    city: string,
    role: 'COORDINATOR' | 'MEMBER',
    locale: 'de' | 'en',
    [tandem, cityWork, network]: [string, string, string],
  ) {
    const email = `digest-${key}-${stamp}@digest.example`;
    const [user] = await api.ownerQuery<{ id: string }>(
      `INSERT INTO app_user (email, display_name, password_hash, locale, mail_tandem, mail_city, mail_network)
       SELECT $1, $2, password_hash, $3, $4, $5, $6 FROM app_user WHERE email = $7 RETURNING id`,
      [email, `${key} Digest`, locale, tandem, cityWork, network, demoEmail('member', 'stendal')],
    );
    await api.ownerQuery(
      `INSERT INTO membership (city_id, user_id, role) SELECT id, $1, $2 FROM city WHERE slug = $3`,
      [user.id, role, city],
    );
    people[key] = { id: user.id, email };
  }
  const signIn = async (key: string) =>
    (people[key].client = await api.client().login(people[key].email));
  const deliveries = (key: string) =>
    api.ownerQuery<Delivery>(
      `SELECT d.cadence, d.period_start, d.streams, d.item_count, m.subject, m.text_body,
              m.html_body, m.unsubscribe_url
         FROM digest_delivery d JOIN notification_mail m ON m.id = d.mail_id
        WHERE d.user_id = $1 ORDER BY d.period_start, d.cadence`,
      [people[key].id],
    );
  const tokenOf = (delivery: Delivery) =>
    /\/abbestellen\/([A-Za-z0-9_-]{43})/.exec(delivery.text_body)![1];
  /** Dates the in-app notifications carrying `token` (the worker wrote them just now). */
  const dateNotifications = (token: string, when: string) =>
    api.ownerQuery(`UPDATE notification SET created_at = $2 WHERE body LIKE $1 OR title LIKE $1`, [
      `%${token}%`,
      when,
    ]);

  beforeAll(async () => {
    sink = new SmtpSink();
    const port = await sink.listen();
    api = await startTestPlatform({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      NOTIFICATION_POLL_MS: '100',
    });
    job = api.platform.app.get(DigestJob);
    // Stendal is Halberstadt's tandem partner; Landsberg has nothing going on this week.
    await person('ada', 'stendal', 'COORDINATOR', 'en', ['WEEKLY', 'WEEKLY', 'WEEKLY']);
    await person('bert', 'stendal', 'MEMBER', 'de', ['DAILY', 'NEVER', 'NEVER']);
    await person('carla', 'stendal', 'MEMBER', 'de', ['WEEKLY', 'WEEKLY', 'NEVER']);
    await person('dora', 'landsberg-am-lech', 'MEMBER', 'de', ['WEEKLY', 'WEEKLY', 'NEVER']);
    await person('emil', 'stendal', 'MEMBER', 'de', ['DAILY', 'NEVER', 'NEVER']);
    [{ id: ids.tandem }] = await api.ownerQuery<{ id: string }>(
      `SELECT t.id FROM tandem t JOIN city a ON a.id = t.city_id JOIN city b ON b.id = t.partner_city_id
        WHERE a.slug = 'halberstadt' AND b.slug = 'stendal' AND t.status = 'ACTIVE'`,
    );
    [{ id: ids.topic }] = await api.ownerQuery<{ id: string }>(
      `SELECT id FROM topic WHERE slug = 'nachhaltigkeit'`,
    );
  });
  afterAll(async () => {
    await api?.stop();
    await sink?.close();
  });

  it('follows: defaults of the membership, explicit follows, unfollowing a default, refusals', async () => {
    const ada = await signIn('ada');
    const mine = await ada.gql<{
      myFollows: Array<{ kind: string; targetId: string; isDefault: boolean; link: string }>;
    }>(MY_FOLLOWS);
    expect(mine.errors).toBeUndefined();
    expect(
      mine
        .data!.myFollows.filter((f) => f.isDefault)
        .map((f) => f.kind)
        .sort(),
    ).toEqual(expect.arrayContaining(['CITY', 'TANDEM']));
    expect(mine.data!.myFollows).toContainEqual(
      expect.objectContaining({
        kind: 'TANDEM',
        targetId: ids.tandem,
        link: `/stendal/tandems/${ids.tandem}`,
      }),
    );
    const followed = await ada.gql<{ follow: { name: string; isDefault: boolean; link: string } }>(
      FOLLOW,
      {
        kind: 'TOPIC',
        id: ids.topic,
      },
    );
    expect(followed.errors).toBeUndefined();
    expect(followed.data!.follow).toMatchObject({
      isDefault: false,
      link: '/suche?thema=nachhaltigkeit',
    });

    // Carla does not want to hear of the tandem: an explicit unfollow of a default.
    const carla = await signIn('carla');
    expect((await carla.gql(UNFOLLOW, { kind: 'TANDEM', id: ids.tandem })).data).toEqual({
      unfollow: true,
    });
    const hers = await carla.gql<{ myFollows: Array<{ kind: string }> }>(MY_FOLLOWS);
    expect(hers.data!.myFollows.map((f) => f.kind)).toEqual(['CITY']);

    // Nothing that does not exist, and not a malformed id.
    const missing = await ada.gql(FOLLOW, {
      kind: 'CONFERENCE',
      id: '00000000-0000-4000-8000-000000000000',
    });
    expect(missing.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'TARGET_NOT_FOUND',
    });
    const malformed = await ada.gql(FOLLOW, { kind: 'TOPIC', id: 'nachhaltigkeit' });
    expect(malformed.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_ID',
    });
    // Anonymous callers follow nothing.
    expect((await api.gql(MY_FOLLOWS)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a week of activity', async () => {
    const halberstadt = await api.as('coordinator', 'halberstadt');
    const note = async (token: string, day: number) => {
      const added = await halberstadt.gql(ADD_NOTE, {
        i: { tandemId: ids.tandem, kind: 'NOTE', body: `Treffen ${token}` },
      });
      expect(added.errors).toBeUndefined();
      await settle();
      await dateNotifications(token, at(day));
    };
    // Monday and Wednesday: notes in the tandem (to Stendal's members).
    await note(`Notiz-Montag-${stamp}`, 16);
    await note(`Notiz-Mittwoch-${stamp}`, 18);

    // Thursday: Würzburg publishes two practices on the topic Ada follows, one only for Würzburg.
    const wuerzburg = await api.as('coordinator', 'wuerzburg');
    const practice = async (title: string, visibility: string) => {
      const created = await wuerzburg.gql<{ createPractice: { id: string } }>(CREATE_PRACTICE, {
        input: {
          citySlug: 'wuerzburg',
          title,
          summary: 'Für die Woche.',
          topicSlugs: ['nachhaltigkeit'],
          visibility,
        },
      });
      expect(created.errors).toBeUndefined();
      const id = created.data!.createPractice.id;
      expect((await wuerzburg.gql(PUBLISH, { id })).errors).toBeUndefined();
      await api.ownerQuery(`UPDATE practice SET published_at = $2 WHERE id = $1`, [id, at(19)]);
      await api.ownerQuery(`UPDATE practice_revision SET created_at = $2 WHERE practice_id = $1`, [
        id,
        at(19),
      ]);
      return id;
    };
    ids.shared = await practice(`Repair-Café ${stamp}`, 'NETWORK');
    ids.private = await practice(`Nur für Würzburg ${stamp}`, 'CITY');
    // Ada follows the shared one; the private one she may not even see.
    const ada = people.ada.client!;
    expect((await ada.gql(FOLLOW, { kind: 'PRACTICE', id: ids.shared })).errors).toBeUndefined();
    const refused = await ada.gql(FOLLOW, { kind: 'PRACTICE', id: ids.private });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'TARGET_NOT_FOUND',
    });
    // Friday: the shared practice gets a new revision.
    const [{ revision }] = await api.ownerQuery<{ revision: number }>(
      `SELECT revision FROM practice WHERE id = $1`,
      [ids.shared],
    );
    const updated = await wuerzburg.gql<{ updatePractice: { revision: number } }>(UPDATE_PRACTICE, {
      input: {
        id: ids.shared,
        title: `Repair-Café ${stamp}`,
        summary: 'Jetzt mit Terminen.',
        expectedRevision: revision,
      },
    });
    expect(updated.errors).toBeUndefined();
    await api.ownerQuery(
      `UPDATE practice_revision SET created_at = $3 WHERE practice_id = $1 AND number = $2`,
      [ids.shared, updated.data!.updatePractice.revision, at(20)],
    );

    // Friday: a new conference.
    const organizer = await api.as('organizer');
    const conference = await organizer.gql<{ createConference: { id: string } }>(
      CREATE_CONFERENCE,
      {
        i: {
          title: `Digest-Treffen ${stamp}`,
          kind: 'NETWORK_MEETING',
          startsAt: '2027-05-10T10:00',
          endsAt: '2027-05-10T16:00',
          capacity: 20,
          venue: 'Rathaus',
        },
      },
    );
    expect(conference.errors).toBeUndefined();
    await api.ownerQuery(`UPDATE conference SET created_at = $2 WHERE id = $1`, [
      conference.data!.createConference.id,
      at(20),
    ]);

    // Saturday: a Stendal member submits a draft for review (to the coordinators: Ada).
    const stendal = await api.as('member', 'stendal');
    const draft = await stendal.gql<{ createPractice: { id: string } }>(CREATE_PRACTICE, {
      input: { citySlug: 'stendal', title: `Entwurf ${stamp}`, summary: 'Bitte prüfen.' },
    });
    expect(draft.errors).toBeUndefined();
    expect(
      (await stendal.gql(SUBMIT, { id: draft.data!.createPractice.id })).errors,
    ).toBeUndefined();
    await settle();
    await dateNotifications(`Entwurf ${stamp}`, at(21));

    // The seven days after Monday, each at six; Bert unsubscribes from Tuesday's digest.
    for (let day = 17; day <= 23; day++) {
      await job.run(new Date(at(day, 6)));
      if (day === 17) {
        const [daily] = await deliveries('bert');
        const response = await fetch(daily.unsubscribe_url.replace(/^https?:\/\/[^/]+/, api.url), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        });
        expect(response.status).toBe(200);
      }
    }

    // Ada: one weekly digest in English with the week's tandem notes, the review, the
    // practice on her topic and its revision, the conference — not Würzburg's own practice.
    const [weekly, ...more] = await deliveries('ada');
    expect(more).toEqual([]);
    expect(weekly).toMatchObject({
      cadence: 'WEEKLY',
      period_start: berlinMidnight(16),
      streams: ['TANDEM', 'CITY', 'NETWORK'],
    });
    expect(weekly.subject).toMatch(/^Wissensnetz: your weekly digest \(\d+ updates\)$/);
    for (const text of [
      `Notiz-Montag-${stamp}`,
      `Notiz-Mittwoch-${stamp}`,
      `Entwurf ${stamp}`,
      `Repair-Café ${stamp}`,
      `Digest-Treffen ${stamp}`,
    ])
      expect(weekly.text_body).toContain(text);
    expect(weekly.text_body).not.toContain(`Nur für Würzburg ${stamp}`);
    expect(weekly.html_body).not.toContain(`Nur für Würzburg ${stamp}`);
    for (const section of [
      'New in your tandem (2)',
      'Submitted for review (1)',
      'Revised practices (1)',
    ])
      expect(weekly.text_body).toContain(section);
    expect(weekly.text_body).toMatch(/New practices \(\d+\)/);
    expect(weekly.text_body).toContain(`/praxis/${ids.shared}`);
    expect(weekly.html_body).toContain(
      `<a href="${api.platform.app.get(MailService).link(`/praxis/${ids.shared}`)}">`,
    );
    expect(weekly.unsubscribe_url).toMatch(/\/api\/digest\/unsubscribe\/[A-Za-z0-9_-]{43}$/);

    // Bert: Monday's note on Tuesday, in German; then unsubscribed: nothing for Wednesday.
    const bert = await deliveries('bert');
    expect(bert.map((d) => [d.cadence, d.period_start])).toEqual([['DAILY', berlinMidnight(16)]]);
    expect(bert[0].subject).toBe('Wissensnetz: Ihr Tagesüberblick (1 Neuigkeit)');
    expect(bert[0].text_body).toContain(`Notiz-Montag-${stamp}`);
    const [bertNow] = await api.ownerQuery<{ mail_tandem: string }>(
      `SELECT mail_tandem FROM app_user WHERE id = $1`,
      [people.bert.id],
    );
    expect(bertNow.mail_tandem).toBe('NEVER');

    // Carla unfollowed the tandem and has no network news; Dora's city was quiet: nothing.
    expect(await deliveries('carla')).toEqual([]);
    expect(await deliveries('dora')).toEqual([]);

    // The e-mails go out through the mail outbox.
    await settle();
    const [sent] = await api.ownerQuery<{ sent: boolean }>(
      `SELECT m.sent_at IS NOT NULL AS sent FROM digest_delivery d JOIN notification_mail m ON m.id = d.mail_id WHERE d.user_id = $1`,
      [people.ada.id],
    );
    expect(sent.sent).toBe(true);
    // The digest as it arrived: both parts and the one-click unsubscribe headers (RFC 8058)
    // with Ada's own address, which the POST above showed working without a session.
    const arrived = sink.mails.filter((mail) => mail.to.includes(people.ada.email));
    expect(arrived).toHaveLength(1);
    const headers = arrived[0].headers.replace(/\r?\n(?=[ \t])/g, '');
    expect(headers).toContain(`List-Unsubscribe: <${weekly.unsubscribe_url}>`);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);
    expect(headers).toMatch(/multipart\/alternative/i);
  }, 240_000);

  it('sends at most once per person and period, even with runs at the same time', async () => {
    const halberstadt = await api.as('coordinator', 'halberstadt');
    const token = `Notiz-Parallel-${stamp}`;
    expect(
      (await halberstadt.gql(ADD_NOTE, { i: { tandemId: ids.tandem, kind: 'NOTE', body: token } }))
        .errors,
    ).toBeUndefined();
    await settle();
    await dateNotifications(token, at(25));
    // Three instances at once, for the same day (one an hour later): Emil's one daily digest.
    await Promise.all([
      job.run(new Date(at(26, 6))),
      job.run(new Date(at(26, 6))),
      job.run(new Date(at(26, 7))),
    ]);
    const emil = (await deliveries('emil')).filter((d) => d.text_body.includes(token));
    expect(emil.map((d) => [d.cadence, d.period_start])).toEqual([['DAILY', berlinMidnight(25)]]);
    const [mails] = await api.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification_mail WHERE user_id = $1 AND text_body LIKE $2`,
      [people.emil.id, `%${token}%`],
    );
    expect(mails.n).toBe(1);
    // And the week's digest stays Ada's only one.
    await job.run(new Date(at(23, 8)));
    expect((await deliveries('ada')).length).toBe(1);
  }, 120_000);

  it('is set-based: the same few statements for one person due or many', async () => {
    // Every statement of the job's transactions, per transaction.
    const db = (job as unknown as { db: DataSource }).db;
    const transactions: string[][] = [];
    const original = db.transaction.bind(db) as (
      fn: (manager: EntityManager) => Promise<unknown>,
    ) => Promise<unknown>;
    const spy = vi.spyOn(db, 'transaction').mockImplementation(((...args: unknown[]) => {
      const fn = args[args.length - 1] as (manager: EntityManager) => Promise<unknown>;
      const statements: string[] = [];
      transactions.push(statements);
      return original((manager) =>
        fn(
          new Proxy(manager, {
            get(target, property, receiver) {
              if (property !== 'query') return Reflect.get(target, property, receiver);
              return (sql: string, params?: unknown[]) => {
                statements.push(sql);
                return target.query(sql, params);
              };
            },
          }),
        ),
      );
    }) as typeof db.transaction);
    try {
      const dailyRun = async (day: number) => {
        transactions.length = 0;
        await job.run(new Date(at(day, 6)));
        // The daily cadence's transaction is the first of the run.
        return transactions[0];
      };
      const halberstadt = await api.as('coordinator', 'halberstadt');
      const noteOn = async (day: number) => {
        const token = `Notiz-Menge-${day}-${stamp}`;
        expect(
          (
            await halberstadt.gql(ADD_NOTE, {
              i: { tandemId: ids.tandem, kind: 'NOTE', body: token },
            })
          ).errors,
        ).toBeUndefined();
        await settle();
        await dateNotifications(token, at(day));
        return token;
      };
      // 27 November: Emil alone (of this file's people) is due with a note.
      const few = await noteOn(27);
      const one = await dailyRun(28);
      // 28 November: four more people with daily tandem digests.
      for (const key of ['f1', 'f2', 'f3', 'f4'])
        await person(key, 'stendal', 'MEMBER', 'de', ['DAILY', 'NEVER', 'NEVER']);
      const many = await noteOn(28);
      const five = await dailyRun(29);
      for (const key of ['emil', 'f1', 'f2', 'f3', 'f4'])
        expect((await deliveries(key)).filter((d) => d.text_body.includes(many))).toHaveLength(1);
      expect((await deliveries('emil')).filter((d) => d.text_body.includes(few))).toHaveLength(1);
      // Lock, who is due with what, deliveries, e-mails, their link: five, for one or five.
      expect(one[0]).toMatch(/pg_advisory_xact_lock/);
      expect(five).toHaveLength(one.length);
      expect(five).toHaveLength(5);
      // A run that finds everything sent: the lock and the one look.
      expect(await dailyRun(29)).toHaveLength(2);
    } finally {
      spy.mockRestore();
    }
  }, 120_000);

  it('tells someone outside the network of a followed conference’s record only when it is public', async () => {
    const email = `digest-gina-${stamp}@digest.example`;
    const [gina] = await api.ownerQuery<{ id: string }>(
      `INSERT INTO app_user (email, display_name, password_hash, locale, mail_tandem, mail_city, mail_network)
       SELECT $1, 'gina Digest', password_hash, 'de', 'NEVER', 'NEVER', 'WEEKLY' FROM app_user WHERE email = $2
       RETURNING id`,
      [email, demoEmail('member', 'stendal')],
    );
    people.gina = { id: gina.id, email };
    const client = await signIn('gina');
    const organizer = await api.as('organizer');
    const conferenceWithFinalRecord = async (title: string, isPublic: boolean) => {
      const created = await organizer.gql<{ createConference: { id: string } }>(CREATE_CONFERENCE, {
        i: {
          title,
          kind: 'ONLINE_EXCHANGE',
          startsAt: '2027-02-10T10:00',
          endsAt: '2027-02-10T12:00',
          capacity: 20,
        },
      });
      expect(created.errors).toBeUndefined();
      const id = created.data!.createConference.id;
      const [record] = await api.ownerQuery<{ id: string }>(
        `INSERT INTO conference_record (conference_id, decisions, status, finalized_at, public, published_at)
         VALUES ($1, 'Beschlossen', 'FINAL', $2, $3, CASE WHEN $3 THEN $2::timestamptz END) RETURNING id`,
        [id, at(25), isPublic],
      );
      expect(record.id).toBeTruthy();
      expect((await client.gql(FOLLOW, { kind: 'CONFERENCE', id })).errors).toBeUndefined();
    };
    await conferenceWithFinalRecord(`Öffentliches Protokoll ${stamp}`, true);
    await conferenceWithFinalRecord(`Internes Protokoll ${stamp}`, false);
    // Monday 30 November, 07:00 Berlin: the week from 23 November.
    await job.run(new Date(at(30, 6)));
    const [weekly, ...more] = await deliveries('gina');
    expect(more).toEqual([]);
    expect(weekly).toMatchObject({ cadence: 'WEEKLY', period_start: berlinMidnight(23) });
    expect(weekly.text_body).toContain(`Öffentliches Protokoll ${stamp}`);
    expect(weekly.text_body).not.toContain(`Internes Protokoll ${stamp}`);
    expect(weekly.html_body).not.toContain(`Internes Protokoll ${stamp}`);
  }, 120_000);

  it('unsubscribing: a GET only shows the page, a wrong token is refused, the POST works without sign-in', async () => {
    const [weekly] = await deliveries('ada');
    const token = tokenOf(weekly);
    const page = await fetch(`${api.url}/api/digest/unsubscribe/${token}`, { redirect: 'manual' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe(`/abbestellen/${token}`);
    const [before] = await api.ownerQuery<{ mail_network: string }>(
      `SELECT mail_network FROM app_user WHERE id = $1`,
      [people.ada.id],
    );
    expect(before.mail_network).toBe('WEEKLY');

    for (const wrong of [token.replace(/.$/, token.endsWith('A') ? 'B' : 'A'), 'nope'])
      expect((await api.gql(UNSUBSCRIBE, { token: wrong })).errors?.[0].extensions).toMatchObject({
        code: 'NOT_FOUND',
        reason: 'INVALID_UNSUBSCRIBE_TOKEN',
      });
    const wrongPost = await fetch(`${api.url}/api/digest/unsubscribe/${'x'.repeat(43)}`, {
      method: 'POST',
    });
    expect(wrongPost.status).toBe(404);

    const done = await api.gql<{ unsubscribeDigest: string[] }>(UNSUBSCRIBE, { token });
    expect(done.data!.unsubscribeDigest).toEqual(['TANDEM', 'CITY', 'NETWORK']);
    const [after] = await api.ownerQuery<Record<string, string>>(
      `SELECT mail_tandem, mail_city, mail_network FROM app_user WHERE id = $1`,
      [people.ada.id],
    );
    expect(after).toEqual({ mail_tandem: 'NEVER', mail_city: 'NEVER', mail_network: 'NEVER' });
  });

  it('a digest e-mail carries the one-click unsubscribe headers and an HTML part', async () => {
    await api.platform.app.get(MailService).send({
      to: 'header-check@digest.example',
      subject: `Header ${stamp}`,
      text: `Header ${stamp}`,
      html: `<p>Header ${stamp}</p>`,
      unsubscribeUrl: 'https://wissensnetz.example/api/digest/unsubscribe/abc',
    });
    const [mail] = sink.containing(`Header ${stamp}`);
    expect(mail.headers).toMatch(
      /^List-Unsubscribe: <https:\/\/wissensnetz\.example\/api\/digest\/unsubscribe\/abc>/im,
    );
    expect(mail.headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/im);
    expect(mail.headers).toMatch(/multipart\/alternative/i);
  });
});
