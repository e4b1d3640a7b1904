import { createServer } from 'node:net';
import { NotificationOutboxWorker } from '../src/modules/notifications/notification-outbox.worker';
import { startTestPlatform, type Client, type TestPlatform } from './harness';
import { SmtpSink } from './smtp-sink';

const ADD_NOTE = 'mutation($i: AddTandemNoteInput!) { addTandemNote(input: $i) { id } }';
const CREATE_CONFERENCE = `mutation($i: ConferenceInput!) { createConference(input: $i) { id } }`;
const UPDATE_CONFERENCE = `mutation($i: UpdateConferenceInput!) { updateConference(input: $i) { id status } }`;
const REGISTER = `mutation($i: RegisterForConferenceInput!) { registerForConference(input: $i) { id status } }`;
const CANCEL = 'mutation($id: ID!) { cancelRegistration(id: $id) { status } }';

interface Member {
  id: string;
  email: string;
  email_notifications: boolean;
}

/** A port nobody listens on (yet): the mail server is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (typeof address !== 'object' || !address) throw new Error('no port');
  return address.port;
}

/** Waits for an event, at most `timeoutMs` (not a timing assertion: the bound only ends a hang). */
async function eventually(
  what: string,
  check: () => Promise<boolean> | boolean,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached in time`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/**
 * Issue 12 point 4: notifications and their e-mails are outbox rows written in the
 * user's transaction and delivered by a worker. Runs against a local SMTP sink on a fixed
 * port, so the mail server can be down, hung or up.
 */
describe('notifications and e-mail through the outbox', () => {
  let api: TestPlatform;
  let sink: SmtpSink;
  let port: number;
  let bitburg: Client;
  let tandemId: string;
  let ginsheim: Member[];
  const settle = () => api.platform.app.get(NotificationOutboxWorker).settle();

  const membersOf = (slug: string) =>
    api.ownerQuery<Member>(
      `SELECT u.id, u.email, (u.mail_tandem = 'IMMEDIATE' AND u.mail_city = 'IMMEDIATE') AS email_notifications
         FROM membership m
         JOIN app_user u ON u.id = m.user_id JOIN city c ON c.id = m.city_id
        WHERE c.slug = $1 ORDER BY u.email`,
      [slug],
    );
  /** In-app notifications carrying `body`, per recipient. */
  const inApp = (body: string) =>
    api.ownerQuery<{ user_id: string; kind: string; n: number }>(
      `SELECT user_id, kind, count(*)::int AS n FROM notification
        WHERE body LIKE $1 GROUP BY user_id, kind ORDER BY user_id`,
      [`%${body}%`],
    );
  const mailsPerRecipient = (token: string) => {
    const counts = new Map<string, number>();
    for (const mail of sink.containing(token))
      for (const to of mail.to) counts.set(to, (counts.get(to) ?? 0) + 1);
    return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
  };
  /** One in-app notification of this kind for each of them, in inApp's order. */
  const eachOnce = (members: Member[], kind: string) =>
    [...members]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((member) => ({ user_id: member.id, kind, n: 1 }));
  /** One e-mail for each of them who has per-event e-mail on, in mailsPerRecipient's shape. */
  const once = (members: Member[]) =>
    Object.fromEntries(
      members
        .filter((member) => member.email_notifications)
        .map((member) => [member.email, 1] as const)
        .sort(([a], [b]) => a.localeCompare(b)),
    );
  const addNote = (body: string) =>
    bitburg.gql<{ addTandemNote: { id: string } }>(ADD_NOTE, {
      i: { tandemId, kind: 'NOTE', body },
    });

  beforeAll(async () => {
    port = await closedPort();
    sink = new SmtpSink();
    await sink.listen(port);
    api = await startTestPlatform({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      NOTIFICATION_POLL_MS: '100',
      NOTIFICATION_RETRY_MAX_MS: '200',
    });
    bitburg = await api.as('coordinator', 'bitburg');
    [{ id: tandemId }] = await api.ownerQuery<{ id: string }>(
      `SELECT t.id FROM tandem t JOIN city a ON a.id = t.city_id JOIN city b ON b.id = t.partner_city_id
        WHERE a.slug = 'ginsheim-gustavsburg' AND b.slug = 'bitburg' AND t.status = 'ACTIVE'`,
    );
    // One recipient who switched e-mails off: in the app only.
    await api.ownerQuery(
      `UPDATE app_user SET mail_tandem = 'NEVER', mail_city = 'NEVER' WHERE email = 'coordinator.ginsheim-gustavsburg@demo.wissensnetz.example'`,
    );
    ginsheim = await membersOf('ginsheim-gustavsburg');
    expect(ginsheim.filter((member) => member.email_notifications).length).toBeGreaterThan(0);
    expect(ginsheim.filter((member) => !member.email_notifications).length).toBeGreaterThan(0);
  });
  afterAll(async () => {
    await api?.ownerQuery(
      `UPDATE app_user SET mail_tandem = 'IMMEDIATE', mail_city = 'IMMEDIATE' WHERE email = 'coordinator.ginsheim-gustavsburg@demo.wissensnetz.example'`,
    );
    await api?.stop();
    await sink?.close();
  });

  it('a note: exactly one in-app notification per recipient, one e-mail per recipient with e-mail on', async () => {
    const token = `Notiz-${Date.now()}`;
    expect((await addNote(`Treffen am Rathaus ${token}`)).errors).toBeUndefined();
    await settle();
    expect(await inApp(token)).toEqual(eachOnce(ginsheim, 'TANDEM_NOTE_ADDED'));
    expect(mailsPerRecipient(token)).toEqual(once(ginsheim));
    // The writer's own city hears nothing of its own note.
    const bitburgIds = (await membersOf('bitburg')).map((member) => member.id);
    expect((await inApp(token)).filter((row) => bitburgIds.includes(row.user_id))).toEqual([]);
    // Fanned out once; each e-mail recorded as sent once.
    const [row] = await api.ownerQuery<{ processed: boolean; mails: number; sent: number }>(
      `SELECT o.processed_at IS NOT NULL AS processed, count(m.id)::int AS mails,
              count(m.sent_at)::int AS sent
         FROM notification_outbox o LEFT JOIN notification_mail m ON m.outbox_id = o.id
        WHERE o.body LIKE $1 GROUP BY o.id`,
      [`%${token}%`],
    );
    const withMail = Object.keys(once(ginsheim)).length;
    expect(row).toEqual({ processed: true, mails: withMail, sent: withMail });
  });

  it('a registration that moves up: the promoted city is told once per member, by kind', async () => {
    const organizer = await api.as('organizer');
    const title = `Outbox-Treffen ${Date.now()}`;
    const created = await organizer.gql<{ createConference: { id: string } }>(CREATE_CONFERENCE, {
      i: {
        title,
        kind: 'NETWORK_MEETING',
        startsAt: '2027-06-10T10:00',
        endsAt: '2027-06-10T16:00',
        capacity: 2,
        venue: 'Rathaus',
      },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createConference.id;
    expect(
      (await organizer.gql(UPDATE_CONFERENCE, { i: { id, status: 'OPEN' } })).errors,
    ).toBeUndefined();
    const person = (city: string, n: number) => ({
      name: `Person ${n} ${city}`,
      email: `p${n}@${city}.example`,
      role: '',
      needs: '',
    });
    const goch = await api.as('coordinator', 'goch');
    const first = await goch.gql<{ registerForConference: { id: string; status: string } }>(
      REGISTER,
      {
        i: {
          conferenceId: id,
          citySlug: 'goch',
          participants: [person('goch', 1), person('goch', 2)],
        },
      },
    );
    expect(first.data!.registerForConference.status).toBe('CONFIRMED');
    const herford = await api.as('coordinator', 'herford');
    const second = await herford.gql<{ registerForConference: { status: string } }>(REGISTER, {
      i: { conferenceId: id, citySlug: 'herford', participants: [person('herford', 1)] },
    });
    expect(second.data!.registerForConference.status).toBe('WAITLISTED');

    // Goch's coordinator cancels: Herford moves up, though Goch may not read Herford's registration.
    const cancelled = await goch.gql(CANCEL, { id: first.data!.registerForConference.id });
    expect(cancelled.errors).toBeUndefined();
    await settle();
    const herfordMembers = await membersOf('herford');
    expect(await inApp(title)).toEqual(eachOnce(herfordMembers, 'REGISTRATION_CONFIRMED'));
    expect(mailsPerRecipient(title)).toEqual(once(herfordMembers));
  });

  it('sends nothing twice when several drains run at once', async () => {
    const tokens = Array.from({ length: 4 }, (_, i) => `Parallel-${i}-${Date.now()}`);
    for (const token of tokens) expect((await addNote(`Rundgang ${token}`)).errors).toBeUndefined();
    const worker = api.platform.app.get(NotificationOutboxWorker);
    await Promise.all([worker.settle(), worker.settle(), worker.settle()]);
    for (const token of tokens) {
      expect(await inApp(token)).toEqual(eachOnce(ginsheim, 'TANDEM_NOTE_ADDED'));
      expect(mailsPerRecipient(token)).toEqual(once(ginsheim));
    }
  });

  it('a hung mail server does not hold the request; the e-mail goes out once it answers', async () => {
    sink.hold();
    const token = `Haengt-${Date.now()}`;
    const answer = await addNote(`Bitte um Rückruf ${token}`);
    // The answer came while no SMTP conversation had been given up (nobody waited for it).
    const eventsWhenAnswered = [...sink.events];
    expect(answer.errors).toBeUndefined();
    expect(eventsWhenAnswered).not.toContain('closed-by-client-before-greeting');
    // Meanwhile the worker is stuck on the silent server, with the e-mail claimed.
    await eventually('worker waits for the greeting', () => sink.heldConnections > 0);
    const [inFlight] = await api.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification_mail m JOIN notification_outbox o ON o.id = m.outbox_id
        WHERE o.body LIKE $1 AND m.claimed_at IS NOT NULL AND m.sent_at IS NULL`,
      [`%${token}%`],
    );
    expect(inFlight.n).toBe(1);
    // The in-app notifications do not wait for the mail server either.
    expect(await inApp(token)).toEqual(eachOnce(ginsheim, 'TANDEM_NOTE_ADDED'));

    sink.release();
    await eventually(
      'e-mails delivered',
      () => Object.keys(mailsPerRecipient(token)).length === Object.keys(once(ginsheim)).length,
    );
    await settle();
    expect(mailsPerRecipient(token)).toEqual(once(ginsheim));
  });

  it('with the mail server down the request succeeds; the e-mail is retried and sent once it is back', async () => {
    await sink.close();
    const token = `Ausfall-${Date.now()}`;
    const answer = await addNote(`Protokoll folgt ${token}`);
    expect(answer.errors).toBeUndefined();
    // In the app at once; the e-mails failed (connection refused) and wait for their retry.
    await eventually(
      'in-app notifications',
      async () => (await inApp(token)).length === ginsheim.length,
    );
    await eventually('a failed attempt', async () => {
      const rows = await api.ownerQuery<{ attempts: number; last_error: string | null }>(
        `SELECT m.attempts, m.last_error FROM notification_mail m
           JOIN notification_outbox o ON o.id = m.outbox_id WHERE o.body LIKE $1`,
        [`%${token}%`],
      );
      return (
        rows.length > 0 &&
        rows.every((row) => row.attempts >= 1 && /ECONNREFUSED/.test(row.last_error ?? ''))
      );
    });
    expect(sink.containing(token)).toEqual([]);

    sink = new SmtpSink();
    await sink.listen(port);
    await eventually(
      'e-mails delivered after the retry',
      () => Object.keys(mailsPerRecipient(token)).length === Object.keys(once(ginsheim)).length,
    );
    await settle();
    expect(mailsPerRecipient(token)).toEqual(once(ginsheim));
    expect(await inApp(token)).toEqual(eachOnce(ginsheim, 'TANDEM_NOTE_ADDED'));
  });
});
