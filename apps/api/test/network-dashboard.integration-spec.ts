import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { UnfoundSearchRetentionJob } from '../src/modules/statistics/unfound-search-retention.job';
import { UnfoundSearchService } from '../src/modules/statistics/unfound-search.service';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

/**
 * The dashboard's figures on data this file makes: three cities of a cohort nobody else uses
 * (2002, so every figure narrowed to it counts only this file's rows), and search words
 * with this file's tag. Other files run at the same time; nothing here reads their rows.
 */
const COHORT = 2002;

const FIGURES = `query($cohort: Int) { networkFigures(cohort: $cohort) {
  cohort cohorts
  citiesByState { federalState cohort cities }
  practicesByTopic { slug practices }
  practicesByMonth { month practices }
  conferencesByKind { kind conferences held } } }`;
const DASHBOARD = `query($cohort: Int) { networkDashboard(cohort: $cohort) {
  cohort
  tandemsByStatus { status tandems averageDays }
  tandemDurations { halfYears tandems }
  registrationsByState { federalState registrations participants attended }
  followUpsByCity { citySlug cityName open overdue }
  unfoundSearches { term searches lastDay } } }`;

interface Figures {
  networkFigures: {
    cohort: number | null;
    cohorts: number[];
    citiesByState: Array<{ federalState: string; cohort: number; cities: number }>;
    practicesByTopic: Array<{ slug: string; practices: number }>;
    practicesByMonth: Array<{ month: string; practices: number }>;
    conferencesByKind: Array<{ kind: string; conferences: number; held: number }>;
  };
}
interface Dashboard {
  networkDashboard: {
    cohort: number | null;
    tandemsByStatus: Array<{ status: string; tandems: number; averageDays: number | null }>;
    tandemDurations: Array<{ halfYears: number; tandems: number }>;
    registrationsByState: Array<{
      federalState: string;
      registrations: number;
      participants: number;
      attended: number;
    }>;
    followUpsByCity: Array<{ citySlug: string; cityName: string; open: number; overdue: number }>;
    unfoundSearches: Array<{ term: string; searches: number; lastDay: string }>;
  };
}

