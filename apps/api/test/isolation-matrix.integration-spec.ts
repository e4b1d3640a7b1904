import { Client, startTestPlatform, type GraphQLResponse, type TestPlatform } from './harness';

/**
 * Every query and mutation, for every role, against the caller's own city and
 * a foreign one: allowed, or a typed error — and never a foreign row.
 * New operations join this table (later issues: practices, tandems, conferences).
 */
type Role = 'anonymous' | 'member' | 'coordinator' | 'organizer';
/** 'hidden': answered without error, but with no row (null): the caller may not see it. */
type Outcome = 'ok' | 'hidden' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT';
type Target = 'own' | 'foreign';

const OWN = 'goch';
const FOREIGN = 'herford';

interface Fixture {
  api: TestPlatform;
  slug: string;
  cityId: string;
  /** A fresh throwaway membership and a fresh invitation in the target city. */
  throwawayMembershipId(): Promise<string>;
  freshInvitationId(): Promise<string>;
  memberMembershipId: string;
  /** The target city's active tandem (with a partner outside the matrix). */
  tandemId: string;
  /** A fresh tandem of the target city with a partner not paired before. */
  freshTandem(status: 'PROPOSED' | 'ACTIVE'): Promise<string>;
  nextPartnerSlug(): string;
  /** An open conference, and the target city's registration for a fresh one. */
  conferenceId: string;
  freshConference(): Promise<string>;
  freshRegistration(): Promise<string>;
  /** A practice in the target city, written as the owner (bypassing every check). */
  freshPractice(
    status: 'DRAFT' | 'PUBLISHED',
    visibility: 'CITY' | 'NETWORK' | 'PUBLIC',
  ): Promise<string>;
}

interface Case {
  operation: string;
  run(client: Client, fixture: Fixture): Promise<GraphQLResponse<Record<string, unknown>>>;
  expect: Record<Target, Record<Role, Outcome>>;
  /** For allowed reads: every returned city slug must be one the caller may see. */
  citySlugsIn?(data: Record<string, unknown>): string[];
  /** For allowed reads of practices: visibility of every returned row with its city. */
  practicesIn?(
    data: Record<string, unknown>,
  ): Array<{ visibility: string; status: string; city: { slug: string } }>;
}

const same = (outcome: Record<Role, Outcome>) => ({ own: outcome, foreign: outcome });
const PUBLIC: Record<Role, Outcome> = {
  anonymous: 'ok',
  member: 'ok',
  coordinator: 'ok',
  organizer: 'ok',
};
const SIGNED_IN: Record<Role, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  member: 'ok',
  coordinator: 'ok',
  organizer: 'ok',
};

