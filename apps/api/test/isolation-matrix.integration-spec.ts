import { randomUUID } from 'node:crypto';
import { hashToken, newToken } from '../src/core/auth/tokens';
import { FILE_STORAGE, type FileStorage } from '../src/storage/file-storage';
import { Client, startTestPlatform, type GraphQLResponse, type TestPlatform } from './harness';
import { MEASURE_CASES, proveMeasureWritesNeedTheCity } from './isolation-matrix-measures';
import {
  CITY_COORDINATORS_ONLY,
  PUBLIC,
  SUGGESTION_WORKERS,
  same,
  type Outcome,
  type Role,
  type Target,
} from './isolation-matrix-outcomes';

/**
 * Every query and mutation, for every role, against the caller's own city and
 * a foreign one: allowed, or a typed error — and never a foreign row.
 * New operations join this table (later issues: practices, tandems, conferences).
 */

const OWN = 'goch';
const FOREIGN = 'herford';

interface Fixture {
  api: TestPlatform;
  slug: string;
  cityId: string;
  /** A fresh throwaway membership and a fresh invitation in the target city. */
  throwawayMembershipId(): Promise<string>;
  /** A fresh throwaway member of the target city: their account id (to erase). */
  throwawayUserId(): Promise<string>;
  freshInvitationId(): Promise<string>;
  /** The link token of a fresh open invitation to the target city. */
  freshInvitationToken(): Promise<string>;
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
  /** The target city's waiting rest behind its own waiting registration (a fresh conference). */
  freshWaitlisted(): Promise<string>;
  /**
   * A practice in the target city, written as the owner (bypassing every check), with a
   * contact person and one revision by the colleague.
   */
  freshPractice(status: PracticeStatus, visibility: PracticeVisibility): Promise<string>;
  /** An attachment (a stored file) of a fresh practice; answers its id. */
  freshAttachment(status: PracticeStatus, visibility: PracticeVisibility): Promise<string>;
  /** A plain member of the target city who is none of the matrix's callers. */
  colleagueId: string;
  /** The colleague's note in the target city's tandem: nobody in the matrix wrote it. */
  colleagueNoteId: string;
}

type PracticeStatus = 'DRAFT' | 'IN_REVIEW' | 'PUBLISHED' | 'ARCHIVED';
type PracticeVisibility = 'CITY' | 'NETWORK' | 'PUBLIC';

/** Declines a proposal after reading it: partners are reused, and a pair has one open tandem. */
async function freePair(f: Fixture, tandemId: string): Promise<void> {
  await f.api.ownerQuery(`UPDATE tandem SET status = 'DECLINED' WHERE id = $1`, [tandemId]);
}

/** The download route answers like GraphQL for the table: data when served, the typed error otherwise. */
async function download(
  client: Client,
  url: string,
  id: string,
): Promise<GraphQLResponse<Record<string, unknown>>> {
  const response = await fetch(`${url}/files/attachments/${id}`, {
    headers: client.cookie ? { cookie: client.cookie } : {},
  });
  if (response.ok) return { data: { download: await response.text() } };
  return (await response.json()) as GraphQLResponse<Record<string, unknown>>;
}

/** The upload route, answered like GraphQL for the table (a browser on the platform's page). */
async function upload(
  client: Client,
  url: string,
  practiceId: string,
): Promise<GraphQLResponse<Record<string, unknown>>> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(Buffer.from('%PDF-1.4\n'))]), 'matrix.pdf');
  const response = await fetch(`${url}/api/practices/${practiceId}/attachments`, {
    method: 'POST',
    body: form,
    headers: client.cookie ? { cookie: client.cookie, origin: new URL(url).origin } : {},
  });
  const body = (await response.json()) as Record<string, unknown>;
  return response.ok
    ? { data: { upload: body } }
    : (body as GraphQLResponse<Record<string, unknown>>);
}

interface Case {
  operation: string;
  run(client: Client, fixture: Fixture): Promise<GraphQLResponse<Record<string, unknown>>>;
  expect: Record<Target, Record<Role, Outcome>>;
  /**
   * Other refusal codes that are right too where a refusal is expected: the sign-in
   * throttle slows a repeated wrong password (TOO_MANY_ATTEMPTS) in place of the
   * password error, and both refuse with no data.
   */
  alsoRefusedAs?: string[];
  /** For allowed reads: every returned city slug must be one the caller may see. */
  citySlugsIn?(data: Record<string, unknown>): string[];
  /** For allowed reads of practices: visibility of every returned row with its city. */
  practicesIn?(
    data: Record<string, unknown>,
  ): Array<{ visibility: string; status: string; city: { slug: string } }>;
}

const SIGNED_IN: Record<Role, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  member: 'ok',
  coordinator: 'ok',
  organizer: 'ok',
};

const ORGANIZER_ONLY: Record<Role, Outcome> = {
  anonymous: 'UNAUTHENTICATED',
  member: 'FORBIDDEN',
  coordinator: 'FORBIDDEN',
  organizer: 'ok',
};

/** An HTTP route answers like GraphQL for the table: its text when served, the typed error otherwise. */
async function fetchFile(
  client: Client,
  url: string,
): Promise<GraphQLResponse<Record<string, unknown>>> {
  const response = await fetch(url, { headers: client.cookie ? { cookie: client.cookie } : {} });
  if (response.ok) return { data: { file: await response.text() } };
  return (await response.json()) as GraphQLResponse<Record<string, unknown>>;
}

/**
 * A ready data export of this person, written as the owner (as the worker would); asked
 * for two days ago, so it does not count against the person's daily limit.
 */
async function readyExport(f: Fixture, userId: string): Promise<string> {
  const [row] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO data_export (user_id, status, steps_done, steps_total, data_json, summary_text,
                              locale, created_at, ready_at, expires_at)
     VALUES ($1, 'READY', 1, 1, '{"matrix": true}', 'matrix', 'de', now() - interval '2 days',
             now() - interval '2 days', now() + interval '5 days')
     RETURNING id`,
    [userId],
  );
  return row.id;
}

/** A conference at a known time (agenda sessions must lie inside it). */
async function fixedConference(f: Fixture): Promise<string> {
  const [row] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO conference (title, kind, starts_at, ends_at, capacity, status)
     VALUES ('Matrix-Konferenz', 'NETWORK_MEETING', '2027-06-01T06:00Z', '2027-06-01T18:00Z', 100, 'OPEN') RETURNING id`,
  );
  return row.id;
}

async function freshSession(f: Fixture): Promise<string> {
  const [row] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO agenda_session (conference_id, title, starts_at, ends_at)
     VALUES ($1, 'Matrix-Sitzung', '2027-06-01T08:00Z', '2027-06-01T09:00Z') RETURNING id`,
    [await fixedConference(f)],
  );
  return row.id;
}

async function freshRecord(f: Fixture): Promise<string> {
  const [row] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO conference_record (conference_id, decisions) VALUES ($1, 'Matrix-Beschluss') RETURNING id`,
    [await f.freshConference()],
  );
  return row.id;
}

/** A FINAL conference record (the only kind that can be made public). */
async function freshFinalRecord(f: Fixture): Promise<string> {
  const [row] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO conference_record (conference_id, decisions, status, finalized_at)
     VALUES ($1, 'Matrix-Beschluss', 'FINAL', now()) RETURNING id`,
    [await f.freshConference()],
  );
  return row.id;
}

/** A follow-up action the target city is responsible for. */
async function freshFollowUp(f: Fixture): Promise<string> {
  const [row] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO follow_up_action (record_id, what, responsible_city_id) VALUES ($1, 'Matrix-Aufgabe', $2) RETURNING id`,
    [await freshRecord(f), f.cityId],
  );
  return row.id;
}

/** The target city's profile as it is, as an update input: the matrix saves it unchanged. */
async function sameProfile(f: Fixture): Promise<Record<string, unknown>> {
  const [row] = await f.api.ownerQuery<Record<string, string | number | null>>(
    `SELECT p.*, coalesce((SELECT array_agg(t.slug) FROM city_focus_topic c JOIN topic t ON t.id = c.topic_id
                  WHERE c.city_id = p.city_id), '{}') AS slugs
       FROM city_profile p WHERE p.city_id = $1`,
    [f.cityId],
  );
  return {
    citySlug: f.slug,
    expectedRevision: row.revision,
    about: row.about,
    focusTopicSlugs: row.slugs,
    contactName: row.contact_name,
    contactRole: row.contact_role,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    address: row.address,
    website: row.website,
    brandColor: row.brand_color,
  };
}

/** The logo upload route, answered like GraphQL for the table. */
async function uploadLogo(
  client: Client,
  f: Fixture,
): Promise<GraphQLResponse<Record<string, unknown>>> {
  const { expectedRevision } = await sameProfile(f);
  const form = new FormData();
  form.append('expectedRevision', String(expectedRevision));
  form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])]), 'logo.png');
  const response = await fetch(`${f.api.url}/api/cities/${f.slug}/logo`, {
    method: 'POST',
    body: form,
    headers: client.cookie ? { cookie: client.cookie, origin: new URL(f.api.url).origin } : {},
  });
  const body = (await response.json()) as Record<string, unknown>;
  return response.status === 201
    ? { data: body }
    : (body as GraphQLResponse<Record<string, unknown>>);
}

