import { DEMO_DOMAIN } from '../src/seed/demo-accounts';
import { startTestPlatform, type Client, type GraphQLResponse, type TestPlatform } from './harness';

const INITIATIVE = `query($c: String!, $s: String!) { initiative(citySlug: $c, slug: $s) {
  id fields { id name } } }`;
const MEASURE_PARTS = `id title goal actors status fieldId practiceId suggestionCount viewerCanEdit
  modelPractices { practiceId title cityName }`;
const CREATE = `mutation($i: CreateMeasureInput!) { createMeasure(input: $i) { ${MEASURE_PARTS} } }`;
const FIGURES = `query($c: String!, $s: String!) { initiative(citySlug: $c, slug: $s) {
  fieldFigures { fieldId fieldName received takenUp measures { id title status suggestionCount viewerCanEdit
    modelPractices { title cityName } } } } }`;
const NETWORK = `{ networkMeasureFigures { topicId topicName cities initiatives planned running done } }`;
const TOTALS = `{ networkMeasureTotals { cities initiatives measures done } }`;
const OTHERS = `query($id: ID!) { otherCitiesInFields(initiativeId: $id) { fieldId fieldName topicName
  measures { id title cityName } practices { practiceId cityName } } }`;

interface Measure {
  id: string;
  title: string;
  status: string;
  fieldId: string;
  practiceId: string | null;
  suggestionCount: number | null;
  viewerCanEdit: boolean;
  modelPractices: Array<{ practiceId: string; title: string; cityName: string }>;
}

const ext = (answer: GraphQLResponse<unknown>) => answer.errors?.[0]?.extensions;

