import { NotificationOutboxWorker } from '../src/modules/notifications/notification-outbox.worker';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const PROPOSE = 'mutation($i: ProposeTandemInput!) { proposeTandem(input: $i) { id } }';
const ACCEPT = 'mutation($id: ID!) { acceptTandem(id: $id) { status } }';
const ADD_NOTE = 'mutation($i: AddTandemNoteInput!) { addTandemNote(input: $i) { id } }';
const GROUPS = `{ notificationGroups(first: 50) {
  key kind link subject count unreadCount latestTitle latestBody latestAt unreadIds } }`;
const MARK_AT = 'mutation($link: String!) { markNotificationsReadAt(link: $link) }';
const UNREAD = '{ unreadNotificationCount }';

const NEW_CITY = 'dortmund-nordstadt';
const PARTNER = 'nienburg-weser';

interface Group {
  key: string;
  kind: string;
  link: string | null;
  subject: string;
  count: number;
  unreadCount: number;
  latestTitle: string;
  latestBody: string;
  unreadIds: string[];
}

/** Issue 16: the in-app list groups by kind and target; opening the target marks it read. */
describe('grouped notifications, read when the thing is opened', () => {
  let api: TestPlatform;
  let member: Client;
  let coordinator: Client;
  let partner: Client;
  let tandemId: string;
  let link: string;
  const settle = () => api.platform.app.get(NotificationOutboxWorker).settle();
  const groupsOf = async (client: Client) => {
    const answer = await client.gql<{ notificationGroups: Group[] }>(GROUPS);
    expect(answer.errors).toBeUndefined();
    return answer.data!.notificationGroups;
  };
  const unreadOf = async (client: Client) =>
    (await client.gql<{ unreadNotificationCount: number }>(UNREAD)).data!.unreadNotificationCount;

  beforeAll(async () => {
    api = await startTestPlatform();
    const organizer = await api.as('organizer');
    member = await api.as('member', NEW_CITY);
    coordinator = await api.as('coordinator', NEW_CITY);
    partner = await api.as('coordinator', PARTNER);
    const proposed = await organizer.gql<{ proposeTandem: { id: string } }>(PROPOSE, {
      i: { newCitySlug: NEW_CITY, partnerCitySlug: PARTNER, goals: 'Gruppierte Hinweise' },
    });
    expect(proposed.errors).toBeUndefined();
    tandemId = proposed.data!.proposeTandem.id;
    expect((await coordinator.gql(ACCEPT, { id: tandemId })).errors).toBeUndefined();
    expect((await partner.gql(ACCEPT, { id: tandemId })).errors).toBeUndefined();
    link = `/${NEW_CITY}/tandems/${tandemId}`;
    for (const body of ['Erste Notiz', 'Zweite Notiz', 'Dritte <Notiz> & mehr'])
      expect(
        (await partner.gql(ADD_NOTE, { i: { tandemId, kind: 'NOTE', body } })).errors,
      ).toBeUndefined();
    await settle();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('groups notes of one tandem into one entry, named for the tandem', async () => {
    const groups = await groupsOf(member);
    const notes = groups.find((g) => g.kind === 'TANDEM_NOTE_ADDED' && g.link === link);
    expect(notes).toMatchObject({
      count: 3,
      unreadCount: 3,
      subject: 'Tandem Dortmund-Nordstadt–Nienburg/Weser',
      latestBody: 'Dritte <Notiz> & mehr',
    });
    expect(notes!.unreadIds).toHaveLength(3);
    // Status changes of the same tandem are their own group; no other tandem's notes join in.
    const status = groups.find((g) => g.kind === 'TANDEM_STATUS_CHANGED' && g.link === link);
    expect(status?.count).toBeGreaterThan(0);
    expect(groups.filter((g) => g.key === notes!.key)).toHaveLength(1);
    // Newest group first.
    expect(groups[0].key).toBe(notes!.key);
  });

  it('opening the tandem marks only the opener’s notifications about it read', async () => {
    const before = await unreadOf(member);
    const coordinatorBefore = await unreadOf(coordinator);
    const marked = await member.gql<{ markNotificationsReadAt: number }>(MARK_AT, { link });
    expect(marked.errors).toBeUndefined();
    const count = marked.data!.markNotificationsReadAt;
    // The three notes and the status changes of this tandem.
    expect(count).toBeGreaterThanOrEqual(4);
    expect(await unreadOf(member)).toBe(before - count);
    const notes = (await groupsOf(member)).find(
      (g) => g.kind === 'TANDEM_NOTE_ADDED' && g.link === link,
    );
    expect(notes).toMatchObject({ count: 3, unreadCount: 0, unreadIds: [] });

    // Another person of the same city still has theirs.
    expect(await unreadOf(coordinator)).toBe(coordinatorBefore);
    const theirs = (await groupsOf(coordinator)).find(
      (g) => g.kind === 'TANDEM_NOTE_ADDED' && g.link === link,
    );
    expect(theirs?.unreadCount).toBe(3);
    const rows = await api.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE u.email = $1 AND n.link = $2 AND n.read_at IS NULL`,
      [`coordinator.${NEW_CITY}@demo.wissensnetz.example`, link],
    );
    expect(rows[0].n).toBeGreaterThanOrEqual(3);

    // Twice is nothing more; another page's link marks nothing.
    expect((await member.gql(MARK_AT, { link })).data).toEqual({ markNotificationsReadAt: 0 });
    expect((await member.gql(MARK_AT, { link: '/praxis/none' })).data).toEqual({
      markNotificationsReadAt: 0,
    });
  });

  it('is for signed-in people only', async () => {
    for (const query of [GROUPS, `mutation { markNotificationsReadAt(link: "${link}") }`]) {
      const answer = await api.gql(query);
      expect(answer.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
