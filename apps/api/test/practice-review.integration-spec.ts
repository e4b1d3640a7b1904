import { NotificationOutboxWorker } from '../src/modules/notifications/notification-outbox.worker';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const CREATE = `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id status } }`;
const UPDATE = `mutation($input: UpdatePracticeInput!) { updatePractice(input: $input) { status revision } }`;
const SUBMIT = `mutation($id: ID!) { submitPracticeForReview(id: $id) { status reviewComment } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawPracticeSubmission(id: $id) { status } }`;
const SEND_BACK = `mutation($input: SendPracticeBackInput!) { sendPracticeBack(input: $input) { status reviewComment } }`;
const PUBLISH = `mutation($id: ID!) { publishPractice(id: $id) { status reviewComment } }`;
const READ = `query($id: ID!) { practice(id: $id) { status reviewComment viewerCanEdit } }`;
const COUNTS = `query($slug: String!) { city(slug: $slug) { practiceCounts { draft inReview published archived } } }`;

type Errors = Array<{ extensions?: { code?: string; reason?: string; field?: string } }>;
const reasonOf = (errors: Errors | undefined) =>
  errors?.map((e) => [e.extensions?.code, e.extensions?.reason, e.extensions?.field]);

/** Issue 13: members submit drafts, coordinators publish them or send them back. */
describe('reviewing members’ drafts', () => {
  const CITY = 'greifswald';
  let api: TestPlatform;
  let member: Client;
  let coordinator: Client;
  let foreignCoordinator: Client;
  let organizer: Client;
  let memberId: string;
  let coordinatorIds: string[];

  const settle = () => api.platform.app.get(NotificationOutboxWorker).settle();
  const notificationsOf = (userIds: string[], link: string) =>
    api.ownerQuery<{ user_id: string; kind: string; body: string }>(
      `SELECT user_id, kind, body FROM notification WHERE link = $1 AND user_id = ANY($2::uuid[])
        ORDER BY id`,
      [link, userIds],
    );
  const draft = async (title: string) => {
    const created = await member.gql<{ createPractice: { id: string } }>(CREATE, {
      input: { citySlug: CITY, title, summary: 'Zum Prüfen.' },
    });
    expect(created.errors).toBeUndefined();
    return created.data!.createPractice.id;
  };

  beforeAll(async () => {
    api = await startTestPlatform();
    member = await api.as('member', CITY);
    coordinator = await api.as('coordinator', CITY);
    foreignCoordinator = await api.as('coordinator', 'wolfsburg');
    organizer = await api.as('organizer');
    const rows = await api.ownerQuery<{ id: string; role: string }>(
      `SELECT u.id, m.role FROM membership m JOIN app_user u ON u.id = m.user_id
         JOIN city c ON c.id = m.city_id WHERE c.slug = $1`,
      [CITY],
    );
    coordinatorIds = rows.filter((r) => r.role === 'COORDINATOR').map((r) => r.id);
    const [me] = await api.ownerQuery<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [
      `member.${CITY}@demo.wissensnetz.example`,
    ]);
    memberId = me.id;
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('submit → coordinators notified → sent back with a comment → author notified → resubmitted → published', async () => {
    const id = await draft('Reparatur-Café im Hafen');
    const link = `/praxis/${id}`;
    const before = (
      await member.gql<{ city: { practiceCounts: Record<string, number> } }>(COUNTS, { slug: CITY })
    ).data!.city.practiceCounts;

    const submitted = await member.gql<{ submitPracticeForReview: { status: string } }>(SUBMIT, {
      id,
    });
    expect(submitted.data?.submitPracticeForReview.status).toBe('IN_REVIEW');
    const counts = (
      await coordinator.gql<{ city: { practiceCounts: Record<string, number> } }>(COUNTS, {
        slug: CITY,
      })
    ).data!.city.practiceCounts;
    expect(counts.inReview).toBe(before.inReview + 1);
    expect(counts.draft).toBe(before.draft - 1);

    await settle();
    const toCoordinators = await notificationsOf([...coordinatorIds, memberId], link);
    expect(toCoordinators.map((n) => n.user_id).sort()).toEqual([...coordinatorIds].sort());
    expect(new Set(toCoordinators.map((n) => n.kind))).toEqual(new Set(['PRACTICE_SUBMITTED']));

    // Editing while in review keeps it in review.
    const edited = await member.gql<{ updatePractice: { status: string } }>(UPDATE, {
      input: { id, expectedRevision: 1, summary: 'Noch besser.' },
    });
    expect(edited.data?.updatePractice.status).toBe('IN_REVIEW');

    // Sending back needs a comment (field error), then stores it for the author.
    const empty = await coordinator.gql(SEND_BACK, { input: { id, comment: '   ' } });
    expect(reasonOf(empty.errors)).toEqual([['BAD_USER_INPUT', 'INVALID_FIELD', 'input.comment']]);
    const tooLong = await coordinator.gql(SEND_BACK, { input: { id, comment: 'x'.repeat(2001) } });
    expect(reasonOf(tooLong.errors)).toEqual([
      ['BAD_USER_INPUT', 'INVALID_FIELD', 'input.comment'],
    ]);
    const memberTries = await member.gql(SEND_BACK, { input: { id, comment: 'Selbst' } });
    expect(reasonOf(memberTries.errors)).toEqual([['FORBIDDEN', 'NEEDS_COORDINATOR', 'id']]);

    const back = await coordinator.gql<{
      sendPracticeBack: { status: string; reviewComment: string };
    }>(SEND_BACK, {
      input: { id, comment: 'Bitte Ansprechpartner ergänzen.' },
    });
    expect(back.data?.sendPracticeBack).toEqual({
      status: 'DRAFT',
      reviewComment: 'Bitte Ansprechpartner ergänzen.',
    });
    const seen = await member.gql<{ practice: { reviewComment: string; status: string } }>(READ, {
      id,
    });
    expect(seen.data?.practice).toMatchObject({
      status: 'DRAFT',
      reviewComment: 'Bitte Ansprechpartner ergänzen.',
    });
    await settle();
    const toAuthor = await notificationsOf([memberId], link);
    expect(toAuthor).toEqual([
      { user_id: memberId, kind: 'PRACTICE_RETURNED', body: 'Bitte Ansprechpartner ergänzen.' },
    ]);
    const [audit] = await api.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'PRACTICE_RETURNED' AND target = $1`,
      [id],
    );
    expect(audit.n).toBe(1);

    // Sending back twice is a wrong transition.
    const twice = await coordinator.gql(SEND_BACK, { input: { id, comment: 'Nochmal' } });
    expect(reasonOf(twice.errors)).toEqual([['CONFLICT', 'INVALID_TRANSITION', 'id']]);

    // Resubmitting clears the comment; the coordinator publishes; the author hears of it.
    const again = await member.gql<{ submitPracticeForReview: { reviewComment: string | null } }>(
      SUBMIT,
      { id },
    );
    expect(again.data?.submitPracticeForReview.reviewComment).toBeNull();
    const published = await coordinator.gql<{ publishPractice: { status: string } }>(PUBLISH, {
      id,
    });
    expect(published.data?.publishPractice.status).toBe('PUBLISHED');
    await settle();
    expect((await notificationsOf([memberId], link)).map((n) => n.kind)).toEqual([
      'PRACTICE_RETURNED',
      'PRACTICE_PUBLISHED',
    ]);
  });

  it('lets the author withdraw; in-review drafts stay in their city', async () => {
    const id = await draft('Offene Werkstatt');
    await member.gql(SUBMIT, { id });
    // Other cities' coordinators and organizers see nothing of it.
    for (const outsider of [foreignCoordinator, organizer, api.client()]) {
      const read = await outsider.gql<{ practice: unknown }>(READ, { id });
      expect(read.data?.practice).toBeNull();
      const publish = await outsider.gql(PUBLISH, { id });
      expect(publish.errors?.[0]?.extensions?.code).toMatch(/NOT_FOUND|UNAUTHENTICATED/);
    }
    const withdrawn = await member.gql<{ withdrawPracticeSubmission: { status: string } }>(
      WITHDRAW,
      { id },
    );
    expect(withdrawn.data?.withdrawPracticeSubmission.status).toBe('DRAFT');
    const twice = await member.gql(WITHDRAW, { id });
    expect(reasonOf(twice.errors)).toEqual([['CONFLICT', 'INVALID_TRANSITION', 'id']]);
  });

  it('shows practice counts to the city’s members only', async () => {
    for (const outsider of [foreignCoordinator, organizer, api.client()]) {
      const read = await outsider.gql<{ city: { practiceCounts: unknown } }>(COUNTS, {
        slug: CITY,
      });
      expect(read.errors).toBeUndefined();
      expect(read.data?.city.practiceCounts).toBeNull();
    }
  });
});