/**
 * The sign-language video upload, answered like GraphQL for the table. The file is no video:
 * the organizer passes the access check and meets the content check, so the one network-wide
 * video (sign-language.integration-spec.ts uploads real ones) stays untouched.
 */
async function uploadSignLanguageVideo(
  client: Client,
  f: Fixture,
): Promise<GraphQLResponse<Record<string, unknown>>> {
  const form = new FormData();
  form.append('caption', 'DGS');
  form.append('file', new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])]), 'dgs.mp4');
  const response = await fetch(`${f.api.url}/api/sign-language-video`, {
    method: 'POST',
    body: form,
    headers: client.cookie ? { cookie: client.cookie, origin: new URL(f.api.url).origin } : {},
  });
  return (await response.json()) as GraphQLResponse<Record<string, unknown>>;
}

const CITY_EDITORS: Record<Target, Record<Role, Outcome>> = {
  own: { anonymous: 'UNAUTHENTICATED', member: 'FORBIDDEN', coordinator: 'ok', organizer: 'ok' },
  foreign: {
    anonymous: 'UNAUTHENTICATED',
    member: 'FORBIDDEN',
    coordinator: 'FORBIDDEN',
    organizer: 'ok',
  },
};

/** A fresh open initiative of the target city with one field and one suggestion (with contact). */
async function freshSuggestion(
  f: Fixture,
  sensitive = false,
): Promise<{ initiativeId: string; fieldId: string; suggestionId: string; token: string }> {
  const slug = `matrix-${randomUUID().slice(0, 8)}`;
  const [initiative] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO initiative (city_id, slug, name) VALUES ($1, $2, 'Matrix-Initiative') RETURNING id`,
    [f.cityId, slug],
  );
  const [field] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO initiative_field (city_id, initiative_id, name, sensitive) VALUES ($1, $2, 'Feld', $3) RETURNING id`,
    [f.cityId, initiative.id, sensitive],
  );
  const token = newToken();
  const [suggestion] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO suggestion (city_id, initiative_id, field_id, text, channel, follow_token_hash)
     VALUES ($1, $2, $3, 'Matrix-Anliegen', 'ONLINE', $4) RETURNING id`,
    [f.cityId, initiative.id, field.id, hashToken(token)],
  );
  await f.api.ownerQuery(
    `INSERT INTO suggestion_contact (city_id, suggestion_id, email, consent_at)
     VALUES ($1, $2, $3, now())`,
    [f.cityId, suggestion.id, `anwohnerin.${f.slug}@stadt.example`],
  );
  return { initiativeId: initiative.id, fieldId: field.id, suggestionId: suggestion.id, token };
}

/** A fresh workshop (with one result) in a fresh initiative of the target city. */
async function freshWorkshop(f: Fixture): Promise<{ workshopId: string; initiativeId: string }> {
  const { initiativeId, fieldId } = await freshSuggestion(f);
  const [workshop] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO workshop (city_id, initiative_id, field_id, title, held_on, participants)
     VALUES ($1, $2, $3, 'Matrix-Workshop', '2026-11-01', 7) RETURNING id`,
    [f.cityId, initiativeId, fieldId],
  );
  return { workshopId: workshop.id, initiativeId };
}

/** A steering-group member (no account) of a fresh initiative of the target city. */
async function freshSteeringMember(f: Fixture): Promise<string> {
  const { initiativeId } = await freshSuggestion(f);
  const [member] = await f.api.ownerQuery<{ id: string }>(
    `INSERT INTO initiative_steering_member (city_id, initiative_id, name, organisation)
     VALUES ($1, $2, 'Matrix-Steuerung', 'Ehrenamtsagentur') RETURNING id`,
    [f.cityId, initiativeId],
  );
  return member.id;
}

const ALL_HIDDEN: Record<Role, Outcome> = {
  anonymous: 'hidden',
  member: 'hidden',
  coordinator: 'hidden',
  organizer: 'hidden',
};