/** Issue 14: the demo measures, and the network learns (counts across cities, other cities' measures). */
describe('local initiatives: measures across the network', () => {
  let api: TestPlatform;
  let steering: Client;
  let coordinator: Client;
  let member: Client;
  let foreignCoordinator: Client;
  let organizer: Client;
  let initiativeId: string;
  let youthId: string;
  const run = Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 8);

  /** Every caller who must not change Cloppenburg's measures, with the code they get. */
  const outsiders = (code: 'FORBIDDEN' | 'NOT_FOUND') =>
    [
      ['coordinator of another city', () => foreignCoordinator, code],
      ['organizer', () => organizer, code],
      ['plain member of the city', () => member, code],
      ['visitor', () => api.client(), 'UNAUTHENTICATED'],
    ] as const;

  beforeAll(async () => {
    api = await startTestPlatform();
    steering = await api.client().login(`steuerung.cloppenburg@${DEMO_DOMAIN}`);
    coordinator = await api.as('coordinator', 'cloppenburg');
    member = await api.as('member', 'cloppenburg');
    foreignCoordinator = await api.as('coordinator', 'nienburg-weser');
    organizer = await api.as('organizer');
    const { data } = await api.gql<{
      initiative: { id: string; fields: Array<{ id: string; name: string }> };
    }>(INITIATIVE, { c: 'cloppenburg', s: 'praevention' });
    initiativeId = data!.initiative.id;
    youthId = data!.initiative.fields.find((field) => field.name === 'Jugend')!.id;
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('has the demo (seeded once): a done measure that took up a suggestion, inspired by Lemgo', async () => {
    const { data } = await api.gql<{
      initiative: {
        fieldFigures: Array<{
          fieldName: string;
          measures: Array<{
            title: string;
            status: string;
            modelPractices: Array<{ cityName: string }>;
          }>;
        }>;
      };
    }>(FIGURES, { c: 'cloppenburg', s: 'praevention' });
    const measures = data!.initiative.fieldFigures.flatMap((field) => field.measures);
    expect(measures.find((entry) => entry.title === 'Jugendforum Cloppenburg')).toMatchObject({
      status: 'DONE',
      modelPractices: [{ cityName: 'Lemgo' }],
    });
    const [{ n }] = await api.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM measure_suggestion ms JOIN measure m ON m.id = ms.measure_id
        WHERE m.title = 'Jugendforum Cloppenburg'`,
    );
    expect(n).toBe(1);
    expect(new Set(measures.map((entry) => entry.status))).toEqual(
      new Set(['DONE', 'RUNNING', 'PLANNED']),
    );
    // A second seed (the next start) adds no measure and no link.
    const demoCounts = () =>
      api.ownerQuery<{ measures: number; links: number; models: number }>(
        `SELECT count(DISTINCT m.id)::int AS measures, count(DISTINCT ms.suggestion_id)::int AS links,
                count(DISTINCT mp.practice_id)::int AS models
           FROM measure m
           LEFT JOIN measure_suggestion ms ON ms.measure_id = m.id
           LEFT JOIN measure_model_practice mp ON mp.measure_id = m.id
          WHERE m.title IN ('Jugendforum Cloppenburg', 'Begegnungscafé im Familienzentrum',
                            'Schulungen für Vereine: Anzeichen von Gewalt erkennen')`,
      );
    const before = await demoCounts();
    expect(before).toEqual([{ measures: 3, links: 3, models: 1 }]);
    const again = await startTestPlatform();
    await again.stop();
    expect(await demoCounts()).toEqual(before);
  });

  it('gives organizers the counts per topic across cities, everyone the totals', async () => {
    const figures = await organizer.gql<{
      networkMeasureFigures: Array<{
        topicId: string | null;
        cities: number;
        done: number;
        planned: number;
      }>;
    }>(NETWORK);
    expect(figures.errors).toBeUndefined();
    const [youthTopic] = await api.ownerQuery<{ id: string }>(
      `SELECT id FROM topic WHERE slug = 'praevention-jugend'`,
    );
    const [expected] = await api.ownerQuery<{ cities: number; done: number }>(
      `SELECT count(DISTINCT f.city_id)::int AS cities,
              count(m.id) FILTER (WHERE m.status = 'DONE')::int AS done
         FROM initiative_field f LEFT JOIN measure m ON m.field_id = f.id WHERE f.topic_id = $1`,
      [youthTopic.id],
    );
    expect(
      figures.data!.networkMeasureFigures.find((row) => row.topicId === youthTopic.id),
    ).toMatchObject(expected);
    expect(expected.cities).toBeGreaterThanOrEqual(2);
    for (const [client, code] of [
      [coordinator, 'FORBIDDEN'],
      [member, 'FORBIDDEN'],
      [api.client(), 'UNAUTHENTICATED'],
    ] as const)
      expect(ext(await client.gql(NETWORK))?.code).toBe(code);
    const totals = await api.gql<{
      networkMeasureTotals: { initiatives: number; measures: number };
    }>(TOTALS);
    expect(totals.data!.networkMeasureTotals.initiatives).toBeGreaterThanOrEqual(2);
    expect(totals.data!.networkMeasureTotals.measures).toBeGreaterThanOrEqual(3);
  });

  it('shows the steering group what other cities do in the same field, nobody else', async () => {
    const nienburg = await api.gql<{
      initiative: { id: string; fields: Array<{ id: string; name: string }> };
    }>(INITIATIVE, { c: 'nienburg-weser', s: 'miteinander' });
    const nienburgYouth = nienburg.data!.initiative.fields.find(
      (field) => field.name === 'Jugend',
    )!;
    const theirs = await foreignCoordinator.gql<{ createMeasure: Measure }>(CREATE, {
      i: {
        initiativeId: nienburg.data!.initiative.id,
        fieldId: nienburgYouth.id,
        title: `Nienburger Proberaum ${run}`,
      },
    });
    expect(theirs.errors).toBeUndefined();
    const others = await steering.gql<{
      otherCitiesInFields: Array<{
        fieldId: string;
        topicName: string | null;
        measures: Array<{ id: string; title: string; cityName: string }>;
        practices: Array<{ cityName: string }>;
      }>;
    }>(OTHERS, { id: initiativeId });
    expect(others.errors).toBeUndefined();
    const youth = others.data!.otherCitiesInFields.find((field) => field.fieldId === youthId)!;
    expect(youth.measures).toContainEqual({
      id: theirs.data!.createMeasure.id,
      title: `Nienburger Proberaum ${run}`,
      cityName: 'Nienburg/Weser',
    });
    expect(youth.measures.every((entry) => entry.cityName !== 'Cloppenburg')).toBe(true);
    expect(youth.practices.every((entry) => entry.cityName !== 'Cloppenburg')).toBe(true);
    for (const [, client, code] of outsiders('FORBIDDEN'))
      expect(ext(await client().gql(OTHERS, { id: initiativeId }))?.code).toBe(code);
  });
});