describe('network figures and dashboard', () => {
  let api: TestPlatform;
  let organizer: Client;
  let member: Client;
  let coordinator: Client;
  const tag = randomBytes(4).toString('hex');
  const slugs = ['a', 'b', 'c'].map((letter) => `dash-${letter}-${tag}`);
  const ids: string[] = [];
  let topicSlug = '';

  const one = async <T>(sql: string, params: unknown[] = []): Promise<T> =>
    (await api.ownerQuery<T>(sql, params))[0];
  const count = (response: unknown) =>
    (response as { extensions: { queryCount: number } }).extensions.queryCount;

  const addPractice = async (cityId: string, visibility: string, publishedAt: string) => {
    const practice = await one<{ id: string }>(
      `INSERT INTO practice (city_id, title, summary, status, visibility, published_at)
       VALUES ($1, 'Zahlen-Praxis ' || $4, 'Zusammenfassung', 'PUBLISHED', $2, $3) RETURNING id`,
      [cityId, visibility, publishedAt, tag],
    );
    await api.ownerQuery(
      `INSERT INTO practice_topic (city_id, practice_id, topic_id) SELECT $1, $2, id FROM topic WHERE slug = $3`,
      [cityId, practice.id, topicSlug],
    );
  };

  beforeAll(async () => {
    api = await startTestPlatform();
    organizer = await api.as('organizer');
    member = await api.as('member', 'goch');
    coordinator = await api.as('coordinator', 'goch');
    topicSlug = (await one<{ slug: string }>('SELECT slug FROM topic ORDER BY slug LIMIT 1')).slug;
    for (const [index, slug] of slugs.entries()) {
      const state = index === 2 ? 'DE-BY' : 'DE-NW';
      const city = await one<{ id: string }>(
        `INSERT INTO city (slug, name, kind, federal_state, joined_year)
         VALUES ($1, $2, 'COMMUNITY', $3, $4) RETURNING id`,
        [slug, `Zahlenstadt ${index} ${tag}`, state, COHORT],
      );
      ids.push(city.id);
    }
  });

  afterAll(async () => {
    if (ids.length) {
      await api.ownerQuery(
        `DELETE FROM follow_up_action WHERE responsible_city_id = ANY ($1::uuid[])`,
        [ids],
      );
      await api.ownerQuery(`DELETE FROM conference WHERE title LIKE $1`, [`%${tag}%`]);
      await api.ownerQuery(`DELETE FROM city WHERE id = ANY ($1::uuid[])`, [ids]);
      await api.ownerQuery(`DELETE FROM unfound_search WHERE term LIKE $1`, [`%${tag}%`]);
    }
    await api?.stop();
  });

  it('counts cities per state, published practices per topic and month, conferences: public ones for everybody', async () => {
    const anonymousBefore = await api.gql<Figures>(FIGURES, { cohort: COHORT });
    expect(anonymousBefore.errors).toBeUndefined();

    await addPractice(ids[0], 'PUBLIC', '2025-03-10T10:00:00Z');
    await addPractice(ids[0], 'PUBLIC', '2025-03-20T10:00:00Z');
    await addPractice(ids[1], 'NETWORK', '2025-04-02T10:00:00Z');
    // Drafts are not counted, nor are cancelled conferences.
    await api.ownerQuery(
      `INSERT INTO practice (city_id, title, summary) VALUES ($1, 'Entwurf ' || $2, 'Zusammenfassung')`,
      [ids[0], tag],
    );
    await api.ownerQuery(
      `INSERT INTO conference (title, kind, starts_at, ends_at, capacity, status, host_city_id) VALUES
         ('Zahlen gehalten ' || $2, 'TRAINING', now() - interval '3 days', now() - interval '2 days', 50, 'HELD', $1),
         ('Zahlen geplant ' || $2, 'TRAINING', now() + interval '30 days', now() + interval '31 days', 50, 'OPEN', $1),
         ('Zahlen abgesagt ' || $2, 'ONLINE_EXCHANGE', now() + interval '30 days', now() + interval '31 days', 50, 'CANCELLED', $1)`,
      [ids[2], tag],
    );

    const anonymous = await api.gql<Figures>(FIGURES, { cohort: COHORT });
    const signedIn = await member.gql<Figures>(FIGURES, { cohort: COHORT });
    expect(anonymous.errors).toBeUndefined();
    const figures = anonymous.data!.networkFigures;
    expect(figures.cohort).toBe(COHORT);
    expect(figures.cohorts).toContain(COHORT);
    expect(figures.citiesByState).toEqual([
      { federalState: 'DE-BY', cohort: COHORT, cities: 1 },
      { federalState: 'DE-NW', cohort: COHORT, cities: 2 },
    ]);
    // Row-level security counts what the caller may read: the network-only practice is
    // counted for a member, not for a visitor.
    expect(figures.practicesByTopic).toEqual([{ slug: topicSlug, practices: 2 }]);
    expect(figures.practicesByMonth).toEqual([{ month: '2025-03', practices: 2 }]);
    expect(signedIn.data!.networkFigures.practicesByTopic).toEqual([
      { slug: topicSlug, practices: 3 },
    ]);
    expect(signedIn.data!.networkFigures.practicesByMonth).toEqual([
      { month: '2025-03', practices: 2 },
      { month: '2025-04', practices: 1 },
    ]);
    expect(figures.conferencesByKind).toEqual([{ kind: 'TRAINING', conferences: 2, held: 1 }]);

    // Without a cohort the figures cover the whole network and include this file's cities.
    const all = await api.gql<Figures>(FIGURES);
    const nw = all.data!.networkFigures.citiesByState.find(
      (row) => row.federalState === 'DE-NW' && row.cohort === COHORT,
    );
    expect(nw?.cities).toBe(2);
    expect(all.data!.networkFigures.cohort).toBeNull();
  });

  it('refuses the detailed figures to everybody but organizers, with a typed error', async () => {
    const anonymous = await api.gql<Dashboard>(DASHBOARD);
    expect(anonymous.data?.networkDashboard ?? null).toBeNull();
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const caller of [member, coordinator]) {
      const refused = await caller.gql<Dashboard>(DASHBOARD);
      expect(refused.data?.networkDashboard ?? null).toBeNull();
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('rejects a cohort that is no joining year', async () => {
    const wrong = await api.gql<Figures>(FIGURES, { cohort: 1850 });
    expect(wrong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'COHORT_OUT_OF_RANGE',
      field: 'cohort',
    });
  });

  it('shows organizers tandems with durations, registrations by state, open and overdue follow-ups by city', async () => {
    await api.ownerQuery(
      `INSERT INTO tandem (city_id, partner_city_id, status, starts_on, planned_end_on, concluded_at) VALUES
         ($1, $2, 'CONCLUDED', current_date - 400, current_date - 10, now() - interval '35 days'),
         ($3, $2, 'ACTIVE', current_date - 100, current_date + 265, NULL)`,
      [ids[0], ids[1], ids[2]],
    );
    const held = await one<{ id: string }>(`SELECT id FROM conference WHERE title = $1`, [
      `Zahlen gehalten ${tag}`,
    ]);
    const open = await one<{ id: string }>(`SELECT id FROM conference WHERE title = $1`, [
      `Zahlen geplant ${tag}`,
    ]);
    await api.ownerQuery(
      `INSERT INTO registration (city_id, conference_id, status, participant_count) VALUES
         ($1, $3, 'CONFIRMED', 3), ($1, $4, 'CONFIRMED', 2), ($2, $3, 'CANCELLED', 4), ($2, $4, 'WAITLISTED', 1)`,
      [ids[0], ids[2], held.id, open.id],
    );
    const record = await one<{ id: string }>(
      `INSERT INTO conference_record (conference_id) VALUES ($1) RETURNING id`,
      [held.id],
    );
    await api.ownerQuery(
      `INSERT INTO follow_up_action (record_id, what, responsible_city_id, due_on, status) VALUES
         ($1, 'Bericht schicken', $2, current_date - 5, 'OPEN'),
         ($1, 'Termin finden', $2, current_date + 5, 'OPEN'),
         ($1, 'Erledigt schon', $2, current_date - 5, 'DONE'),
         ($1, 'Liste teilen', $3, NULL, 'OPEN')`,
      [record.id, ids[0], ids[1]],
    );

    const response = await organizer.gql<Dashboard>(DASHBOARD, { cohort: COHORT });
    expect(response.errors).toBeUndefined();
    const dashboard = response.data!.networkDashboard;
    expect(dashboard.tandemsByStatus).toEqual([
      { status: 'ACTIVE', tandems: 1, averageDays: 100 },
      { status: 'CONCLUDED', tandems: 1, averageDays: expect.any(Number) },
    ]);
    expect(dashboard.tandemsByStatus[1].averageDays).toBeGreaterThan(360);
    expect(dashboard.tandemDurations).toEqual([
      { halfYears: 0, tandems: 1 },
      { halfYears: 1, tandems: 1 },
    ]);
    // By the federal state of the registering city; attended = confirmed and held.
    expect(dashboard.registrationsByState).toEqual([
      { federalState: 'DE-BY', registrations: 1, participants: 0, attended: 0 },
      { federalState: 'DE-NW', registrations: 2, participants: 5, attended: 3 },
    ]);
    expect(dashboard.followUpsByCity).toEqual([
      { citySlug: slugs[0], cityName: `Zahlenstadt 0 ${tag}`, open: 2, overdue: 1 },
      { citySlug: slugs[1], cityName: `Zahlenstadt 1 ${tag}`, open: 1, overdue: 0 },
    ]);
  });

  it('needs the same number of statements however much data there is', async () => {
    const smallFigures = await organizer.gql<Figures>(FIGURES, { cohort: COHORT });
    const smallDashboard = await organizer.gql<Dashboard>(DASHBOARD, { cohort: COHORT });
    for (let i = 0; i < 5; i++) await addPractice(ids[1], 'PUBLIC', `2024-0${i + 1}-05T10:00:00Z`);
    await api.ownerQuery(
      `INSERT INTO tandem (city_id, partner_city_id, status) VALUES ($1, $2, 'PROPOSED')`,
      [ids[0], ids[2]],
    );
    const largeFigures = await organizer.gql<Figures>(FIGURES, { cohort: COHORT });
    const largeDashboard = await organizer.gql<Dashboard>(DASHBOARD, { cohort: COHORT });
    expect(largeFigures.data!.networkFigures.practicesByMonth.length).toBeGreaterThan(
      smallFigures.data!.networkFigures.practicesByMonth.length,
    );
    expect(count(largeFigures)).toBe(count(smallFigures));
    expect(count(largeDashboard)).toBe(count(smallDashboard));
    expect(count(largeFigures)).toBeLessThanOrEqual(8);
    expect(count(largeDashboard)).toBeLessThanOrEqual(8);
    // Over the whole network, too.
    const everything = await organizer.gql<Figures>(FIGURES);
    expect(count(everything)).toBe(count(smallFigures));
  });

  it('counts search words that found nothing, without the person, and never e-mail- or phone-like ones', async () => {
    const log = api.platform.app.get(UnfoundSearchService);
    // Letters only: a tag with six digits in a row would look like a phone number and,
    // rightly, never be counted.
    const word = `zzqx${tag.replace(/\d/g, (digit) => 'ghijklmnop'[Number(digit)])}`;
    const search = `query($q: String!) { searchPractices(query: $q) { totalHits } }`;
    const federated = `query($q: String!) { search(query: $q) { totalCount } }`;
    expect(
      (
        await api.gql<{ searchPractices: { totalHits: number } }>(search, {
          q: `  ${word.toUpperCase()} `,
        })
      ).data!.searchPractices.totalHits,
    ).toBe(0);
    expect(
      (await member.gql<{ search: { totalCount: number } }>(federated, { q: word })).data!.search
        .totalCount,
    ).toBe(0);
    await api.gql(search, { q: `${word}@example.org` });
    await api.gql(search, { q: `${word} 0171 2345678` });
    await api.gql(search, { q: `${word} ${'x'.repeat(60)}` });
    await log.settle();

    const rows = await api.ownerQuery<Record<string, unknown>>(
      `SELECT * FROM unfound_search WHERE term LIKE $1`,
      [`${word}%`],
    );
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]).sort()).toEqual(['count', 'day', 'term']);
    expect(rows[0]).toMatchObject({ term: word, count: 2 });

    const dashboard = await organizer.gql<Dashboard>(DASHBOARD);
    expect(dashboard.data!.networkDashboard.unfoundSearches).toContainEqual({
      term: word,
      searches: 2,
      lastDay: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it('lets only organizers read unfound search words and nobody write them but through the function', async () => {
    await api.ownerQuery(
      `INSERT INTO unfound_search (term, day, count) VALUES ($1, current_date, 1) ON CONFLICT DO NOTHING`,
      [`rls-${tag}`],
    );
    const app = new pg.Client({ connectionString: inject('serviceEnv').DATABASE_URL });
    await app.connect();
    const read = async (organizerSetting: 'on' | 'off') => {
      await app.query('BEGIN');
      try {
        await app.query(`SELECT set_config('app.is_organizer', $1, true)`, [organizerSetting]);
        const { rows } = await app.query(
          'SELECT count(*)::int AS n FROM unfound_search WHERE term = $1',
          [`rls-${tag}`],
        );
        return (rows[0] as { n: number }).n;
      } finally {
        await app.query('ROLLBACK');
      }
    };
    try {
      expect(await read('off')).toBe(0);
      expect(await read('on')).toBe(1);
      await expect(
        app.query(`INSERT INTO unfound_search (term, day) VALUES ('direkt', current_date)`),
      ).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
  });

  it('deletes unfound search words after 12 months', async () => {
    const job = api.platform.app.get(UnfoundSearchRetentionJob);
    await api.ownerQuery(
      `INSERT INTO unfound_search (term, day, count) VALUES ($1, '1990-01-15', 3), ($2, '1990-06-15', 1)`,
      [`alt-${tag}`, `neuer-${tag}`],
    );
    const terms = async () =>
      (
        await api.ownerQuery<{ term: string }>(
          `SELECT term FROM unfound_search WHERE term IN ($1, $2) ORDER BY term`,
          [`alt-${tag}`, `neuer-${tag}`],
        )
      ).map((row) => row.term);
    await job.run(new Date('1991-01-14T12:00:00Z'));
    expect(await terms()).toEqual([`alt-${tag}`, `neuer-${tag}`]);
    await job.run(new Date('1991-01-15T12:00:00Z'));
    expect(await terms()).toEqual([`neuer-${tag}`]);
  });
});