const CASES: Case[] = [
  {
    operation: 'city.details (profile with public contact)',
    expect: same(PUBLIC),
    run: (c, f) =>
      c.gql(
        'query($s: String!) { city(slug: $s) { slug profile brandColor viewerCanEditProfile details { contactEmail contactPhone revision logoUrl } } }',
        { s: f.slug },
      ),
  },
  {
    operation: 'updateCityProfile',
    expect: CITY_EDITORS,
    run: async (c, f) =>
      c.gql(
        'mutation($i: UpdateCityProfileInput!) { updateCityProfile(input: $i) { slug details { revision } } }',
        { i: await sameProfile(f) },
      ),
  },
  { operation: 'city logo upload', expect: CITY_EDITORS, run: (c, f) => uploadLogo(c, f) },
  {
    operation: 'cityProfileRevisions',
    expect: {
      own: { anonymous: 'UNAUTHENTICATED', member: 'ok', coordinator: 'ok', organizer: 'ok' },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'ok',
      },
    },
    run: (c, f) =>
      c.gql(
        'query($s: String!) { cityProfileRevisions(citySlug: $s) { number author { id displayName } } }',
        { s: f.slug },
      ),
  },
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
    // Whoever holds the link reads what it offers (the acceptance page), nothing more.
    operation: 'invitation (valid link)',
    expect: same(PUBLIC),
    run: async (c, f) =>
      c.gql('query($t: String!) { invitation(token: $t) { email role status city { slug } } }', {
        t: await f.freshInvitationToken(),
      }),
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
  { operation: 'operator', expect: same(PUBLIC), run: (c) => c.gql('{ operator { name email } }') },
  {
    operation: 'processingActivities',
    expect: same(PUBLIC),
    run: (c) => c.gql('{ processingActivities { key tables } }'),
  },
  {
    // No account needed; the per-address limit is its own test (legal.integration-spec.ts).
    operation: 'sendAccessibilityFeedback',
    expect: same(PUBLIC),
    run: async (c, f) => {
      await f.api.ownerQuery(`DELETE FROM login_throttle WHERE key LIKE 'feedback%'`);
      return c.gql(
        'mutation($i: AccessibilityFeedbackInput!) { sendAccessibilityFeedback(input: $i) { reference dueOn } }',
        { i: { message: `Matrix ${f.slug}` } },
      );
    },
  },
  {
    operation: 'accessibilityFeedback',
    expect: same(ORGANIZER_ONLY),
    run: (c) => c.gql('{ accessibilityFeedback(first: 5) { id } }'),
  },
  {
    operation: 'signLanguage (the sign-language video, public)',
    expect: same(PUBLIC),
    run: (c) =>
      c.gql('{ signLanguage { viewerCanManage video { id url sizeBytes durationSeconds } } }'),
  },
  {
    operation: 'sign-language video upload (not a video: organizers reach the content check)',
    expect: same({ ...ORGANIZER_ONLY, organizer: 'BAD_USER_INPUT' }),
    run: (c, f) => uploadSignLanguageVideo(c, f),
  },
  {
    operation: 'updateSignLanguageVideoCaption (of a video that is not the current one)',
    expect: same({ ...ORGANIZER_ONLY, organizer: 'NOT_FOUND' }),
    run: (c) =>
      c.gql('mutation($id: ID!) { updateSignLanguageVideoCaption(id: $id, caption: "x") { id } }', {
        id: randomUUID(),
      }),
  },
  {
    operation: 'removeSignLanguageVideo (of a video that is not the current one)',
    expect: same({ ...ORGANIZER_ONLY, organizer: 'NOT_FOUND' }),
    run: (c) =>
      c.gql('mutation($id: ID!) { removeSignLanguageVideo(id: $id) }', { id: randomUUID() }),
  },
  {
    // Members of the city only: organizers are not members and start elsewhere.
    operation: 'cityWorkspace',
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
        'query($s: String!) { cityWorkspace(citySlug: $s) { city { slug } draftCounts { count } tandems { newNoteCount partnerCity { slug } } followUpActions { id } registrations { id } nextConferences { id } } }',
        { s: f.slug },
      ),
    citySlugsIn: (data) => [(data.cityWorkspace as { city: { slug: string } }).city.slug],
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
    // Aggregates only (no person, no single row); practices counted through RLS as the caller.
    operation: 'networkFigures',
    expect: same({ anonymous: 'ok', member: 'ok', coordinator: 'ok', organizer: 'ok' }),
    run: (c) => c.gql('query { networkFigures(cohort: 2020) { cohort citiesByState { cities } } }'),
  },
  {
    operation: 'networkDashboard',
    expect: same({
      anonymous: 'UNAUTHENTICATED',
      member: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      organizer: 'ok',
    }),
    run: (c) =>
      c.gql(
        'query { networkDashboard { followUpsByCity { citySlug open } unfoundSearches { term } } }',
      ),
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
    operation: 'updateMe (e-mail cadence per stream)',
    expect: same(SIGNED_IN),
    run: (c) => c.gql('mutation { updateMe(input: { mailNetwork: WEEKLY }) { mailNetwork } }'),
  },
  { operation: 'myFollows', expect: same(SIGNED_IN), run: (c) => c.gql('{ myFollows { kind } }') },
  {
    operation: 'follow (a practice the city shares with the network)',
    expect: same(SIGNED_IN),
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { follow(kind: PRACTICE, targetId: $id) { targetId } }', {
        id: await f.freshPractice('PUBLISHED', 'NETWORK'),
      }),
  },
  {
    operation: 'follow (a practice only for its own city)',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'ok',
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
      c.gql('mutation($id: ID!) { follow(kind: PRACTICE, targetId: $id) { targetId } }', {
        id: await f.freshPractice('PUBLISHED', 'CITY'),
      }),
  },
  {
    operation: 'follow / unfollow (the city)',
    expect: same(SIGNED_IN),
    run: async (c, f) => {
      const followed = await c.gql(
        'mutation($id: ID!) { follow(kind: CITY, targetId: $id) { targetId } }',
        { id: f.cityId },
      );
      if (followed.errors) return followed;
      return c.gql('mutation($id: ID!) { unfollow(kind: CITY, targetId: $id) }', { id: f.cityId });
    },
  },
  {
    operation: 'unsubscribeDigest (a token no digest carried)',
    expect: same({
      anonymous: 'NOT_FOUND',
      member: 'NOT_FOUND',
      coordinator: 'NOT_FOUND',
      organizer: 'NOT_FOUND',
    }),
    run: (c) =>
      c.gql('mutation($t: String!) { unsubscribeDigest(token: $t) }', { t: 'x'.repeat(43) }),
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
    // Never really erases a caller of the matrix: the password is wrong. The same accounts
    // try it for both targets, so the throttle may slow the later tries.
    operation: 'deleteMyAccount (wrong password)',
    alsoRefusedAs: ['TOO_MANY_ATTEMPTS'],
    expect: same({
      anonymous: 'UNAUTHENTICATED',
      member: 'BAD_USER_INPUT',
      coordinator: 'BAD_USER_INPUT',
      organizer: 'BAD_USER_INPUT',
    }),
    run: (c) => c.gql('mutation { deleteMyAccount(input: { password: "falsch" }) }'),
  },
  {
    // Only organizers carry out an erasure request; a city's coordinators do not.
    operation: 'eraseAccount (a member of the city)',
    expect: same(ORGANIZER_ONLY),
    run: async (c, f) =>
      c.gql('mutation($i: EraseAccountInput!) { eraseAccount(input: $i) }', {
        i: { userId: await f.throwawayUserId(), reason: 'Löschantrag (Matrix)' },
      }),
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
    // Drafts stay in their city: organizers (members of no city here) do not see them.
    operation: 'practice (NETWORK, draft)',
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
      c.gql('query($id: ID!) { practice(id: $id) { id } }', {
        id: await f.freshPractice('DRAFT', 'NETWORK'),
      }),
  },
  {
    // Archived entries stay visible to organizers, who curate them.
    operation: 'practice (NETWORK, archived)',
    expect: {
      own: { anonymous: 'hidden', member: 'ok', coordinator: 'ok', organizer: 'ok' },
      foreign: { anonymous: 'hidden', member: 'hidden', coordinator: 'hidden', organizer: 'ok' },
    },
    run: async (c, f) =>
      c.gql('query($id: ID!) { practice(id: $id) { id } }', {
        id: await f.freshPractice('ARCHIVED', 'NETWORK'),
      }),
  },
  {
    operation: 'practice (CITY, archived)',
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
      c.gql('query($id: ID!) { practice(id: $id) { id } }', {
        id: await f.freshPractice('ARCHIVED', 'CITY'),
      }),
  },
  {
    operation: 'practices (drafts of a city)',
    expect: same(PUBLIC),
    run: async (c, f) => {
      await f.freshPractice('DRAFT', 'CITY');
      await f.freshPractice('DRAFT', 'NETWORK');
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
    // The one search box: public; what each caller finds is checked row by row.
    operation: 'search',
    expect: same(PUBLIC),
    run: (c) =>
      c.gql(
        '{ search(query: "Ehrenamt Matrix", first: 50) { edges { node { ... on PracticeHit { practice { visibility status city { slug } } } } } } }',
      ),
    practicesIn: (data) =>
      (
        data.search as {
          edges: Array<{
            node: { practice?: { visibility: string; status: string; city: { slug: string } } };
          }>;
        }
      ).edges.flatMap((e) => (e.node.practice ? [e.node.practice] : [])),
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
    operation: 'practiceRevisions (NETWORK draft)',
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
        id: await f.freshPractice('DRAFT', 'NETWORK'),
      }),
  },
  {
    operation: 'practiceRevisions (NETWORK, archived)',
    expect: {
      own: { anonymous: 'NOT_FOUND', member: 'ok', coordinator: 'ok', organizer: 'ok' },
      foreign: {
        anonymous: 'NOT_FOUND',
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        organizer: 'ok',
      },
    },
    run: async (c, f) =>
      c.gql('query($id: ID!) { practiceRevisions(id: $id) { number } }', {
        id: await f.freshPractice('ARCHIVED', 'NETWORK'),
      }),
  },
  {
    operation: 'attachment download (NETWORK draft)',
    expect: {
      own: { anonymous: 'NOT_FOUND', member: 'ok', coordinator: 'ok', organizer: 'NOT_FOUND' },
      foreign: {
        anonymous: 'NOT_FOUND',
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        organizer: 'NOT_FOUND',
      },
    },
    run: async (c, f) => download(c, f.api.url, await f.freshAttachment('DRAFT', 'NETWORK')),
  },
  {
    operation: 'attachment download (NETWORK, archived)',
    expect: {
      own: { anonymous: 'NOT_FOUND', member: 'ok', coordinator: 'ok', organizer: 'ok' },
      foreign: {
        anonymous: 'NOT_FOUND',
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        organizer: 'ok',
      },
    },
    run: async (c, f) => download(c, f.api.url, await f.freshAttachment('ARCHIVED', 'NETWORK')),
  },
  {
    operation: 'attachment download (PUBLIC, published)',
    expect: same(PUBLIC),
    run: async (c, f) => download(c, f.api.url, await f.freshAttachment('PUBLISHED', 'PUBLIC')),
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
      c.gql('mutation($id: ID!) { publishPractice(id: $id) { id } }', {
        id: await f.freshPractice('DRAFT', 'NETWORK'),
      }),
  },
  {
    operation: 'submitPracticeForReview (NETWORK draft)',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'ok',
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
      c.gql('mutation($id: ID!) { submitPracticeForReview(id: $id) { id } }', {
        id: await f.freshPractice('DRAFT', 'NETWORK'),
      }),
  },
  {
    operation: 'withdrawPracticeSubmission (NETWORK, in review)',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'ok',
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
      c.gql('mutation($id: ID!) { withdrawPracticeSubmission(id: $id) { id } }', {
        id: await f.freshPractice('IN_REVIEW', 'NETWORK'),
      }),
  },
  {
    operation: 'sendPracticeBack (NETWORK, in review)',
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
      c.gql('mutation($i: SendPracticeBackInput!) { sendPracticeBack(input: $i) { id } }', {
        i: { id: await f.freshPractice('IN_REVIEW', 'NETWORK'), comment: 'Bitte ergänzen.' },
      }),
  },
  {
    operation: 'publishPractice (NETWORK, in review)',
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
      c.gql('mutation($id: ID!) { publishPractice(id: $id) { id } }', {
        id: await f.freshPractice('IN_REVIEW', 'NETWORK'),
      }),
  },
  {
    operation: 'practice (NETWORK, in review)',
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
      c.gql('query($id: ID!) { practice(id: $id) { id reviewComment } }', {
        id: await f.freshPractice('IN_REVIEW', 'NETWORK'),
      }),
  },
  {
    operation: 'city.practiceCounts',
    // The counts include drafts: the city's members only.
    expect: {
      own: { anonymous: 'hidden', member: 'ok', coordinator: 'ok', organizer: 'hidden' },
      foreign: {
        anonymous: 'hidden',
        member: 'hidden',
        coordinator: 'hidden',
        organizer: 'hidden',
      },
    },
    run: async (c, f) => {
      const r = await c.gql<{ city: { practiceCounts: unknown } }>(
        'query($s: String!) { city(slug: $s) { practiceCounts { draft inReview published archived } } }',
        { s: f.slug },
      );
      return { errors: r.errors, data: { practiceCounts: r.data?.city.practiceCounts ?? null } };
    },
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
    // Organizers archive anywhere, but only what they can see: not another city's draft.
    operation: 'archivePractice (NETWORK draft)',
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
      c.gql('mutation($id: ID!) { archivePractice(id: $id) { id } }', {
        id: await f.freshPractice('DRAFT', 'NETWORK'),
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
    operation: 'revertPracticeToDraft (NETWORK, published)',
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
      c.gql('mutation($id: ID!) { revertPracticeToDraft(id: $id) { id } }', {
        id: await f.freshPractice('PUBLISHED', 'NETWORK'),
      }),
  },
  {
    operation: 'similarPractices (CITY, published)',
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
      c.gql('query($id: ID!) { similarPractices(id: $id) { id } }', {
        id: await f.freshPractice('PUBLISHED', 'CITY'),
      }),
  },
  {
    operation: 'attachment upload (NETWORK draft)',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'ok',
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
    run: async (c, f) => upload(c, f.api.url, await f.freshPractice('DRAFT', 'NETWORK')),
  },
  {
    operation: 'removePracticeAttachment (NETWORK draft)',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'ok',
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
      c.gql('mutation($id: ID!) { removePracticeAttachment(id: $id) }', {
        id: await f.freshAttachment('DRAFT', 'NETWORK'),
      }),
  },
  {
    // Visible to everyone, changed only by the city's coordinators: others may not even lock it.
    operation: 'removePracticeAttachment (PUBLIC, published)',
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
      c.gql('mutation($id: ID!) { removePracticeAttachment(id: $id) }', {
        id: await f.freshAttachment('PUBLISHED', 'PUBLIC'),
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
    operation: 'tandem (PROPOSED)',
    // A proposal is the two cities' and the organizers' business, not visitors' or others'.
    expect: {
      own: { anonymous: 'hidden', member: 'ok', coordinator: 'ok', organizer: 'ok' },
      foreign: { anonymous: 'hidden', member: 'hidden', coordinator: 'hidden', organizer: 'ok' },
    },
    run: async (c, f) => {
      const id = await f.freshTandem('PROPOSED');
      const r = await c.gql('query($id: ID!) { tandem(id: $id) { id } }', { id });
      await freePair(f, id);
      return r;
    },
  },
  {
    operation: 'city.tandems (PROPOSED)',
    expect: {
      own: { anonymous: 'hidden', member: 'ok', coordinator: 'ok', organizer: 'ok' },
      foreign: { anonymous: 'hidden', member: 'hidden', coordinator: 'hidden', organizer: 'ok' },
    },
    run: async (c, f) => {
      const id = await f.freshTandem('PROPOSED');
      const r = await c.gql<{ city: { tandems: Array<{ id: string }> } }>(
        'query($s: String!) { city(slug: $s) { tandems { id } } }',
        { s: f.slug },
      );
      const found = r.data?.city.tandems.find((tandem) => tandem.id === id) ?? null;
      await freePair(f, id);
      return { errors: r.errors, data: { tandem: found } };
    },
  },
  {
    operation: 'tandems (PROPOSED)',
    expect: {
      own: { anonymous: 'hidden', member: 'ok', coordinator: 'ok', organizer: 'ok' },
      foreign: { anonymous: 'hidden', member: 'hidden', coordinator: 'hidden', organizer: 'ok' },
    },
    run: async (c, f) => {
      const id = await f.freshTandem('PROPOSED');
      const r = await c.gql<{ tandems: { edges: Array<{ node: { id: string } }> } }>(
        'query($s: String!) { tandems(filter: { citySlug: $s, status: PROPOSED }, first: 100) { edges { node { id } } } }',
        { s: f.slug },
      );
      const found = r.data?.tandems.edges.find((edge) => edge.node.id === id) ?? null;
      await freePair(f, id);
      return { errors: r.errors, data: { tandem: found } };
    },
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
    operation: 'markTandemSeen',
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
      c.gql('mutation($id: ID!) { markTandemSeen(tandemId: $id) }', { id: f.tandemId }),
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
    // Only the author edits: the colleague's note is readable in the own city, no more.
    operation: "updateTandemNote (a colleague's)",
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'NOT_FOUND',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        organizer: 'NOT_FOUND',
      },
    },
    run: (c, f) =>
      c.gql('mutation($i: UpdateTandemNoteInput!) { updateTandemNote(input: $i) { id } }', {
        i: { id: f.colleagueNoteId, body: 'Überschrieben' },
      }),
  },
  {
    operation: "deleteTandemNote (a colleague's)",
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'NOT_FOUND',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
        organizer: 'NOT_FOUND',
      },
    },
    run: (c, f) =>
      c.gql('mutation($id: ID!) { deleteTandemNote(id: $id) }', { id: f.colleagueNoteId }),
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
        // Another city's proposal does not exist for them (row-level security).
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
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
        // Another city's proposal does not exist for them (row-level security).
        member: 'NOT_FOUND',
        coordinator: 'NOT_FOUND',
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
    operation: 'notificationGroups',
    expect: same(SIGNED_IN),
    run: (c) => c.gql('{ notificationGroups(first: 5) { key count unreadIds } }'),
  },
  {
    // Only the caller's own rows change (row-level security); another person's stay unread
    // (notification-groups.integration-spec.ts).
    operation: 'markNotificationsReadAt',
    expect: same(SIGNED_IN),
    run: (c, f) =>
      c.gql('mutation($link: String!) { markNotificationsReadAt(link: $link) }', {
        link: `/${f.slug}/tandems/${f.tandemId}`,
      }),
  },
  {
    operation: 'myDataExport',
    expect: same(SIGNED_IN),
    run: async (c, f) => {
      const me = await c.gql<{ me: { id: string } | null }>('{ me { id } }');
      if (me.data?.me) await readyExport(f, me.data.me.id);
      return c.gql('{ myDataExport { id status stepsDone stepsTotal } }');
    },
  },
  {
    operation: 'requestDataExport',
    expect: same(SIGNED_IN),
    run: (c) => c.gql('mutation { requestDataExport { id status stepsTotal } }'),
  },
  {
    // The caller's own ready export (arranged as the owner) downloads; anonymous has none.
    operation: 'GET /export/my-data/<own>/data.json',
    expect: same(SIGNED_IN),
    run: async (c, f) => {
      const me = await c.gql<{ me: { id: string } | null }>('{ me { id } }');
      const id = me.data?.me ? await readyExport(f, me.data.me.id) : randomUUID();
      return fetchFile(c, `${f.api.url}/export/my-data/${id}/data.json`);
    },
  },
  {
    // Someone else's export reads as missing for every role, organizers included.
    operation: 'GET /export/my-data/<colleague’s>/summary.txt',
    expect: same({
      anonymous: 'UNAUTHENTICATED',
      member: 'NOT_FOUND',
      coordinator: 'NOT_FOUND',
      organizer: 'NOT_FOUND',
    }),
    run: async (c, f) =>
      fetchFile(
        c,
        `${f.api.url}/export/my-data/${await readyExport(f, f.colleagueId)}/summary.txt`,
      ),
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
    operation: 'confirmWaitlistedRegistration',
    expect: same({
      anonymous: 'UNAUTHENTICATED',
      member: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      organizer: 'ok',
    }),
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { confirmWaitlistedRegistration(id: $id) { id status } }', {
        id: await f.freshWaitlisted(),
      }),
  },
  {
    operation: 'moveWaitlistedRegistration',
    expect: same({
      anonymous: 'UNAUTHENTICATED',
      member: 'FORBIDDEN',
      coordinator: 'FORBIDDEN',
      organizer: 'ok',
    }),
    run: async (c, f) =>
      c.gql(
        'mutation($id: ID!) { moveWaitlistedRegistration(id: $id, direction: UP) { id status } }',
        { id: await f.freshWaitlisted() },
      ),
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
  {
    operation: 'updateConference',
    expect: same(ORGANIZER_ONLY),
    run: async (c, f) =>
      c.gql('mutation($i: UpdateConferenceInput!) { updateConference(input: $i) { id } }', {
        i: { id: await f.freshConference(), capacity: 120, status: 'CLOSED' },
      }),
  },
  {
    operation: 'addAgendaSession',
    expect: same(ORGANIZER_ONLY),
    run: async (c, f) =>
      c.gql('mutation($i: AgendaSessionInput!) { addAgendaSession(input: $i) { id } }', {
        i: {
          conferenceId: await fixedConference(f),
          title: 'Matrix-Sitzung',
          startsAt: '2027-06-01T10:00',
          endsAt: '2027-06-01T10:30',
        },
      }),
  },
  {
    operation: 'updateAgendaSession',
    expect: same(ORGANIZER_ONLY),
    run: async (c, f) =>
      c.gql('mutation($i: UpdateAgendaSessionInput!) { updateAgendaSession(input: $i) { id } }', {
        i: { id: await freshSession(f), title: 'Matrix-Sitzung (neu)' },
      }),
  },
  {
    operation: 'removeAgendaSession',
    expect: same(ORGANIZER_ONLY),
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { removeAgendaSession(id: $id) }', { id: await freshSession(f) }),
  },
  {
    operation: 'finalizeConferenceRecord',
    expect: same(ORGANIZER_ONLY),
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { finalizeConferenceRecord(id: $id) { id } }', {
        id: await freshRecord(f),
      }),
  },
  {
    operation: 'publishConferenceRecord',
    expect: same(ORGANIZER_ONLY),
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { publishConferenceRecord(id: $id, public: true) { id } }', {
        id: await freshFinalRecord(f),
      }),
  },
  {
    operation: 'addFollowUpAction',
    expect: same(ORGANIZER_ONLY),
    run: async (c, f) =>
      c.gql('mutation($i: AddFollowUpActionInput!) { addFollowUpAction(input: $i) { id } }', {
        i: { recordId: await freshRecord(f), what: 'Matrix-Aufgabe', responsibleCitySlug: f.slug },
      }),
  },
  {
    // The responsible city's coordinators report progress; organizers too.
    operation: 'updateFollowUpAction (status of the city’s action)',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'ok',
        organizer: 'ok',
      },
      foreign: ORGANIZER_ONLY,
    },
    run: async (c, f) =>
      c.gql('mutation($i: UpdateFollowUpActionInput!) { updateFollowUpAction(input: $i) { id } }', {
        i: { id: await freshFollowUp(f), status: 'DONE' },
      }),
  },
  {
    // What and when are planned by organizers only, also for the responsible city.
    operation: 'updateFollowUpAction (what and when)',
    expect: same(ORGANIZER_ONLY),
    run: async (c, f) =>
      c.gql('mutation($i: UpdateFollowUpActionInput!) { updateFollowUpAction(input: $i) { id } }', {
        i: { id: await freshFollowUp(f), what: 'Matrix-Aufgabe (neu)', dueOn: '2027-07-01' },
      }),
  },
  {
    operation: 'GET /export/conferences/<id>/registrations.csv',
    expect: same(ORGANIZER_ONLY),
    run: (c, f) =>
      fetchFile(c, `${f.api.url}/export/conferences/${f.conferenceId}/registrations.csv`),
  },
  {
    operation: 'GET /calendar/<city>.ics',
    expect: same(PUBLIC),
    run: (c, f) => fetchFile(c, `${f.api.url}/calendar/${f.slug}.ics`),
  },
  // --- local initiatives (issue 14) ---
  {
    operation: 'initiative',
    expect: same(PUBLIC),
    run: async (c, f) => {
      const { initiativeId } = await freshSuggestion(f);
      const [{ slug }] = await f.api.ownerQuery<{ slug: string }>(
        `SELECT slug FROM initiative WHERE id = $1`,
        [initiativeId],
      );
      return c.gql(
        'query($c: String!, $s: String!) { initiative(citySlug: $c, slug: $s) { id } }',
        {
          c: f.slug,
          s: slug,
        },
      );
    },
  },
  {
    operation: 'cityInitiatives',
    expect: same(PUBLIC),
    run: (c, f) =>
      c.gql('query($c: String!) { cityInitiatives(citySlug: $c) { id } }', { c: f.slug }),
  },
  {
    operation: 'suggestionChallenge',
    expect: same(PUBLIC),
    run: (c) => c.gql('{ suggestionChallenge { signature } }'),
  },
  {
    // Open to everyone; here with a wrong proof-of-work (initiatives.integration-spec.ts sends real ones).
    operation: 'submitSuggestion (wrong proof-of-work)',
    expect: same({
      anonymous: 'BAD_USER_INPUT',
      member: 'BAD_USER_INPUT',
      coordinator: 'BAD_USER_INPUT',
      organizer: 'BAD_USER_INPUT',
    }),
    alsoRefusedAs: ['TOO_MANY_ATTEMPTS'],
    run: async (c, f) => {
      const { fieldId, initiativeId } = await freshSuggestion(f);
      const [{ slug }] = await f.api.ownerQuery<{ slug: string }>(
        `SELECT slug FROM initiative WHERE id = $1`,
        [initiativeId],
      );
      return c.gql(
        'mutation($i: SubmitSuggestionInput!) { submitSuggestion(input: $i) { followPath } }',
        { i: { citySlug: f.slug, initiativeSlug: slug, fieldId, text: 'x', altcha: 'e30=' } },
      );
    },
  },
  {
    operation: 'followedSuggestion (unknown token)',
    expect: same(ALL_HIDDEN),
    run: (c) =>
      c.gql('query($t: String!) { followedSuggestion(token: $t) { text } }', { t: newToken() }),
  },
  {
    operation: 'followedSuggestion (the link)',
    expect: same(PUBLIC),
    run: async (c, f) =>
      c.gql('query($t: String!) { followedSuggestion(token: $t) { text } }', {
        t: (await freshSuggestion(f)).token,
      }),
  },
  {
    operation: 'withdrawSuggestion (the link)',
    expect: same(PUBLIC),
    run: async (c, f) =>
      c.gql('mutation($t: String!) { withdrawSuggestion(token: $t) { status } }', {
        t: (await freshSuggestion(f)).token,
      }),
  },
  {
    operation: 'suggestionQueue',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql('query($id: ID!) { suggestionQueue(initiativeId: $id) { id text } }', {
        id: (await freshSuggestion(f)).initiativeId,
      }),
  },
  {
    operation: 'enterSuggestion',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) => {
      const { initiativeId, fieldId } = await freshSuggestion(f);
      return c.gql(
        'mutation($i: EnterSuggestionInput!) { enterSuggestion(input: $i) { followPath } }',
        { i: { initiativeId, fieldId, channel: 'PHONE', text: 'Matrix-Anruf' } },
      );
    },
  },
  {
    operation: 'changeSuggestionStatus',
    expect: SUGGESTION_WORKERS,
    run: async (c, f) =>
      c.gql(
        'mutation($i: ChangeSuggestionStatusInput!) { changeSuggestionStatus(input: $i) { id } }',
        { i: { id: (await freshSuggestion(f)).suggestionId, status: 'IN_REVIEW' } },
      ),
  },
  {
    operation: 'mergeSuggestion',
    expect: SUGGESTION_WORKERS,
    run: async (c, f) => {
      const { suggestionId, initiativeId, fieldId } = await freshSuggestion(f);
      const [other] = await f.api.ownerQuery<{ id: string }>(
        `INSERT INTO suggestion (city_id, initiative_id, field_id, text, channel)
         VALUES ($1, $2, $3, 'Matrix-Original', 'ONLINE') RETURNING id`,
        [f.cityId, initiativeId, fieldId],
      );
      return c.gql('mutation($a: ID!, $b: ID!) { mergeSuggestion(id: $a, intoId: $b) { id } }', {
        a: suggestionId,
        b: other.id,
      });
    },
  },
  {
    operation: 'commentSuggestion',
    expect: SUGGESTION_WORKERS,
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { commentSuggestion(id: $id, text: "intern") { id } }', {
        id: (await freshSuggestion(f)).suggestionId,
      }),
  },
  {
    operation: 'revokeSuggestionLink',
    expect: SUGGESTION_WORKERS,
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { revokeSuggestionLink(id: $id) { id } }', {
        id: (await freshSuggestion(f)).suggestionId,
      }),
  },
  {
    operation: 'createInitiative',
    expect: CITY_COORDINATORS_ONLY,
    run: (c, f) =>
      c.gql('mutation($i: CreateInitiativeInput!) { createInitiative(input: $i) { id } }', {
        i: {
          citySlug: f.slug,
          slug: `matrix-neu-${randomUUID().slice(0, 8)}`,
          name: 'Matrix-Initiative',
          fields: [{ name: 'Feld' }],
        },
      }),
  },
  {
    operation: 'updateInitiative',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql('mutation($i: UpdateInitiativeInput!) { updateInitiative(input: $i) { id } }', {
        i: {
          id: (await freshSuggestion(f)).initiativeId,
          name: 'Matrix-Initiative',
          description: '',
          status: 'OPEN',
        },
      }),
  },
  {
    operation: 'setInitiativeFieldContacts',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql(
        'mutation($f: ID!, $p: [ID!]!) { setInitiativeFieldContacts(fieldId: $f, personIds: $p) }',
        {
          f: (await freshSuggestion(f)).fieldId,
          p: [f.colleagueId],
        },
      ),
  },
  // --- measures of local initiatives (issue 14) ---
  ...MEASURE_CASES,
  {
    operation: 'workshop',
    expect: same(PUBLIC),
    run: async (c, f) =>
      c.gql('query($id: ID!) { workshop(id: $id) { id title resultCount } }', {
        id: (await freshWorkshop(f)).workshopId,
      }),
  },
  {
    operation: 'initiative.workshops',
    expect: same(PUBLIC),
    run: async (c, f) => {
      const { initiativeId } = await freshWorkshop(f);
      const [{ slug }] = await f.api.ownerQuery<{ slug: string }>(
        `SELECT slug FROM initiative WHERE id = $1`,
        [initiativeId],
      );
      return c.gql(
        'query($c: String!, $s: String!) { initiative(citySlug: $c, slug: $s) { workshops { id } } }',
        { c: f.slug, s: slug },
      );
    },
  },
  {
    operation: 'recordWorkshop',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) => {
      const { initiativeId, fieldId } = await freshSuggestion(f);
      return c.gql('mutation($i: RecordWorkshopInput!) { recordWorkshop(input: $i) { id } }', {
        i: {
          initiativeId,
          fieldId,
          title: 'Matrix-Workshop',
          heldOn: '2026-11-01',
          participants: 3,
        },
      });
    },
  },
  {
    operation: 'initiativeManagement',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql('query($id: ID!) { initiativeManagement(initiativeId: $id) { initiativeId } }', {
        id: (await freshSuggestion(f)).initiativeId,
      }),
  },
  {
    operation: 'addInitiativeField',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql(
        'mutation($id: ID!, $i: InitiativeFieldInput!) { addInitiativeField(initiativeId: $id, input: $i) { id } }',
        { id: (await freshSuggestion(f)).initiativeId, i: { name: 'Matrix-Feld' } },
      ),
  },
  {
    operation: 'updateInitiativeField',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql(
        'mutation($i: UpdateInitiativeFieldInput!) { updateInitiativeField(input: $i) { id } }',
        { i: { id: (await freshSuggestion(f)).fieldId, name: 'Matrix-Feld', sensitive: true } },
      ),
  },
  {
    operation: 'removeInitiativeField',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) => {
      // A second field without suggestions, so that removing it is allowed for the right caller.
      const { initiativeId } = await freshSuggestion(f);
      const [field] = await f.api.ownerQuery<{ id: string }>(
        `INSERT INTO initiative_field (city_id, initiative_id, name) VALUES ($1, $2, 'Leer') RETURNING id`,
        [f.cityId, initiativeId],
      );
      return c.gql('mutation($id: ID!) { removeInitiativeField(id: $id) { id } }', {
        id: field.id,
      });
    },
  },
  {
    operation: 'updateWorkshop',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql('mutation($i: UpdateWorkshopInput!) { updateWorkshop(input: $i) { id } }', {
        i: {
          id: (await freshWorkshop(f)).workshopId,
          title: 'Matrix-Workshop (2)',
          heldOn: '2026-11-02',
          participants: 4,
        },
      }),
  },
  {
    operation: 'deleteWorkshop',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { deleteWorkshop(id: $id) }', {
        id: (await freshWorkshop(f)).workshopId,
      }),
  },
  {
    operation: 'enterWorkshopResults',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql(
        'mutation($i: EnterWorkshopResultsInput!) { enterWorkshopResults(input: $i) { resultCount } }',
        { i: { workshopId: (await freshWorkshop(f)).workshopId, texts: ['Matrix-Ergebnis'] } },
      ),
  },
  {
    operation: 'addSteeringMember',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql(
        'mutation($id: ID!, $i: SteeringMemberInput!) { addSteeringMember(initiativeId: $id, input: $i) { id } }',
        {
          id: (await freshSuggestion(f)).initiativeId,
          i: { name: 'Matrix-Person', organisation: 'Ehrenamtsagentur', personId: f.colleagueId },
        },
      ),
  },
  {
    operation: 'updateSteeringMember',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql('mutation($i: UpdateSteeringMemberInput!) { updateSteeringMember(input: $i) { id } }', {
        i: { id: await freshSteeringMember(f), name: 'Matrix-Person', personId: null },
      }),
  },
  {
    operation: 'removeSteeringMember',
    expect: CITY_COORDINATORS_ONLY,
    run: async (c, f) =>
      c.gql('mutation($id: ID!) { removeSteeringMember(id: $id) { id } }', {
        id: await freshSteeringMember(f),
      }),
  },
  // Last: these two end the sessions every row above uses.
  { operation: 'logout', expect: same(PUBLIC), run: (c) => c.gql('mutation { logout }') },
  {
    operation: 'logoutEverywhere',
    expect: same(SIGNED_IN),
    run: (c) => c.gql('mutation { logoutEverywhere }'),
  },
];

