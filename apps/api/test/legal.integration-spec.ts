import { NotificationOutboxWorker } from '../src/modules/notifications/notification-outbox.worker';
import { FEEDBACK_PER_HOUR } from '../src/modules/legal/accessibility-feedback.service';
import { startTestPlatform, type TestPlatform } from './harness';

const SEND = `mutation($i: AccessibilityFeedbackInput!) {
  sendAccessibilityFeedback(input: $i) { reference receivedAt dueOn } }`;
const READ =
  '{ accessibilityFeedback(first: 20) { id message page senderName senderEmail dueOn } }';

interface Receipt {
  sendAccessibilityFeedback: { reference: string; receivedAt: string; dueOn: string };
}

/** Issue 17: operator details, the register, accessibility feedback and security.txt. */
describe('legal pages: operator, register, accessibility feedback', () => {
  let api: TestPlatform;
  const settle = () => api.platform.app.get(NotificationOutboxWorker).settle();
  const forgetLimits = () =>
    api.ownerQuery(`DELETE FROM login_throttle WHERE key LIKE 'feedback%'`);

  beforeAll(async () => {
    api = await startTestPlatform({ PUBLIC_URL: 'https://wissensnetz.example' });
  });
  afterAll(async () => {
    await api?.stop();
  });
  beforeEach(forgetLimits);

  it('publishes the operator details to anybody (demo values, marked)', async () => {
    const { data, errors } = await api.gql<{ operator: Record<string, unknown> }>(
      '{ operator { demo name addressLines email phone dpoName dpoContact supervisoryAuthorityName supervisoryAuthorityUrl enforcementBody { name url } } }',
    );
    expect(errors).toBeUndefined();
    expect(data?.operator).toMatchObject({
      demo: true,
      name: expect.stringMatching(/^Demo-Betreiber .*keine echten Angaben/),
      email: expect.stringMatching(/\.example$/),
      enforcementBody: {
        name: expect.stringMatching(
          /^Schlichtungsstelle nach dem Behindertengleichstellungsgesetz/,
        ),
        url: 'https://www.schlichtungsstelle-bgg.de',
      },
    });
  });

  it('publishes the register of processing activities, also as JSON and CSV', async () => {
    const { data } = await api.gql<{
      processingActivities: Array<{
        key: string;
        tables: string[];
        legalBasisText: { de: string };
      }>;
    }>('{ processingActivities { key tables legalBasisText { de en } purpose { de en } } }');
    const tables = data?.processingActivities.flatMap((activity) => activity.tables) ?? [];
    expect(tables).toEqual(expect.arrayContaining(['app_user', 'registration_participant']));
    const json = (await (await fetch(`${api.url}/export/processing-activities.json`)).json()) as {
      activities: unknown[];
      controller: { name: string };
    };
    expect(json.activities).toHaveLength(data?.processingActivities.length ?? -1);
    expect(json.controller.name).toMatch(/^Demo-Betreiber/);
    const csv = await fetch(`${api.url}/export/processing-activities.csv`);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(await csv.text()).toMatch(/Art\. 6 Abs\. 1 lit\. e DSGVO/);
  });

  it('serves security.txt by RFC 9116 with the operator contact', async () => {
    const response = await fetch(`${api.url}/.well-known/security.txt`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^Contact: mailto:kontakt@betreiber\.example$/m);
    expect(text).toMatch(/^Preferred-Languages: de, en$/m);
    expect(text).toMatch(
      /^Canonical: https:\/\/wissensnetz\.example\/\.well-known\/security\.txt$/m,
    );
    const expires = /^Expires: (\S+)$/m.exec(text)?.[1];
    const days = (new Date(expires ?? '').getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(30);
    expect(days).toBeLessThan(366);
  });

  it('stores feedback from an anonymous sender, tells organizers only, answers with a due date', async () => {
    const message = `Die Karte ist ohne Maus nicht bedienbar ${Date.now()}`;
    const { data, errors } = await api.gql<Receipt>(SEND, {
      i: { message, page: '/karte', name: 'Testperson', email: 'Test@Person.example' },
    });
    expect(errors).toBeUndefined();
    const receipt = data!.sendAccessibilityFeedback;
    // Four weeks from the day of receipt in Berlin (not in UTC: near midnight they differ).
    const receivedDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
      new Date(receipt.receivedAt),
    );
    const days =
      (Date.parse(`${receipt.dueOn}T00:00:00Z`) - Date.parse(`${receivedDay}T00:00:00Z`)) /
      86_400_000;
    expect(days).toBe(28);
    const [row] = await api.ownerQuery<{ sender_email: string; message: string }>(
      'SELECT sender_email, message FROM accessibility_feedback WHERE id = $1',
      [receipt.reference],
    );
    expect(row).toEqual({ sender_email: 'test@person.example', message });

    await settle();
    const notified = await api.ownerQuery<{ network_role: string; title: string; link: string }>(
      `SELECT u.network_role, n.title, n.link FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE n.kind = 'ACCESSIBILITY_FEEDBACK' AND n.title LIKE $1`,
      [`%Nr. ${receipt.reference})`],
    );
    expect(notified.length).toBeGreaterThan(0);
    expect(notified.every((n) => n.network_role === 'ORGANIZER')).toBe(true);
    // The notification names neither the sender nor their address.
    const organizer = await api.as('organizer');
    const list = await organizer.gql<{ notifications: Array<{ title: string; body: string }> }>(
      '{ notifications(first: 20) { title body } }',
    );
    const mine = list.data?.notifications.find((n) => n.title.includes(`Nr. ${receipt.reference}`));
    expect(mine?.body).toMatch(/Antwort bis \d{2}\.\d{2}\.\d{4}/);
    expect(JSON.stringify(mine)).not.toMatch(/person\.example|Testperson/);

    const read = await organizer.gql<{
      accessibilityFeedback: Array<{ id: string; senderEmail: string }>;
    }>(READ);
    expect(
      read.data?.accessibilityFeedback.find((f) => f.id === receipt.reference)?.senderEmail,
    ).toBe('test@person.example');
  });

  it('lets nobody but organizers read feedback', async () => {
    await api.gql(SEND, { i: { message: 'Kontrast zu schwach', email: 'geheim@person.example' } });
    const anonymous = await api.gql(READ);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const client of [await api.as('member', 'goch'), await api.as('coordinator', 'goch')]) {
      const answer = await client.gql(READ);
      expect(answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(JSON.stringify(answer)).not.toMatch(/geheim@person/);
    }
  });

  it('refuses bad input with typed errors and writes nothing', async () => {
    const [{ count: before }] = await api.ownerQuery<{ count: string }>(
      'SELECT count(*) FROM accessibility_feedback',
    );
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ message: '   ' }, 'MESSAGE_MISSING', 'message'],
      [{ message: 'x'.repeat(5001) }, 'TOO_LONG', 'message'],
      [{ message: 'ok', email: 'keine-adresse' }, 'INVALID_EMAIL', 'email'],
      [{ message: 'ok', locale: 'fr' }, 'INVALID_LOCALE', 'locale'],
    ];
    for (const [input, reason, field] of cases) {
      const { errors } = await api.gql(SEND, { i: input });
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, field });
    }
    const [{ count: after }] = await api.ownerQuery<{ count: string }>(
      'SELECT count(*) FROM accessibility_feedback',
    );
    expect(after).toBe(before);
  });

  it('limits feedback per address and hour', async () => {
    const codes: string[] = [];
    for (let i = 0; i <= FEEDBACK_PER_HOUR; i += 1) {
      const { errors } = await api.gql(SEND, { i: { message: `Meldung ${i}` } });
      codes.push((errors?.[0].extensions?.code as string | undefined) ?? 'ok');
    }
    expect(codes.slice(0, FEEDBACK_PER_HOUR).every((code) => code === 'ok')).toBe(true);
    const { errors } = await api.gql(SEND, { i: { message: 'noch eine' } });
    expect(errors?.[0].extensions).toMatchObject({
      code: 'TOO_MANY_ATTEMPTS',
      reason: 'TOO_MANY_FEEDBACKS',
    });
    expect(codes[FEEDBACK_PER_HOUR]).toBe('TOO_MANY_ATTEMPTS');
  });
});
