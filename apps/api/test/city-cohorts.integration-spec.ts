import { supportPhase } from '@wissensnetz/domain';
import { DEMO_CITIES } from '../src/seed/demo-cities';
import { startTestPlatform, type TestPlatform } from './harness';

interface CohortNode {
  slug: string;
  joinedYear: number;
  cohort: number;
  supportPhase: string;
}
interface CohortPage {
  cities: { totalCount: number; edges: Array<{ node: CohortNode }> };
}

const COHORTS = `
  query Cohorts($filter: CityFilter) {
    cities(first: 100, filter: $filter) {
      totalCount
      edges { node { slug joinedYear cohort supportPhase } }
    }
  }`;

const demo = new Map(DEMO_CITIES.map((city) => [city.slug, city]));

describe('cohorts and the support period through GraphQL', () => {
  let api: TestPlatform;

  beforeAll(async () => {
    api = await startTestPlatform();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('gives every city its cohort and the support phase by the server clock', async () => {
    const { data, errors } = await api.gql<CohortPage>(COHORTS, {});
    expect(errors).toBeUndefined();
    const nodes = data!.cities.edges.map((edge) => edge.node);
    const today = new Date();
    for (const node of nodes) {
      expect(node.cohort).toBe(node.joinedYear);
      expect(node.supportPhase).toBe(supportPhase(node.joinedYear, today));
    }
    const cloppenburg = nodes.find((node) => node.slug === 'cloppenburg')!;
    expect(cloppenburg.cohort).toBe(2024);
    // The demo has both: the 2024 intake in support and earlier cohorts as alumni.
    expect(nodes.some((node) => demo.has(node.slug) && node.supportPhase === 'ALUMNI')).toBe(true);
    expect(nodes.some((node) => demo.has(node.slug) && node.supportPhase !== 'ALUMNI')).toBe(true);
  });

  it('filters by cohort and by support phase', async () => {
    const byCohort = await api.gql<CohortPage>(COHORTS, { filter: { joinedYear: 2024 } });
    const cohortSlugs = byCohort.data!.cities.edges.map((edge) => edge.node.slug);
    expect(cohortSlugs).toContain('cloppenburg');
    expect(byCohort.data!.cities.edges.every((edge) => edge.node.cohort === 2024)).toBe(true);
    const demoIntake = DEMO_CITIES.filter((city) => city.joinedYear === 2024).map((c) => c.slug);
    expect(cohortSlugs.filter((slug) => demo.has(slug)).sort()).toEqual(demoIntake.sort());

    const alumni = await api.gql<CohortPage>(COHORTS, { filter: { supportPhase: 'ALUMNI' } });
    const alumniNodes = alumni.data!.cities.edges.map((edge) => edge.node);
    expect(alumniNodes.length).toBeGreaterThan(0);
    expect(alumniNodes.every((node) => node.supportPhase === 'ALUMNI')).toBe(true);
    const expectedAlumni = DEMO_CITIES.filter(
      (city) => supportPhase(city.joinedYear, new Date()) === 'ALUMNI',
    ).map((city) => city.slug);
    expect(
      alumniNodes
        .map((n) => n.slug)
        .filter((slug) => demo.has(slug))
        .sort(),
    ).toEqual(expectedAlumni.sort());
  });

  it('refuses an unknown support phase and an out-of-range cohort with a typed error', async () => {
    const phase = await api.gql<CohortPage>(COHORTS, { filter: { supportPhase: 'YEAR_9' } });
    expect(phase.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const cohort = await api.gql<CohortPage>(COHORTS, { filter: { joinedYear: 1990 } });
    expect(cohort.data).toBeNull();
    expect(cohort.errors?.[0]?.extensions?.field).toBe('filter.joinedYear');
  });
});