/**
 * Every field that holds personal data, for the same roles and cities: who gets the
 * value, who gets nothing (null, or no row at all), who gets a typed error.
 */
type Seen = 'value' | 'nothing' | 'UNAUTHENTICATED' | 'FORBIDDEN';

interface PersonalField {
  field: string;
  run(
    client: Client,
    fixture: Fixture,
  ): Promise<{ response: GraphQLResponse<Record<string, unknown>>; values: unknown[] }>;
  expect: Record<Target, Record<Role, Seen>>;
  /** The value as a string, to make sure it appears nowhere in an answer that may not have it. */
  secret?(fixture: Fixture): string;
}

const SIGNED_IN_ONLY: Record<Role, Seen> = {
  anonymous: 'UNAUTHENTICATED',
  member: 'value',
  coordinator: 'value',
  organizer: 'value',
};
const ORGANIZERS_ONLY: Record<Role, Seen> = {
  anonymous: 'UNAUTHENTICATED',
  member: 'FORBIDDEN',
  coordinator: 'FORBIDDEN',
  organizer: 'value',
};

async function read<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  values: (data: T) => unknown[],
) {
  const response = await client.gql<T>(query, variables);
  return {
    response: response as GraphQLResponse<Record<string, unknown>>,
    values: response.data ? values(response.data) : [],
  };
}

