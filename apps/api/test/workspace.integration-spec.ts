import { invitationMail } from '../src/modules/memberships/membership.mails';
import { MembershipRole } from '../src/core/tenancy/actor';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

/** The workspace of Landsberg am Lech (new city) in a tandem with Schwäbisch Hall. */
const NEW_CITY = 'landsberg-am-lech';
const PARTNER = 'schwaebisch-hall';

const WORKSPACE = `query($slug: String!) { cityWorkspace(citySlug: $slug) {
  viewerRole city { slug }
  draftCounts { status count }
  tandems { newNoteCount lastSeenAt tandem { id status } partnerCity { slug } }
  followUpActions { what dueOn overdue responsibleCity { slug } }
  registrations { status participantCount conference { title } }
  pendingInvitations { email }
  nextConferences { id startsAtLocal }
} }`;

interface Workspace {
  viewerRole: string;
  city: { slug: string };
  draftCounts: Array<{ status: string; count: number }>;
  tandems: Array<{
    newNoteCount: number;
    lastSeenAt: string | null;
    tandem: { id: string; status: string };
    partnerCity: { slug: string };
  }>;
  followUpActions: Array<{ what: string; dueOn: string | null; overdue: boolean }>;
  registrations: Array<{ status: string; participantCount: number }>;
  pendingInvitations: Array<{ email: string }> | null;
  nextConferences: Array<{ id: string; startsAtLocal: string }>;
}