const CASES: Case[] = [
  {
    operation: 'cities',
    expect: same(PUBLIC),
    run: (c) => c.gql('{ cities(first: 5) { totalCount edges { node { slug } } } }'),
  },
  {
    operation: 'city',
    expect: same(PUBLIC),
    run: (c, f) => c.gql('query($s: String!) { city(slug: $s) { slug } }', { s: f.slug }),
  },
  { operation: 'topics', expect: same(PUBLIC), run: (c) => c.gql('{ topics { slug } }') },
  {
    operation: 'federalStates',
    expect: same(PUBLIC),
    run: (c) => c.gql('{ federalStates { code cityCount } }'),
  },
  {
    operation: 'invitation (unknown token)',
    expect: same({
      anonymous: 'hidden',
      member: 'hidden',
      coordinator: 'hidden',
      organizer: 'hidden',
    }),
    run: (c) => c.gql('{ invitation(token: "unknown-token") { email } }'),
  },
  {
    operation: 'devMailbox',
    expect: same(PUBLIC),
    run: (c) => c.gql('{ devMailbox(first: 1) { id } }'),
  },
  {
    operation: 'me',
    expect: same({ anonymous: 'hidden', member: 'ok', coordinator: 'ok', organizer: 'ok' }),
    run: (c) => c.gql('{ me { id } }'),
  },
  { operation: 'sessions', expect: same(SIGNED_IN), run: (c) => c.gql('{ sessions { id } }') },
  {
    operation: 'cityMembers',
    expect: {
      own: SIGNED_IN,
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'ok',
      },
    },
    run: (c, f) =>
      c.gql('query($s: String!) { cityMembers(citySlug: $s) { id city { slug } } }', { s: f.slug }),
    citySlugsIn: (data) =>
      (data.cityMembers as Array<{ city: { slug: string } }>).map((m) => m.city.slug),
  },
  {
    operation: 'cityInvitations',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'ok',
        organizer: 'ok',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'ok',
      },
    },
    run: (c, f) =>
      c.gql('query($s: String!) { cityInvitations(citySlug: $s) { id city { slug } } }', {
        s: f.slug,
      }),
    citySlugsIn: (data) =>
      (data.cityInvitations as Array<{ city: { slug: string } }>).map((i) => i.city.slug),
  },
  {
    operation: 'auditLog',
    expect: same({
      anonymous: 'UNAUTHENTICATED',
      member: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      organizer: 'ok',
    }),
    run: (c, f) =>
      c.gql('query($s: String!) { auditLog(first: 5, filter: { citySlug: $s }) { totalCount } }', {
        s: f.slug,
      }),
  },
  {
    operation: 'inviteToCity',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'ok',
        organizer: 'ok',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'ok',
      },
    },
    run: (c, f) =>
      c.gql('mutation($i: InviteToCityInput!) { inviteToCity(input: $i) { id city { slug } } }', {
        i: {
          citySlug: f.slug,
          email: `matrix.${Math.random().toString(36).slice(2)}@stadt.example`,
          role: 'MEMBER',
        },
      }),
    citySlugsIn: (data) => [(data.inviteToCity as { city: { slug: string } }).city.slug],
  },
  {
    operation: 'revokeInvitation',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'NOT_FOUND',
        coordinator: 'ok',
        organizer: 'ok',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        organizer: 'ok',
      },
    },
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { revokeInvitation(id: $id) { status city { slug } } }', {
        id: await f.freshInvitationId(),
      }),
  },
  {
    operation: 'updateMembership',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'ok',
        organizer: 'ok',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        organizer: 'ok',
      },
    },
    run: (c, f) =>
      c.gql(
        'mutation($i: UpdateMembershipInput!) { updateMembership(input: $i) { role city { slug } } }',
        {
          i: { membershipId: f.memberMembershipId, role: 'MEMBER' },
        },
      ),
  },
  {
    operation: 'removeMembership',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'ok',
        organizer: 'ok',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        organizer: 'ok',
      },
    },
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { removeMembership(membershipId: $id) }', {
        id: await f.throwawayMembershipId(),
      }),
  },
  {
    operation: 'switchActingCity',
    expect: {
      own: SIGNED_IN,
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'ok',
      },
    },
    run: (c, f) =>
      c.gql('mutation($s: String!) { switchActingCity(citySlug: $s) { actingCity { slug } } }', {
        s: f.slug,
      }),
  },
  {
    operation: 'updateMe',
    expect: same(SIGNED_IN),
    run: (c) => c.gql('mutation { updateMe(input: { locale: "de" }) { locale } }'),
  },
  {
    operation: 'changePassword (wrong current password)',
    expect: same({
      anonymous: 'UNAUTHENTICATED',
      member: 'BAD_USER_INPUT',
      coordinator: 'BAD_USER_INPUT',
      organizer: 'BAD_USER_INPUT',
    }),
    run: (c) =>
      c.gql(
        'mutation { changePassword(input: { currentPassword: "falsch", newPassword: "Ein neues Passwort 1" }) }',
      ),
  },
  {
    operation: 'revokeSession (someone else’s id)',
    expect: same(SIGNED_IN),
    run: (c) => c.gql('mutation { revokeSession(id: "00000000-0000-4000-8000-000000000000") }'),
  },
  {
    operation: 'requestPasswordReset',
    expect: same(PUBLIC),
    // A fresh address each time: requests per address are throttled.
    run: (c) =>
      c.gql('mutation($i: RequestPasswordResetInput!) { requestPasswordReset(input: $i) }', {
        i: { email: `niemand.${Math.random().toString(36).slice(2)}@stadt.example` },
      }),
  },
  {
    operation: 'resetPassword (bad token)',
    expect: same({
      anonymous: 'BAD_USER_INPUT',
      member: 'BAD_USER_INPUT',
      coordinator: 'BAD_USER_INPUT',
      organizer: 'BAD_USER_INPUT',
    }),
    run: (c) =>
      c.gql('mutation { resetPassword(input: { token: "x", password: "Ein neues Passwort 1" }) }'),
  },
  {
    operation: 'acceptInvitation (bad token)',
    expect: same({
      anonymous: 'BAD_USER_INPUT',
      member: 'BAD_USER_INPUT',
      coordinator: 'BAD_USER_INPUT',
      organizer: 'BAD_USER_INPUT',
    }),
    run: (c) =>
      c.gql(
        'mutation { acceptInvitation(input: { token: "x", password: "Ein neues Passwort 1" }) { id } }',
      ),
  },
  {
    operation: 'practice (CITY, published)',
    expect: {
      own: { anonymous: 'hidden', member: 'ok', coordinator: 'ok', organizer: 'hidden' },
      foreign: {
        anonymous: 'hidden',
        member: 'hidden',
        coordinator: 'hidden',
        organizer: 'hidden',
      },
    },
    run: async (c, f) =>
      c.gql('query($id: ID!) { practice(id: $id) { id city { slug } } }', {
        id: await f.freshPractice('PUBLISHED', 'CITY'),
      }),
  },
  {
    operation: 'practice (NETWORK, published)',
    expect: same({ anonymous: 'hidden', member: 'ok', coordinator: 'ok', organizer: 'ok' }),
    run: async (c, f) =>
      c.gql('query($id: ID!) { practice(id: $id) { id } }', {
        id: await f.freshPractice('PUBLISHED', 'NETWORK'),
      }),
  },
  {
    operation: 'practice (NETWORK, draft)',
    expect: {
      own: { anonymous: 'hidden', member: 'ok', coordinator: 'ok', organizer: 'ok' },
      foreign: { anonymous: 'hidden', member: 'hidden', coordinator: 'hidden', organizer: 'ok' },
    },
    run: async (c, f) =>
      c.gql('query($id: ID!) { practice(id: $id) { id } }', {
        id: await f.freshPractice('DRAFT', 'NETWORK'),
      }),
  },
  {
    operation: 'practices (drafts of a city)',
    expect: same(PUBLIC),
    run: async (c, f) => {
      await f.freshPractice('DRAFT', 'CITY');
      return c.gql(
        'query($s: String!) { practices(first: 100, filter: { citySlug: $s, status: DRAFT }) { edges { node { visibility status city { slug } } } } }',
        { s: f.slug },
      );
    },
    practicesIn: (data) =>
      (
        data.practices as {
          edges: Array<{ node: { visibility: string; status: string; city: { slug: string } } }>;
        }
      ).edges.map((e) => e.node),
  },
  {
    operation: 'searchPractices',
    expect: same(PUBLIC),
    run: (c, f) =>
      c.gql(
        'query($s: String!) { searchPractices(query: "", first: 100, filter: { citySlugs: [$s] }) { hits { practice { visibility status city { slug } } } } }',
        { s: f.slug },
      ),
    practicesIn: (data) =>
      (
        data.searchPractices as {
          hits: Array<{ practice: { visibility: string; status: string; city: { slug: string } } }>;
        }
      ).hits.map((h) => h.practice),
  },
  {
    operation: 'practiceRevisions (CITY draft)',
    expect: {
      own: { anonymous: 'NOT_FOUND', member: 'ok', coordinator: 'ok', organizer: 'NOT_FOUND' },
      foreign: {
        anonymous: 'NOT_FOUND',
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        organizer: 'NOT_FOUND',
      },
    },
    run: async (c, f) =>
      c.gql('query($id: ID!) { practiceRevisions(id: $id) { number } }', {
        id: await f.freshPractice('DRAFT', 'CITY'),
      }),
  },
  {
    operation: 'createPractice',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'ok',
        coordinator: 'ok',
        organizer: 'FORBIDDEN',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'FORBIDDEN',
      },
    },
    run: (c, f) =>
      c.gql(
        'mutation($i: CreatePracticeInput!) { createPractice(input: $i) { id city { slug } } }',
        {
          i: { citySlug: f.slug, title: 'Matrix-Eintrag', summary: 'Test' },
        },
      ),
    citySlugsIn: (data) => [(data.createPractice as { city: { slug: string } }).city.slug],
  },
  {
    operation: 'updatePractice (NETWORK draft)',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'ok',
        coordinator: 'ok',
        organizer: 'FORBIDDEN',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        organizer: 'FORBIDDEN',
      },
    },
    run: async (c, f) =>
      c.gql('mutation($i: UpdatePracticeInput!) { updatePractice(input: $i) { id } }', {
        i: {
          id: await f.freshPractice('DRAFT', 'NETWORK'),
          expectedRevision: 1,
          title: 'Geändert',
        },
      }),
  },
  {
    operation: 'publishPractice (NETWORK draft)',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'ok',
        organizer: 'FORBIDDEN',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        organizer: 'FORBIDDEN',
      },
    },
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { publishPractice(id: $id) { id } }', {
        id: await f.freshPractice('DRAFT', 'NETWORK'),
      }),
  },
  {
    operation: 'archivePractice (NETWORK, published)',
    // Foreign cities' entries cannot even be locked for change (row-level security on UPDATE).
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'ok',
        organizer: 'ok',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        organizer: 'ok',
      },
    },
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { archivePractice(id: $id) { id } }', {
        id: await f.freshPractice('PUBLISHED', 'NETWORK'),
      }),
  },
  {
    operation: 'restorePracticeRevision (CITY draft)',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'ok',
        organizer: 'NOT_FOUND',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        organizer: 'NOT_FOUND',
      },
    },
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { restorePracticeRevision(id: $id, number: 1) { id } }', {
        id: await f.freshPractice('DRAFT', 'CITY'),
      }),
  },
  {
    operation: 'tandem',
    expect: same(PUBLIC),
    run: (c, f) => c.gql('query($id: ID!) { tandem(id: $id) { id } }', { id: f.tandemId }),
  },
  {
    operation: 'tandems',
    expect: same(PUBLIC),
    run: (c, f) =>
      c.gql('query($s: String!) { tandems(filter: { citySlug: $s }) { totalCount } }', {
        s: f.slug,
      }),
  },
  {
    operation: 'tandemSuggestions',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'ok',
        organizer: 'ok',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'ok',
      },
    },
    run: (c, f) =>
      c.gql('query($s: String!) { tandemSuggestions(citySlug: $s, first: 3) { score } }', {
        s: f.slug,
      }),
  },
  {
    operation: 'tandemNotes',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'ok',
        coordinator: 'ok',
        organizer: 'FORBIDDEN',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'FORBIDDEN',
      },
    },
    run: (c, f) =>
      c.gql('query($id: ID!) { tandemNotes(tandemId: $id) { totalCount } }', { id: f.tandemId }),
  },
  {
    operation: 'addTandemNote',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'ok',
        coordinator: 'ok',
        organizer: 'FORBIDDEN',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'FORBIDDEN',
      },
    },
    run: (c, f) =>
      c.gql('mutation($i: AddTandemNoteInput!) { addTandemNote(input: $i) { id } }', {
        i: { tandemId: f.tandemId, kind: 'NOTE', body: 'Matrix-Notiz' },
      }),
  },
  {
    operation: 'proposeTandem',
    expect: same({
      anonymous: 'UNAUTHENTICATED',
      member: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      organizer: 'ok',
    }),
    run: (c, f) =>
      c.gql('mutation($i: ProposeTandemInput!) { proposeTandem(input: $i) { id } }', {
        i: { newCitySlug: f.slug, partnerCitySlug: f.nextPartnerSlug() },
      }),
  },
  {
    operation: 'acceptTandem (proposed)',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'ok',
        organizer: 'FORBIDDEN',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'FORBIDDEN',
      },
    },
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { acceptTandem(id: $id) { id } }', {
        id: await f.freshTandem('PROPOSED'),
      }),
  },
  {
    operation: 'declineTandem (proposed)',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'ok',
        organizer: 'FORBIDDEN',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'FORBIDDEN',
      },
    },
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { declineTandem(id: $id, reason: "Matrix") { id } }', {
        id: await f.freshTandem('PROPOSED'),
      }),
  },
  {
    operation: 'concludeTandem (active)',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'ok',
        organizer: 'ok',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'ok',
      },
    },
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { concludeTandem(id: $id, summary: "Matrix") { id } }', {
        id: await f.freshTandem('ACTIVE'),
      }),
  },
  {
    operation: 'notifications',
    expect: same(SIGNED_IN),
    run: (c) => c.gql('{ notifications(first: 5) { id } }'),
  },
  {
    operation: 'unreadNotificationCount',
    expect: same(SIGNED_IN),
    run: (c) => c.gql('{ unreadNotificationCount }'),
  },
  {
    operation: 'markNotificationsRead',
    expect: same(SIGNED_IN),
    run: (c) => c.gql('mutation { markNotificationsRead }'),
  },
  {
    operation: 'conferences',
    expect: same(PUBLIC),
    run: (c) => c.gql('{ conferences(first: 5) { totalCount } }'),
  },
  {
    operation: 'conference registrations (participants)',
    expect: same(PUBLIC),
    run: (c, f) =>
      c.gql(
        'query($id: ID!) { conference(id: $id) { registrations { city { slug } participants { email } } } }',
        { id: f.conferenceId },
      ),
    citySlugsIn: (data) =>
      (data.conference as { registrations: Array<{ city: { slug: string } }> }).registrations.map(
        (r) => r.city.slug,
      ),
  },
  {
    operation: 'createConference',
    expect: same({
      anonymous: 'UNAUTHENTICATED',
      member: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      organizer: 'ok',
    }),
    run: (c) =>
      c.gql('mutation($i: ConferenceInput!) { createConference(input: $i) { id } }', {
        i: {
          title: 'Matrix-Treffen',
          kind: 'TRAINING',
          startsAt: '2027-06-01T10:00',
          endsAt: '2027-06-01T12:00',
          capacity: 10,
        },
      }),
  },
  {
    operation: 'registerForConference',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'ok',
        organizer: 'ok',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'ok',
      },
    },
    run: async (c, f) =>
      c.gql(
        'mutation($i: RegisterForConferenceInput!) { registerForConference(input: $i) { id city { slug } } }',
        {
          i: {
            conferenceId: await f.freshConference(),
            citySlug: f.slug,
            participants: [{ name: 'Matrix Person', email: 'matrix@stadt.example' }],
          },
        },
      ),
    citySlugsIn: (data) => [(data.registerForConference as { city: { slug: string } }).city.slug],
  },
  {
    operation: 'cancelRegistration',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'ok',
        organizer: 'ok',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        organizer: 'ok',
      },
    },
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { cancelRegistration(id: $id) { id } }', {
        id: await f.freshRegistration(),
      }),
  },
  {
    operation: 'saveConferenceRecord',
    expect: same({
      anonymous: 'UNAUTHENTICATED',
      member: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      organizer: 'ok',
    }),
    run: async (c, f) =>
      c.gql('mutation($i: SaveConferenceRecordInput!) { saveConferenceRecord(input: $i) { id } }', {
        i: { conferenceId: await f.freshConference(), decisions: 'Matrix' },
      }),
  },
  {
    operation: 'searchRecords',
    expect: same(SIGNED_IN),
    run: (c) => c.gql('{ searchRecords(query: "Matrix") { conferenceTitle } }'),
  },
  {
    operation: 'followUpActions',
    expect: same(SIGNED_IN),
    run: (c, f) =>
      c.gql('query($s: String!) { followUpActions(filter: { citySlug: $s }) { id } }', {
        s: f.slug,
      }),
  },
  { operation: 'logout', expect: same(PUBLIC), run: (c) => c.gql('mutation { logout }') },
  {
    operation: 'logoutEverywhere',
    expect: same(SIGNED_IN),
    run: (c) => c.gql('mutation { logoutEverywhere }'),
  },
];