const PERSONAL_FIELDS: PersonalField[] = [
  {
    // Coordinators reach their city's members; other members see names and roles only.
    field: "Membership.email (a colleague's)",
    secret: (f) => `kollegin.${f.slug}@stadt.example`,
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'nothing',
        coordinator: 'value',
        organizer: 'value',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'value',
      },
    },
    run: (c, f) =>
      read<{ cityMembers: Array<{ user: { id: string }; email: string | null }> }>(
        c,
        'query($s: String!) { cityMembers(citySlug: $s) { user { id displayName } email } }',
        { s: f.slug },
        (data) => data.cityMembers.filter((m) => m.user.id === f.colleagueId).map((m) => m.email),
      ),
  },
  {
    field: 'Membership.email (your own)',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'value',
        coordinator: 'value',
        organizer: 'nothing',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        // The organizer belongs to no city: no row of their own in any list.
        organizer: 'nothing',
      },
    },
    run: (c, f) =>
      read<{
        me: { id: string } | null;
        cityMembers: Array<{ user: { id: string }; email: string | null }>;
      }>(
        c,
        'query($s: String!) { me { id } cityMembers(citySlug: $s) { user { id } email } }',
        { s: f.slug },
        (data) => data.cityMembers.filter((m) => m.user.id === data.me?.id).map((m) => m.email),
      ),
  },
  {
    field: 'AuditEntry.actorEmail',
    secret: (f) => `kollegin.${f.slug}@stadt.example`,
    expect: same(ORGANIZERS_ONLY),
    run: (c, f) =>
      read<{ auditLog: { edges: Array<{ node: { actorEmail: string | null } }> } }>(
        c,
        'query($s: String!) { auditLog(first: 10, filter: { citySlug: $s, action: "MATRIX_PERSONAL" }) { edges { node { actorEmail actor { id displayName } } } } }',
        { s: f.slug },
        (data) => data.auditLog.edges.map((e) => e.node.actorEmail),
      ),
  },
  {
    // The sender's address reaches the network office only.
    field: 'AccessibilityFeedback.senderEmail',
    secret: (f) => `rueckmeldung.${f.slug}@person.example`,
    expect: same(ORGANIZERS_ONLY),
    run: async (c, f) => {
      await f.api.ownerQuery(
        `INSERT INTO accessibility_feedback (sender_email, message, locale, due_on)
         SELECT $1, 'Matrix', 'de', current_date WHERE NOT EXISTS
           (SELECT 1 FROM accessibility_feedback WHERE sender_email = $1)`,
        [`rueckmeldung.${f.slug}@person.example`],
      );
      return read<{ accessibilityFeedback: Array<{ senderEmail: string | null }> }>(
        c,
        '{ accessibilityFeedback(first: 200) { senderEmail } }',
        {},
        (data) =>
          data.accessibilityFeedback
            .map((entry) => entry.senderEmail)
            .filter((email) => email === `rueckmeldung.${f.slug}@person.example`),
      );
    },
  },
  {
    field: 'Invitation.email (open invitations)',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'value',
        organizer: 'value',
      },
      foreign: ORGANIZERS_ONLY,
    },
    run: async (c, f) => {
      await f.freshInvitationId();
      return read<{ cityInvitations: Array<{ email: string }> }>(
        c,
        'query($s: String!) { cityInvitations(citySlug: $s) { email } }',
        { s: f.slug },
        (data) => data.cityInvitations.map((i) => i.email),
      );
    },
  },
  {
    // The workspace lists open invitations (e-mail addresses) to coordinators only.
    field: 'CityWorkspace.pendingInvitations.email',
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'nothing',
        coordinator: 'value',
        organizer: 'FORBIDDEN',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'FORBIDDEN',
      },
    },
    run: async (c, f) => {
      await f.freshInvitationId();
      return read<{ cityWorkspace: { pendingInvitations: Array<{ email: string }> | null } }>(
        c,
        'query($s: String!) { cityWorkspace(citySlug: $s) { pendingInvitations { email } } }',
        { s: f.slug },
        (data) => (data.cityWorkspace.pendingInvitations ?? []).map((i) => i.email),
      );
    },
  },
  {
    field: 'Participant.name/email (conference registrations)',
    secret: () => 'geheim@stadt.example',
    expect: {
      own: { anonymous: 'nothing', member: 'value', coordinator: 'value', organizer: 'value' },
      foreign: {
        anonymous: 'nothing',
        member: 'nothing',
        coordinator: 'nothing',
        organizer: 'value',
      },
    },
    run: (c, f) =>
      read<{
        conference: {
          registrations: Array<{
            city: { slug: string };
            participants: Array<{ name: string; email: string }>;
          }>;
        };
      }>(
        c,
        'query($id: ID!) { conference(id: $id) { registrations { city { slug } participants { name email } } } }',
        { id: f.conferenceId },
        (data) =>
          data.conference.registrations
            .filter((r) => r.city.slug === f.slug)
            .flatMap((r) => r.participants.flatMap((p) => [p.name, p.email])),
      ),
  },
  {
    // The organizers' export lists every city's participants.
    field: 'Participant.email (registrations CSV export)',
    secret: () => 'geheim@stadt.example',
    expect: same(ORGANIZERS_ONLY),
    run: async (c, f) => {
      const response = await fetchFile(
        c,
        `${f.api.url}/export/conferences/${f.conferenceId}/registrations.csv`,
      );
      const file = response.data?.file;
      return {
        response,
        values: typeof file === 'string' ? (file.match(/geheim@stadt\.example/g) ?? []) : [],
      };
    },
  },
  {
    // A practice's contact person is what the city publishes with it: seen with the practice.
    field: 'Practice.contactName/contactEmail (PUBLIC, published)',
    expect: same({ anonymous: 'value', member: 'value', coordinator: 'value', organizer: 'value' }),
    run: async (c, f) =>
      read<{ practice: { contactName: string; contactEmail: string } | null }>(
        c,
        'query($id: ID!) { practice(id: $id) { contactName contactEmail } }',
        { id: await f.freshPractice('PUBLISHED', 'PUBLIC') },
        (data) => (data.practice ? [data.practice.contactName, data.practice.contactEmail] : []),
      ),
  },
  {
    field: 'Practice.contactName/contactEmail (CITY, published)',
    secret: () => 'kontakt.matrix@stadt.example',
    expect: {
      own: { anonymous: 'nothing', member: 'value', coordinator: 'value', organizer: 'nothing' },
      foreign: {
        anonymous: 'nothing',
        member: 'nothing',
        coordinator: 'nothing',
        organizer: 'nothing',
      },
    },
    run: async (c, f) =>
      read<{ practice: { contactName: string; contactEmail: string } | null }>(
        c,
        'query($id: ID!) { practice(id: $id) { contactName contactEmail } }',
        { id: await f.freshPractice('PUBLISHED', 'CITY') },
        (data) => (data.practice ? [data.practice.contactName, data.practice.contactEmail] : []),
      ),
  },
  {
    field: 'Me.email/locale/emailNotifications/networkRole (only the person)',
    expect: same({
      anonymous: 'nothing',
      member: 'value',
      coordinator: 'value',
      organizer: 'value',
    }),
    run: (c) =>
      read<{
        me: {
          email: string;
          locale: string;
          emailNotifications: boolean;
          networkRole: string;
        } | null;
      }>(c, '{ me { email locale emailNotifications networkRole } }', {}, (data) =>
        data.me
          ? [data.me.email, data.me.locale, data.me.emailNotifications, data.me.networkRole]
          : [],
      ),
  },
  {
    field: 'Me.mailTandem/mailCity/mailNetwork (only the person)',
    expect: same({
      anonymous: 'nothing',
      member: 'value',
      coordinator: 'value',
      organizer: 'value',
    }),
    run: (c) =>
      read<{ me: { mailTandem: string; mailCity: string; mailNetwork: string } | null }>(
        c,
        '{ me { mailTandem mailCity mailNetwork } }',
        {},
        (data) => (data.me ? [data.me.mailTandem, data.me.mailCity, data.me.mailNetwork] : []),
      ),
  },
  {
    // Not sensitive: the city's coordinators (and the named field contacts, none here).
    field: 'QueueSuggestion.contact (non-sensitive field)',
    secret: (f) => `anwohnerin.${f.slug}@stadt.example`,
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'value',
        organizer: 'FORBIDDEN',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'FORBIDDEN',
      },
    },
    run: async (c, f) => {
      const { initiativeId } = await freshSuggestion(f);
      return read<{ suggestionQueue: Array<{ contact: { email: string | null } | null }> }>(
        c,
        'query($id: ID!) { suggestionQueue(initiativeId: $id) { contact { email } } }',
        { id: initiativeId },
        (data) => data.suggestionQueue.map((s) => s.contact?.email ?? null),
      );
    },
  },
  {
    // Sensitive: only the named field contacts, not even the coordinator.
    field: 'QueueSuggestion.contact (sensitive field)',
    secret: (f) => `anwohnerin.${f.slug}@stadt.example`,
    expect: {
      own: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'nothing',
        organizer: 'FORBIDDEN',
      },
      foreign: {
        anonymous: 'UNAUTHENTICATED',
        member: 'FORBIDDEN',
        coordinator: 'FORBIDDEN',
        organizer: 'FORBIDDEN',
      },
    },
    run: async (c, f) => {
      const { initiativeId } = await freshSuggestion(f, true);
      return read<{ suggestionQueue: Array<{ contact: { email: string | null } | null }> }>(
        c,
        'query($id: ID!) { suggestionQueue(initiativeId: $id) { contact { email } } }',
        { id: initiativeId },
        (data) => data.suggestionQueue.map((s) => s.contact?.email ?? null),
      );
    },
  },
  {
    field: 'Session.userAgent (only your own sessions)',
    expect: same(SIGNED_IN_ONLY),
    run: (c) =>
      read<{ sessions: Array<{ userAgent: string | null }> }>(
        c,
        '{ sessions { userAgent } }',
        {},
        (data) => data.sessions.map((s) => s.userAgent),
      ),
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
      let mainTandemId: string | null = null;
      const insertTandem = async (status: string, partnerId: string) => {
        // Partners are reused once all are taken: close the pair's earlier fresh tandem.
        await api.ownerQuery(
          `UPDATE tandem SET status = CASE WHEN status = 'PROPOSED' THEN 'DECLINED' ELSE 'CONCLUDED' END
            WHERE city_id = $1 AND partner_city_id = $2 AND status IN ('PROPOSED', 'ACTIVE')
              AND id IS DISTINCT FROM $3::uuid`,
          [city.id, partnerId, mainTandemId],
        );
        const [row] = await api.ownerQuery<{ id: string }>(
          `INSERT INTO tandem (city_id, partner_city_id, status, new_city_accepted_at, partner_city_accepted_at)
           VALUES ($1, $2, $3, CASE WHEN $3 = 'ACTIVE' THEN now() END, CASE WHEN $3 = 'ACTIVE' THEN now() END) RETURNING id`,
          [city.id, partnerId, status],
        );
        return row.id;
      };
      const mainPartner = takePartner();
      const tandemId = await insertTandem('ACTIVE', mainPartner.id);
      mainTandemId = tandemId;
      // Fresh tandems never reuse the main tandem's partner (one open tandem per pair).
      const takeFreshPartner = () => {
        const partner = takePartner();
        return partner.id === mainPartner.id ? takePartner() : partner;
      };
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
      const freshWaitlisted = async () => {
        const conference = await freshConference();
        const rows = await api.ownerQuery<{ id: string }>(
          `INSERT INTO registration (city_id, conference_id, status, participant_count, split_rest)
           VALUES ($1, $2, 'WAITLISTED', 1, false), ($1, $2, 'WAITLISTED', 1, true) RETURNING id`,
          [city.id, conference],
        );
        await api.ownerQuery(`UPDATE conference SET waitlisted_registrations = 2 WHERE id = $1`, [
          conference,
        ]);
        return rows[1].id;
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
      const [colleague] = await api.ownerQuery<{ id: string }>(
        `WITH u AS (INSERT INTO app_user (email, display_name, password_hash) VALUES ($1, $2, 'x') RETURNING id)
         INSERT INTO membership (city_id, user_id, role) SELECT $3, id, 'MEMBER' FROM u RETURNING user_id AS id`,
        [`kollegin.${slug}@stadt.example`, `Kollegin ${slug}`, city.id],
      );
      // Rows in the colleague's name: a tandem note and an audit entry.
      const [tandem] = await api.ownerQuery<{ partner_city_id: string }>(
        'SELECT partner_city_id FROM tandem WHERE id = $1',
        [tandemId],
      );
      const [colleagueNote] = await api.ownerQuery<{ id: string }>(
        `INSERT INTO tandem_note (city_id, tandem_id, partner_city_id, author_id, author_city_id, kind, body)
         VALUES ($1, $2, $3, $4, $1, 'NOTE', 'Notiz der Kollegin') RETURNING id`,
        [city.id, tandemId, tandem.partner_city_id, colleague.id],
      );
      await api.ownerQuery(
        `INSERT INTO audit_log (city_id, actor_user_id, action, target) VALUES ($1, $2, 'MATRIX_PERSONAL', 'x')`,
        [city.id, colleague.id],
      );
      const storage = api.platform.app.get<FileStorage>(FILE_STORAGE);
      const freshPractice = async (status: PracticeStatus, visibility: PracticeVisibility) => {
        const [created] = await api.ownerQuery<{ id: string }>(
          `INSERT INTO practice (city_id, title, summary, status, visibility, published_at, contact_name, contact_email)
           VALUES ($1, 'Matrix-Praxis', 'Nur für den Test', $2, $3, CASE WHEN $2 <> 'DRAFT' THEN now() END,
                   'Kontakt Matrix', 'kontakt.matrix@stadt.example') RETURNING id`,
          [city.id, status, visibility],
        );
        await api.ownerQuery(
          `INSERT INTO practice_revision (city_id, practice_id, number, author_id, snapshot) SELECT $1, $2, 1, $4, jsonb_build_object(
             'title', 'Matrix-Praxis', 'summary', 'Nur für den Test', 'body', '', 'visibility', $3::text, 'tags', '[]'::jsonb,
             'topicSlugs', '[]'::jsonb, 'links', '[]'::jsonb)`,
          [city.id, created.id, visibility, colleague.id],
        );
        return created.id;
      };
      fixtures.set(target, {
        api,
        slug,
        colleagueId: colleague.id,
        colleagueNoteId: colleagueNote.id,
        freshPractice,
        async freshAttachment(status, visibility) {
          const practiceId = await freshPractice(status, visibility);
          const id = randomUUID();
          const content = Buffer.from('%PDF-1.4\n');
          const key = `${city.id}/${practiceId}/${id}`;
          await storage.put(key, content);
          await api.ownerQuery(
            `INSERT INTO practice_attachment (city_id, id, practice_id, file_name, content_type, size_bytes, storage_key)
             VALUES ($1, $2, $3, 'matrix.pdf', 'application/pdf', $4, $5)`,
            [city.id, id, practiceId, content.length, key],
          );
          return id;
        },
        tandemId,
        conferenceId,
        freshConference,
        freshRegistration,
        freshWaitlisted,
        freshTandem: (status) => insertTandem(status, takeFreshPartner().id),
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
        async throwawayUserId() {
          const [created] = await api.ownerQuery<{ user_id: string }>(
            `WITH u AS (INSERT INTO app_user (email, display_name, password_hash) VALUES ($1, 'Matrix', 'x') RETURNING id)
             INSERT INTO membership (city_id, user_id, role) SELECT $2, id, 'MEMBER' FROM u RETURNING user_id`,
            [`erasable.${Math.random().toString(36).slice(2)}@stadt.example`, city.id],
          );
          return created.user_id;
        },
        async freshInvitationToken() {
          const token = newToken();
          await api.ownerQuery(
            `INSERT INTO invitation (city_id, email, role, token_hash, invited_by, expires_at)
             VALUES ($1, $2, 'MEMBER', $3, $4, now() + interval '1 day')`,
            [
              city.id,
              `link.${Math.random().toString(36).slice(2)}@stadt.example`,
              hashToken(token),
              user.id,
            ],
          );
          return token;
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

  async function clientFor(
    role: Role,
    fresh: boolean,
    cache: Map<Role, Client> = clients,
  ): Promise<Client> {
    if (role === 'anonymous') return api.client();
    const cached = cache.get(role);
    if (cached && !fresh) return cached;
    const client = role === 'organizer' ? await api.as('organizer') : await api.as(role, OWN);
    if (!fresh) cache.set(role, client);
    return client;
  }
  /** Sessions of their own: logoutEverywhere in the operations above ends the shared ones. */
  const personalClients = new Map<Role, Client>();

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
        // Anyone else: never a CITY entry, never a draft (organizers too: drafts stay in
        // their city; organizers may see archived entries, which they curate).
        expect(practice.visibility).not.toBe('CITY');
        expect(practice.status).not.toBe('DRAFT');
        if (role !== 'organizer') expect(practice.status).toBe('PUBLISHED');
        if (role === 'anonymous') expect(practice.visibility).toBe('PUBLIC');
      }
    } else if (expected === 'hidden') {
      expect(response.errors).toBeUndefined();
      expect(Object.values(response.data ?? {}).every((value) => value === null)).toBe(true);
    } else {
      expect([expected, ...(testCase.alsoRefusedAs ?? [])]).toContain(
        response.errors?.[0].extensions?.code,
      );
      // A refused operation returns no data at all, so nothing foreign can slip out.
      const values = Object.values(response.data ?? {});
      expect(values.every((value) => value === null)).toBe(true);
    }
  });

  const personalRows = PERSONAL_FIELDS.flatMap((personal) =>
    (['own', 'foreign'] as const).flatMap((target) =>
      (['anonymous', 'member', 'coordinator', 'organizer'] as const).map(
        (role) => [personal.field, target, role, personal] as const,
      ),
    ),
  );

  it.each(personalRows)('%s on the %s city as %s', async (_field, target, role, personal) => {
    const client = await clientFor(role, false, personalClients);
    const { response, values } = await personal.run(client, fixtures.get(target)!);
    const expected = personal.expect[target][role];
    const secret = personal.secret?.(fixtures.get(target)!);
    // Whoever does not get the value does not find it elsewhere in the answer either.
    if (secret && expected !== 'value') expect(JSON.stringify(response)).not.toContain(secret);
    if (expected === 'value') {
      expect(response.errors).toBeUndefined();
      expect(values.length).toBeGreaterThan(0);
      for (const value of values) expect(value === null || value === '').toBe(false);
    } else if (expected === 'nothing') {
      expect(response.errors).toBeUndefined();
      for (const value of values) expect(value).toBeNull();
    } else {
      expect(response.errors?.[0].extensions?.code).toBe(expected);
      expect(values).toEqual([]);
    }
  });

  it('refuses a write to a city’s measures from another city by row-level security alone', async () => {
    await proveMeasureWritesNeedTheCity(api, fixtures.get('own')!, fixtures.get('foreign')!.cityId);
  });

  it('shows other people as Person (id, name, city): no e-mail, settings or roles', async () => {
    const { data } = await api.gql<{
      person: { fields: Array<{ name: string }> } | null;
      user: { name: string } | null;
    }>(
      '{ person: __type(name: "Person") { fields { name } } user: __type(name: "User") { name } }',
    );
    // formerMember: whether the account was erased (shown as "former member of <city>").
    expect(data?.person?.fields.map((field) => field.name).sort()).toEqual([
      'city',
      'displayName',
      'formerMember',
      'id',
    ]);
    expect(data?.user).toBeNull();
    for (const [type, field] of [
      ['PracticeRevision', 'author'],
      ['TandemNote', 'author'],
      ['AuditEntry', 'actor'],
      ['Membership', 'user'],
    ]) {
      const shown = await api.gql<{
        __type: {
          fields: Array<{
            name: string;
            type: { name: string | null; ofType: { name: string } | null };
          }>;
        };
      }>(
        'query($t: String!) { __type(name: $t) { fields { name type { name ofType { name } } } } }',
        {
          t: type,
        },
      );
      const found = shown.data?.__type.fields.find((candidate) => candidate.name === field);
      expect(found?.type.name ?? found?.type.ofType?.name).toBe('Person');
    }
  });

  it('answers the attack of finding 4 (author e-mail and settings, anonymously) with a validation error', async () => {
    const id = await fixtures.get('own')!.freshPractice('PUBLISHED', 'PUBLIC');
    const response = await api.gql(
      'query($id: ID!) { practiceRevisions(id: $id) { author { email networkRole emailNotifications } } }',
      { id },
    );
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(response)).not.toContain('@stadt.example');
    const names = await api.gql<{ practiceRevisions: Array<{ author: { displayName: string } }> }>(
      'query($id: ID!) { practiceRevisions(id: $id) { author { id displayName city { slug } } } }',
      { id },
    );
    expect(names.errors).toBeUndefined();
    expect(names.data?.practiceRevisions[0].author).toMatchObject({
      displayName: `Kollegin ${OWN}`,
      city: { slug: OWN },
    });
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