describe('city workspace', () => {
  let api: TestPlatform;
  let organizer: Client;
  let coordinator: Client;
  let member: Client;
  let partnerMember: Client;
  let tandemId: string;
  const invited = `eingeladen.${Date.now()}@landsberg.example`;
  const task = `Ausstellung vorbereiten ${Date.now().toString(36)}`;

  const ours = (entry: { tandem: { id: string } }) => entry.tandem.id === tandemId;
  const workspaceOf = async (client: Client, slug = NEW_CITY) =>
    client.gql<{ cityWorkspace: Workspace }>(WORKSPACE, { slug });

  beforeAll(async () => {
    api = await startTestPlatform();
    organizer = await api.as('organizer');
    coordinator = await api.as('coordinator', NEW_CITY);
    member = await api.as('member', NEW_CITY);
    partnerMember = await api.as('member', PARTNER);
    // A tandem, made active by both coordinators.
    const proposed = await organizer.gql<{ proposeTandem: { id: string } }>(
      'mutation($i: ProposeTandemInput!) { proposeTandem(input: $i) { id } }',
      { i: { newCitySlug: NEW_CITY, partnerCitySlug: PARTNER } },
    );
    expect(proposed.errors).toBeUndefined();
    tandemId = proposed.data!.proposeTandem.id;
    const accept = 'mutation($id: ID!) { acceptTandem(id: $id) { status } }';
    await coordinator.gql(accept, { id: tandemId });
    expect(
      (await (await api.as('coordinator', PARTNER)).gql(accept, { id: tandemId })).errors,
    ).toBeUndefined();
    // A draft, an invitation and an overdue follow-up of the city.
    const draft = await member.gql(
      'mutation($i: CreatePracticeInput!) { createPractice(input: $i) { id } }',
      {
        i: {
          citySlug: NEW_CITY,
          title: 'Repair-Café im Stadtteil',
          summary: 'Reparieren statt wegwerfen',
        },
      },
    );
    expect(draft.errors).toBeUndefined();
    const invitation = await coordinator.gql(
      'mutation($i: InviteToCityInput!) { inviteToCity(input: $i) { id } }',
      { i: { citySlug: NEW_CITY, email: invited, role: 'MEMBER' } },
    );
    expect(invitation.errors).toBeUndefined();
    const conference = await organizer.gql<{ createConference: { id: string } }>(
      'mutation($i: ConferenceInput!) { createConference(input: $i) { id } }',
      {
        i: {
          title: 'Werkstatt Arbeitsbereich',
          kind: 'ONLINE_EXCHANGE',
          region: 'SOUTH',
          startsAt: '2026-03-10T10:00',
          endsAt: '2026-03-10T12:00',
          capacity: 20,
        },
      },
    );
    expect(conference.errors).toBeUndefined();
    const record = await organizer.gql<{ saveConferenceRecord: { id: string } }>(
      'mutation($i: SaveConferenceRecordInput!) { saveConferenceRecord(input: $i) { id } }',
      { i: { conferenceId: conference.data!.createConference.id, decisions: 'Ausstellung' } },
    );
    expect(record.errors).toBeUndefined();
    const action = await organizer.gql(
      'mutation($i: AddFollowUpActionInput!) { addFollowUpAction(input: $i) { id } }',
      {
        i: {
          recordId: record.data!.saveConferenceRecord.id,
          what: task,
          responsibleCitySlug: NEW_CITY,
          dueOn: '2026-04-01',
        },
      },
    );
    expect(action.errors).toBeUndefined();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('shows a coordinator drafts, tandem, overdue follow-ups, invitations and the next conferences', async () => {
    const { data, errors } = await workspaceOf(coordinator);
    expect(errors).toBeUndefined();
    const workspace = data!.cityWorkspace;
    expect(workspace.viewerRole).toBe('COORDINATOR');
    expect(workspace.draftCounts.find((entry) => entry.status === 'DRAFT')?.count).toBeGreaterThan(
      0,
    );
    expect(workspace.draftCounts.map((entry) => entry.status)).not.toContain('PUBLISHED');
    // Other test files may propose further tandems for this city meanwhile: look for ours.
    expect(workspace.tandems).toContainEqual(
      expect.objectContaining({
        tandem: { id: tandemId, status: 'ACTIVE' },
        partnerCity: { slug: PARTNER },
      }),
    );
    expect(workspace.followUpActions).toContainEqual(
      expect.objectContaining({ what: task, dueOn: '2026-04-01', overdue: true }),
    );
    expect(workspace.pendingInvitations?.map((entry) => entry.email)).toContain(invited);
    expect(workspace.nextConferences.length).toBeLessThanOrEqual(3);
  });

  it('shows a member the same city without the invitations (e-mail addresses are for coordinators)', async () => {
    const { data, errors } = await workspaceOf(member);
    expect(errors).toBeUndefined();
    expect(data!.cityWorkspace.viewerRole).toBe('MEMBER');
    expect(data!.cityWorkspace.pendingInvitations).toBeNull();
    expect(JSON.stringify(data)).not.toContain(invited);
    expect(data!.cityWorkspace.followUpActions.map((entry) => entry.what)).toContain(task);
  });

  it('counts the partner’s notes since my last visit, and none after I opened the tandem', async () => {
    // Open it once, so that only what comes after counts.
    expect(
      (await member.gql('mutation($id: ID!) { markTandemSeen(tandemId: $id) }', { id: tandemId }))
        .errors,
    ).toBeUndefined();
    const before = await workspaceOf(member);
    expect(before.data!.cityWorkspace.tandems.find(ours)!.newNoteCount).toBe(0);
    expect(before.data!.cityWorkspace.tandems.find(ours)!.lastSeenAt).not.toBeNull();

    const add = 'mutation($i: AddTandemNoteInput!) { addTandemNote(input: $i) { id } }';
    for (const body of ['Unsere Unterlagen liegen bereit.', 'Treffen am Dienstag?']) {
      const added = await partnerMember.gql(add, { i: { tandemId, kind: 'NOTE', body } });
      expect(added.errors).toBeUndefined();
    }
    // One's own notes are never new for oneself.
    await member.gql(add, { i: { tandemId, kind: 'NOTE', body: 'Gern, bis Dienstag.' } });
    const after = await workspaceOf(member);
    expect(after.data!.cityWorkspace.tandems.find(ours)!.newNoteCount).toBe(2);
    // Another person of the city has their own "last seen": for the coordinator (never opened) all are new.
    const coordinatorView = await workspaceOf(coordinator);
    expect(
      coordinatorView.data!.cityWorkspace.tandems.find(ours)!.newNoteCount,
    ).toBeGreaterThanOrEqual(3);

    await member.gql('mutation($id: ID!) { markTandemSeen(tandemId: $id) }', { id: tandemId });
    expect((await workspaceOf(member)).data!.cityWorkspace.tandems.find(ours)!.newNoteCount).toBe(
      0,
    );
    // The partner side sees the tandem from their workspace, with the member's reply as new.
    const partnerView = await workspaceOf(partnerMember, PARTNER);
    const fromPartner = partnerView.data!.cityWorkspace.tandems.find(
      (entry) => entry.tandem.id === tandemId,
    );
    expect(fromPartner?.partnerCity.slug).toBe(NEW_CITY);
    expect(fromPartner?.newNoteCount).toBeGreaterThanOrEqual(1);
  });

  it('keeps "last seen" to the person: nobody else reads the rows (row-level security)', async () => {
    const rows = await api.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM tandem_visit WHERE tandem_id = $1',
      [tandemId],
    );
    expect(rows[0].n).toBe(1);
    // Only people of the two cities may mark a tandem as seen.
    const outsider = await api.as('member', 'bad-hersfeld');
    const refused = await outsider.gql('mutation($id: ID!) { markTandemSeen(tandemId: $id) }', {
      id: tandemId,
    });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      (
        await organizer.gql('mutation($id: ID!) { markTandemSeen(tandemId: $id) }', {
          id: tandemId,
        })
      ).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('asks the database a fixed number of times, however much the city has (no N+1)', async () => {
    const count = (response: unknown) =>
      (response as { extensions: { queryCount: number } }).extensions.queryCount;
    const before = await workspaceOf(coordinator);
    // More of what the lists show: another draft, another coming conference.
    await member.gql('mutation($i: CreatePracticeInput!) { createPractice(input: $i) { id } }', {
      i: { citySlug: NEW_CITY, title: 'Zweiter Entwurf', summary: 'Noch einer' },
    });
    await organizer.gql('mutation($i: ConferenceInput!) { createConference(input: $i) { id } }', {
      i: {
        title: 'Noch eine Werkstatt',
        kind: 'ONLINE_EXCHANGE',
        region: 'SOUTH',
        startsAt: '2027-05-10T10:00',
        endsAt: '2027-05-10T12:00',
        capacity: 20,
      },
    });
    const after = await workspaceOf(coordinator);
    expect(after.errors).toBeUndefined();
    expect(count(after)).toBe(count(before));
  });

  it('refuses other cities’ members, organizers (not members) and anonymous callers', async () => {
    const foreign = await workspaceOf(partnerMember, NEW_CITY);
    expect(foreign.data).toBeNull();
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const office = await workspaceOf(organizer);
    expect(office.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await workspaceOf(api.client());
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const unknown = await workspaceOf(coordinator, 'gibt-es-nicht');
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'citySlug' });
  });

  it('says in the invitation e-mail who invited you and to which city', async () => {
    const { data } = await coordinator.gql<{
      devMailbox: Array<{ recipient: string; subject: string; textBody: string }>;
    }>('{ devMailbox(first: 100) { recipient subject textBody } }');
    const mail = data?.devMailbox.find((entry) => entry.recipient === invited);
    expect(mail?.subject).toBe('Einladung ins Wissensnetz: Landsberg am Lech');
    expect(mail?.textBody).toContain(
      'Koordination Landsberg am Lech lädt Sie ein, im Wissensnetz der Engagierten Stadt für Landsberg am Lech mitzuarbeiten – als Mitglied.',
    );
    // Without a known inviter the text still reads well.
    const text = invitationMail({
      to: 'x@example.org',
      cityName: 'Goch',
      inviterName: null,
      role: MembershipRole.COORDINATOR,
      link: 'https://example.org/einladung/t',
      days: 7,
    }).text;
    expect(text).toContain(
      'Sie sind eingeladen, im Wissensnetz der Engagierten Stadt für Goch mitzuarbeiten – als Koordinator:in.',
    );
  });
});