/** Operations that end the caller's session get a fresh sign-in each time. */
const ENDS_SESSION = new Set(['logout', 'logoutEverywhere']);

describe('isolation matrix', () => {
  let api: TestPlatform;
  const clients = new Map<Role, Client>();
  const fixtures = new Map<Target, Fixture>();

  beforeAll(async () => {
    api = await startTestPlatform();
    for (const [target, slug] of [
      ['own', OWN],
      ['foreign', FOREIGN],
    ] as const) {
      const [city] = await api.ownerQuery<{ id: string }>('SELECT id FROM city WHERE slug = $1', [
        slug,
      ]);
      const [member] = await api.ownerQuery<{ id: string }>(
        `SELECT m.id FROM membership m JOIN app_user u ON u.id = m.user_id WHERE m.city_id = $1 AND u.email = $2`,
        [city.id, `member.${slug}@demo.wissensnetz.example`],
      );
      const [user] = await api.ownerQuery<{ id: string }>(
        'SELECT id FROM app_user WHERE email = $1',
        ['organizer@demo.wissensnetz.example'],
      );
      const partnerIds = await api.ownerQuery<{ id: string; slug: string }>(
        `SELECT id, slug FROM city WHERE slug NOT IN ($1, $2) AND slug NOT IN
           (SELECT c.slug FROM tandem t JOIN city c ON c.id IN (t.city_id, t.partner_city_id)) ORDER BY slug`,
        [OWN, FOREIGN],
      );
      let nextPartner = 0;
      const takePartner = () => partnerIds[nextPartner++ % partnerIds.length];
      const insertTandem = async (status: string, partnerId: string) => {
        const [row] = await api.ownerQuery<{ id: string }>(
          `INSERT INTO tandem (city_id, partner_city_id, status, new_city_accepted_at, partner_city_accepted_at)
           VALUES ($1, $2, $3, CASE WHEN $3 = 'ACTIVE' THEN now() END, CASE WHEN $3 = 'ACTIVE' THEN now() END) RETURNING id`,
          [city.id, partnerId, status],
        );
        return row.id;
      };
      const tandemId = await insertTandem('ACTIVE', takePartner().id);
      const freshConference = async () => {
        const [row] = await api.ownerQuery<{ id: string }>(
          `INSERT INTO conference (title, kind, starts_at, ends_at, capacity, status)
           VALUES ('Matrix-Konferenz', 'NETWORK_MEETING', now() + interval '30 days', now() + interval '31 days', 100, 'OPEN') RETURNING id`,
        );
        return row.id;
      };
      const freshRegistration = async () => {
        const conference = await freshConference();
        const [row] = await api.ownerQuery<{ id: string }>(
          `INSERT INTO registration (city_id, conference_id, status, participant_count) VALUES ($1, $2, 'CONFIRMED', 1) RETURNING id`,
          [city.id, conference],
        );
        await api.ownerQuery(`UPDATE conference SET confirmed_participants = 1 WHERE id = $1`, [
          conference,
        ]);
        await api.ownerQuery(
          `INSERT INTO registration_participant (city_id, registration_id, position, name, email) VALUES ($1, $2, 1, 'Geheime Person', 'geheim@stadt.example')`,
          [city.id, row.id],
        );
        return row.id;
      };
      const conferenceId = await freshConference();
      const [registration] = await api.ownerQuery<{ id: string }>(
        `INSERT INTO registration (city_id, conference_id, status, participant_count) VALUES ($1, $2, 'CONFIRMED', 1) RETURNING id`,
        [city.id, conferenceId],
      );
      await api.ownerQuery(
        `INSERT INTO registration_participant (city_id, registration_id, position, name, email) VALUES ($1, $2, 1, 'Geheime Person', 'geheim@stadt.example')`,
        [city.id, registration.id],
      );
      fixtures.set(target, {
        api,
        slug,
        tandemId,
        conferenceId,
        freshConference,
        freshRegistration,
        freshTandem: (status) => insertTandem(status, takePartner().id),
        nextPartnerSlug: () => takePartner().slug,
        cityId: city.id,
        memberMembershipId: member.id,
        async throwawayMembershipId() {
          const [created] = await api.ownerQuery<{ id: string }>(
            `WITH u AS (INSERT INTO app_user (email, display_name, password_hash) VALUES ($1, 'Matrix', 'x') RETURNING id)
             INSERT INTO membership (city_id, user_id, role) SELECT $2, id, 'MEMBER' FROM u RETURNING id`,
            [`throwaway.${Math.random().toString(36).slice(2)}@stadt.example`, city.id],
          );
          return created.id;
        },
        async freshPractice(status, visibility) {
          const [created] = await api.ownerQuery<{ id: string }>(
            `INSERT INTO practice (city_id, title, summary, status, visibility, published_at)
             VALUES ($1, 'Matrix-Praxis', 'Nur für den Test', $2, $3, CASE WHEN $2 = 'PUBLISHED' THEN now() END) RETURNING id`,
            [city.id, status, visibility],
          );
          await api.ownerQuery(
            `INSERT INTO practice_revision (city_id, practice_id, number, snapshot) SELECT $1, $2, 1, jsonb_build_object(
               'title', 'Matrix-Praxis', 'summary', 'Nur für den Test', 'body', '', 'visibility', $3::text, 'tags', '[]'::jsonb,
               'topicSlugs', '[]'::jsonb, 'links', '[]'::jsonb)`,
            [city.id, created.id, visibility],
          );
          return created.id;
        },
        async freshInvitationId() {
          const [created] = await api.ownerQuery<{ id: string }>(
            `INSERT INTO invitation (city_id, email, role, token_hash, invited_by, expires_at)
             VALUES ($1, $2, 'MEMBER', $3, $4, now() + interval '1 day') RETURNING id`,
            [
              city.id,
              `matrix.${Math.random().toString(36).slice(2)}@stadt.example`,
              Math.random().toString(36),
              user.id,
            ],
          );
          return created.id;
        },
      });
    }
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function clientFor(role: Role, fresh: boolean): Promise<Client> {
    if (role === 'anonymous') return api.client();
    const cached = clients.get(role);
    if (cached && !fresh) return cached;
    const client = role === 'organizer' ? await api.as('organizer') : await api.as(role, OWN);
    if (!fresh) clients.set(role, client);
    return client;
  }

  const rows = CASES.flatMap((testCase) =>
    (['own', 'foreign'] as const).flatMap((target) =>
      (['anonymous', 'member', 'coordinator', 'organizer'] as const).map(
        (role) => [testCase.operation, target, role, testCase] as const,
      ),
    ),
  );

  it.each(rows)('%s on the %s city as %s', async (_operation, target, role, testCase) => {
    const client = await clientFor(role, ENDS_SESSION.has(testCase.operation));
    const fixture = fixtures.get(target)!;
    const response = await testCase.run(client, fixture);
    const expected = testCase.expect[target][role];
    if (expected === 'ok') {
      expect(response.errors).toBeUndefined();
      expect(Object.values(response.data ?? {}).every((value) => value !== null)).toBe(true);
      if (testCase.citySlugsIn && role !== 'organizer') {
        // A member or coordinator of OWN sees OWN's rows only.
        for (const slug of testCase.citySlugsIn(response.data!)) expect(slug).toBe(OWN);
      }
      for (const practice of testCase.practicesIn?.(response.data!) ?? []) {
        const ownCity = role !== 'anonymous' && role !== 'organizer' && practice.city.slug === OWN;
        if (ownCity) continue;
        // Anyone else: never a CITY entry, never a draft (organizers: non-CITY drafts to curate).
        expect(practice.visibility).not.toBe('CITY');
        if (role !== 'organizer') expect(practice.status).toBe('PUBLISHED');
        if (role === 'anonymous') expect(practice.visibility).toBe('PUBLIC');
      }
    } else if (expected === 'hidden') {
      expect(response.errors).toBeUndefined();
      expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
    } else {
      expect(response.errors?.[0].extensions?.code).toBe(expected);
      // A refused operation returns no data at all, so nothing foreign can slip out.
      const values = Object.values(response.data ?? {});
      expect(values.every((value) => value === null)).toBe(true);
    }
  });

  it('answers a wrong password the same for every account (login joins the matrix here)', async () => {
    for (const email of [
      'member.goch@demo.wissensnetz.example',
      'organizer@demo.wissensnetz.example',
      'nobody@stadt.example',
    ]) {
      const { errors } = await api.gql('mutation($i: LoginInput!) { login(input: $i) { id } }', {
        i: { email, password: 'falsch-falsch' },
      });
      expect(errors?.[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'INVALID_CREDENTIALS',
      });
    }
  });
});
