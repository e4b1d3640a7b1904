import { startTestPlatform, type Client, type TestPlatform } from './harness';

const CITY = 'blankenburg-harz';
const FOREIGN = 'bad-hersfeld';
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('not really pixels, but the signature is what the check reads'),
]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

const PROFILE = `query($slug: String!) { city(slug: $slug) {
  profile brandColor viewerCanEditProfile viewerCanReadProfileHistory
  focusTopics { slug }
  details { about contactName contactRole contactEmail contactPhone address website brandColor logoUrl revision }
} }`;
const UPDATE = `mutation($input: UpdateCityProfileInput!) { updateCityProfile(input: $input) {
  slug details { revision about website brandColor } focusTopics { slug } } }`;
const HISTORY = `query($slug: String!) { cityProfileRevisions(citySlug: $slug) {
  number createdAt about focusTopicSlugs snapshotJson author { id displayName } } }`;

interface Details {
  revision: number;
  about: string;
  website: string | null;
  logoUrl: string | null;
  contactEmail: string | null;
}
interface CityAnswer {
  city: {
    profile: string | null;
    viewerCanEditProfile: boolean;
    viewerCanReadProfileHistory: boolean;
    focusTopics: Array<{ slug: string }>;
    details: Details;
  };
}

describe('city profiles', () => {
  let api: TestPlatform;
  let coordinator: Client;
  let member: Client;
  let organizer: Client;
  let foreignCoordinator: Client;

  function input(revision: number, changes: Record<string, unknown> = {}) {
    return {
      citySlug: CITY,
      expectedRevision: revision,
      about: 'Blankenburg verbindet **Ehrenamt** und Verwaltung.',
      focusTopicSlugs: ['digitalisierung', 'beteiligung'],
      contactName: 'Wiebke Harzfelder',
      contactRole: 'Koordination',
      contactEmail: 'kontakt@blankenburg.example',
      contactPhone: '+49 555 1234',
      address: 'Rathaus\nMarkt 1\nBlankenburg',
      website: 'https://engagiert.blankenburg.example',
      brandColor: '#2E5E1F',
      ...changes,
    };
  }

  async function current(client: Client = coordinator): Promise<CityAnswer['city']> {
    const answer = await client.gql<CityAnswer>(PROFILE, { slug: CITY });
    expect(answer.errors).toBeUndefined();
    return answer.data!.city;
  }

  async function upload(
    client: Client | null,
    name: string,
    content: Buffer,
    revision: number,
    origin = true,
  ) {
    const form = new FormData();
    form.append('expectedRevision', String(revision));
    form.append('file', new Blob([new Uint8Array(content)]), name);
    const response = await fetch(`${api.url}/api/cities/${CITY}/logo`, {
      method: 'POST',
      body: form,
      headers: client?.cookie
        ? {
            cookie: client.cookie,
            ...(origin ? { origin: new URL(api.url).origin } : { origin: 'https://evil.example' }),
          }
        : {},
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        revision?: number;
        logoUrl?: string;
        errors?: Array<{ extensions: Record<string, unknown> }>;
      },
    };
  }

  beforeAll(async () => {
    api = await startTestPlatform();
    coordinator = await api.as('coordinator', CITY);
    member = await api.as('member', CITY);
    organizer = await api.as('organizer');
    foreignCoordinator = await api.as('coordinator', FOREIGN);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('shows the seeded profile to everyone, with invented contacts under .example', async () => {
    const city = await current(api.client());
    expect(city.details.contactEmail).toMatch(/\.example$/);
    expect(city.profile).toBeTruthy();
    expect(city.viewerCanEditProfile).toBe(false);
    expect((await current(member)).viewerCanEditProfile).toBe(false);
    expect((await current(member)).viewerCanReadProfileHistory).toBe(true);
    expect((await current(coordinator)).viewerCanEditProfile).toBe(true);
    expect((await current(organizer)).viewerCanEditProfile).toBe(true);
    expect((await current(foreignCoordinator)).viewerCanEditProfile).toBe(false);
  });

  it('saves an edit as the next revision, shown on the city and in the history', async () => {
    const before = await current();
    const saved = await coordinator.gql<{
      updateCityProfile: {
        details: Details & { brandColor: string };
        focusTopics: Array<{ slug: string }>;
      };
    }>(UPDATE, { input: input(before.details.revision) });
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.updateCityProfile.details.revision).toBe(before.details.revision + 1);
    expect(saved.data!.updateCityProfile.details.brandColor).toBe('#2e5e1f');
    expect(saved.data!.updateCityProfile.focusTopics.map((t) => t.slug).sort()).toEqual([
      'beteiligung',
      'digitalisierung',
    ]);
    const second = await organizer.gql(UPDATE, {
      input: input(before.details.revision + 1, { about: 'Vom Netzwerkbüro ergänzt.' }),
    });
    expect(second.errors).toBeUndefined();
    expect((await current(api.client())).profile).toBe('Vom Netzwerkbüro ergänzt.');

    const history = await member.gql<{
      cityProfileRevisions: Array<{
        number: number;
        about: string;
        snapshotJson: string;
        author: { id: string; displayName: string } & Record<string, unknown>;
      }>;
    }>(HISTORY, { slug: CITY });
    expect(history.errors).toBeUndefined();
    const [newest, older] = history.data!.cityProfileRevisions;
    expect(newest.number).toBe(before.details.revision + 2);
    expect(newest.about).toBe('Vom Netzwerkbüro ergänzt.');
    expect(newest.author.displayName).toBe('Netzwerkbüro (Demo)');
    expect(older.author.displayName).toBe('Koordination Blankenburg (Harz)');
    expect(JSON.parse(older.snapshotJson)).toMatchObject({
      website: 'https://engagiert.blankenburg.example',
    });
    // A Person: no e-mail among the fields of an author.
    const withEmail = await member.gql(
      `query($slug: String!) { cityProfileRevisions(citySlug: $slug) { author { email } } }`,
      { slug: CITY },
    );
    expect(withEmail.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a save based on an older revision and changes nothing', async () => {
    const before = await current();
    const stale = await coordinator.gql(UPDATE, {
      input: input(before.details.revision - 1, { about: 'Überschreibt nichts' }),
    });
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'STALE_REVISION',
      field: 'input.expectedRevision',
    });
    expect((await current()).details).toEqual(before.details);
  });

  it.each([
    ['website', 'javascript:alert(1)', 'input.website'],
    ['website', 'ftp://files.example', 'input.website'],
    ['brandColor', 'red', 'input.brandColor'],
    ['contactEmail', 'nicht-eine-adresse', 'input.contactEmail'],
    ['contactPhone', 'ruf mich an', 'input.contactPhone'],
    ['about', 'x'.repeat(20_001), 'input.about'],
  ])('refuses an invalid %s with its field', async (key, value, field) => {
    const before = await current();
    const answer = await coordinator.gql(UPDATE, {
      input: input(before.details.revision, { [key]: value }),
    });
    expect(answer.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_FIELD',
      field,
    });
    expect((await current()).details.revision).toBe(before.details.revision);
  });

  it('refuses an unknown focus topic on its position', async () => {
    const before = await current();
    const answer = await coordinator.gql(UPDATE, {
      input: input(before.details.revision, { focusTopicSlugs: ['beteiligung', 'gibt-es-nicht'] }),
    });
    expect(answer.errors?.[0].extensions).toMatchObject({
      reason: 'UNKNOWN_TOPIC',
      field: 'input.focusTopicSlugs.1',
    });
  });

  it('refuses editing to members, other cities and anonymous callers', async () => {
    const { revision } = (await current()).details;
    expect(
      (await member.gql(UPDATE, { input: input(revision) })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await foreignCoordinator.gql(UPDATE, { input: input(revision) })).errors?.[0].extensions
        ?.code,
    ).toBe('FORBIDDEN');
    expect((await api.gql(UPDATE, { input: input(revision) })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      (await foreignCoordinator.gql(HISTORY, { slug: CITY })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await api.gql(HISTORY, { slug: CITY })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await current()).details.revision).toBe(revision);
  });

  it('takes a PNG logo and serves it with its type and nosniff; refuses SVG and disguised files', async () => {
    const { revision } = (await current()).details;
    const svg = await upload(coordinator, 'logo.svg', SVG, revision);
    expect(svg.status).toBe(400);
    expect(svg.body.errors?.[0].extensions).toMatchObject({
      reason: 'FILE_TYPE_NOT_ALLOWED',
      field: 'file',
    });
    const disguised = await upload(coordinator, 'logo.png', SVG, revision);
    expect(disguised.body.errors?.[0].extensions).toMatchObject({
      reason: 'FILE_TYPE_NOT_ALLOWED',
    });
    const big = await upload(
      coordinator,
      'logo.png',
      Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]),
      revision,
    );
    expect(big.body.errors?.[0].extensions).toMatchObject({ reason: 'FILE_TOO_LARGE' });
    expect(
      (await upload(member, 'logo.png', PNG, revision)).body.errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    // The CSRF guard covers the upload: a signed-in request from another site is refused.
    const crossSite = await upload(coordinator, 'logo.png', PNG, revision, false);
    expect(crossSite.status).toBe(403);
    expect(crossSite.body.errors?.[0].extensions).toMatchObject({ reason: 'CROSS_SITE_REQUEST' });
    const stale = await upload(coordinator, 'logo.png', PNG, revision - 1);
    expect(stale.body.errors?.[0].extensions).toMatchObject({ reason: 'STALE_REVISION' });
    expect((await current()).details.revision).toBe(revision);

    const ok = await upload(coordinator, 'logo.png', PNG, revision);
    expect(ok.status).toBe(201);
    expect(ok.body.revision).toBe(revision + 1);
    const { details } = await current(api.client());
    expect(details.logoUrl).toBe(ok.body.logoUrl);
    const served = await fetch(`${api.url}${details.logoUrl}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);

    const removed = await coordinator.gql(
      `mutation($slug: String!, $rev: Int!) { removeCityLogo(citySlug: $slug, expectedRevision: $rev) { details { logoUrl revision } } }`,
      { slug: CITY, rev: revision + 1 },
    );
    expect(removed.errors).toBeUndefined();
    expect((await fetch(`${api.url}${details.logoUrl}`)).status).toBe(404);
  });

  it('keeps the rows to row-level security: the app role cannot write another city', async () => {
    const rows = await api.ownerQuery<{ relrowsecurity: boolean; relforcerowsecurity: boolean }>(
      `SELECT relrowsecurity, relforcerowsecurity FROM pg_class
        WHERE relname IN ('city_profile', 'city_profile_revision', 'city_focus_topic')`,
    );
    expect(rows).toHaveLength(3);
    for (const row of rows)
      expect(row).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('seeds practices with dates in order (first revision before publication, none dated today)', async () => {
    const [row] = await api.ownerQuery<{ wrong: number; today: number }>(
      `SELECT count(*) FILTER (WHERE r.created_at > p.published_at)::int AS wrong,
              count(*) FILTER (WHERE p.published_at > now() - interval '1 day')::int AS today
         FROM practice p JOIN practice_revision r ON r.city_id = p.city_id AND r.practice_id = p.id AND r.number = 1
        WHERE p.id IN (SELECT id FROM practice WHERE contact_email LIKE 'engagement@%.example')`,
    );
    expect(row).toEqual({ wrong: 0, today: 0 });
  });
});
