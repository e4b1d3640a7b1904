import { DEMO_DOMAIN } from '../src/seed/demo-accounts';
import { startTestPlatform, type Client, type GraphQLResponse, type TestPlatform } from './harness';

const INITIATIVE = `query($c: String!, $s: String!) { initiative(citySlug: $c, slug: $s) {
  id fields { id name } } }`;
const MEASURE_PARTS = `id title goal actors status fieldId practiceId suggestionCount viewerCanEdit
  modelPractices { practiceId title cityName }`;
const CREATE = `mutation($i: CreateMeasureInput!) { createMeasure(input: $i) { ${MEASURE_PARTS} } }`;
const UPDATE = `mutation($i: UpdateMeasureInput!) { updateMeasure(input: $i) { ${MEASURE_PARTS} } }`;
const TAKE_UP = `mutation($i: TakeUpSuggestionInput!) { takeUpSuggestion(input: $i) { ${MEASURE_PARTS} } }`;
const UNLINK = `mutation($id: ID!) { unlinkSuggestionFromMeasure(suggestionId: $id) }`;
const LINK_MODEL = `mutation($m: ID!, $p: ID!) { linkModelPractice(measureId: $m, practiceId: $p) { ${MEASURE_PARTS} } }`;
const UNLINK_MODEL = `mutation($m: ID!, $p: ID!) { unlinkModelPractice(measureId: $m, practiceId: $p) { ${MEASURE_PARTS} } }`;
const TO_PRACTICE = `mutation($id: ID!) { createPracticeFromMeasure(id: $id) { practiceId measure { id practiceId } } }`;
const ENTER = `mutation($i: EnterSuggestionInput!) { enterSuggestion(input: $i) { followToken suggestion { id } } }`;
const STATUS = `mutation($i: ChangeSuggestionStatusInput!) { changeSuggestionStatus(input: $i) { id status } }`;
const QUEUE = `query($id: ID!) { suggestionQueue(initiativeId: $id) { id status measure { id title status } } }`;
const FOLLOW = `query($t: String!) { followedSuggestion(token: $t) { status measure { title status } } }`;
const FIGURES = `query($c: String!, $s: String!) { initiative(citySlug: $c, slug: $s) {
  fieldFigures { fieldId fieldName received takenUp measures { id title status suggestionCount viewerCanEdit
    modelPractices { title cityName } } } } }`;

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

/** Issue 14, measures: the steering group turns suggestions into measures; the page shows them. */
describe('local initiatives: measures and transparency', () => {
  let api: TestPlatform;
  let steering: Client;
  let familyOffice: Client;
  let coordinator: Client;
  let member: Client;
  let foreignCoordinator: Client;
  let organizer: Client;
  let initiativeId: string;
  let youthId: string;
  let democracyId: string;
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

  async function measure(title: string, fieldId = youthId, client = steering): Promise<Measure> {
    const answer = await client.gql<{ createMeasure: Measure }>(CREATE, {
      i: { initiativeId, fieldId, title, goal: `Ziel ${run}`, actors: 'Ehrenamtsagentur' },
    });
    expect(answer.errors).toBeUndefined();
    return answer.data!.createMeasure;
  }

  async function entered(text: string, fieldId = youthId) {
    const answer = await familyOffice.gql<{
      enterSuggestion: { followToken: string; suggestion: { id: string } };
    }>(ENTER, { i: { initiativeId, fieldId, channel: 'PHONE', text } });
    expect(answer.errors).toBeUndefined();
    return answer.data!.enterSuggestion;
  }

  beforeAll(async () => {
    api = await startTestPlatform();
    steering = await api.client().login(`steuerung.cloppenburg@${DEMO_DOMAIN}`);
    familyOffice = await api.client().login(`familienbuero.cloppenburg@${DEMO_DOMAIN}`);
    coordinator = await api.as('coordinator', 'cloppenburg');
    member = await api.as('member', 'cloppenburg');
    foreignCoordinator = await api.as('coordinator', 'nienburg-weser');
    organizer = await api.as('organizer');
    const { data } = await api.gql<{
      initiative: { id: string; fields: Array<{ id: string; name: string }> };
    }>(INITIATIVE, { c: 'cloppenburg', s: 'praevention' });
    initiativeId = data!.initiative.id;
    youthId = data!.initiative.fields.find((field) => field.name === 'Jugend')!.id;
    democracyId = data!.initiative.fields.find((field) => field.name.startsWith('Demokratie'))!.id;
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('lets the steering group create and edit a measure, with typed validation errors', async () => {
    const created = await measure(`Bolzplatz ${run}`);
    expect(created).toMatchObject({
      title: `Bolzplatz ${run}`,
      status: 'PLANNED',
      suggestionCount: 0,
      viewerCanEdit: true,
    });
    const update = (client: Client, changes: Record<string, unknown> = {}) =>
      client.gql<{ updateMeasure: Measure }>(UPDATE, {
        i: {
          id: created.id,
          fieldId: democracyId,
          title: `Bolzplatz und Treff ${run}`,
          goal: 'Ein Ort für alle',
          actors: 'Stadtjugendpflege',
          status: 'RUNNING',
          ...changes,
        },
      });
    const updated = await update(coordinator);
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateMeasure).toMatchObject({
      title: `Bolzplatz und Treff ${run}`,
      status: 'RUNNING',
      fieldId: democracyId,
      actors: 'Stadtjugendpflege',
    });
    expect(ext(await update(steering, { title: 'ab' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.title',
    });
    expect(ext(await update(steering, { goal: 'x'.repeat(4001) }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.goal',
    });
    expect(ext(await update(steering, { fieldId: crypto.randomUUID() }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'FIELD_NOT_FOUND',
    });
    expect(
      ext(
        await steering.gql(UPDATE, {
          i: {
            id: crypto.randomUUID(),
            fieldId: youthId,
            title: 'Neu',
            goal: '',
            actors: '',
            status: 'DONE',
          },
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND', reason: 'MEASURE_NOT_FOUND' });
    const [{ title }] = await api.ownerQuery<{ title: string }>(
      `SELECT title FROM measure WHERE id = $1`,
      [created.id],
    );
    expect(title).toBe(`Bolzplatz und Treff ${run}`);
  });

  it.each(outsiders('FORBIDDEN'))(
    'refuses creating and editing to the %s',
    async (_who, client, code) => {
      const own = await measure(`Verweigert ${run} ${Math.random()}`);
      const create = await client().gql(CREATE, {
        i: { initiativeId, fieldId: youthId, title: `Fremd ${run}` },
      });
      expect(ext(create)?.code).toBe(code);
      const update = await client().gql(UPDATE, {
        i: {
          id: own.id,
          fieldId: youthId,
          title: `Fremd ${run}`,
          goal: '',
          actors: '',
          status: 'DONE',
        },
      });
      expect(ext(update)?.code).toBe(code);
      const rows = await api.ownerQuery(`SELECT 1 FROM measure WHERE title = $1`, [`Fremd ${run}`]);
      expect(rows).toHaveLength(0);
      const [{ status }] = await api.ownerQuery<{ status: string }>(
        `SELECT status FROM measure WHERE id = $1`,
        [own.id],
      );
      expect(status).toBe('PLANNED');
    },
  );

  it('takes a suggestion up into a new measure, moves it to another, unlinks it; the resident sees the measure', async () => {
    const { followToken, suggestion } = await entered(`Skaterampe ${run}`);
    const taken = await steering.gql<{ takeUpSuggestion: Measure }>(TAKE_UP, {
      i: {
        suggestionId: suggestion.id,
        newMeasure: { title: `Skatepark ${run}`, goal: 'Sanieren', actors: 'Bauamt' },
        reason: 'Wir sanieren die Anlage.',
      },
    });
    expect(taken.errors).toBeUndefined();
    expect(taken.data!.takeUpSuggestion).toMatchObject({
      title: `Skatepark ${run}`,
      fieldId: youthId,
      suggestionCount: 1,
    });
    const followed = await api.gql<{
      followedSuggestion: { status: string; measure: { title: string; status: string } | null };
    }>(FOLLOW, { t: followToken });
    expect(followed.data!.followedSuggestion).toEqual({
      status: 'TAKEN_UP',
      measure: { title: `Skatepark ${run}`, status: 'PLANNED' },
    });

    const other = await measure(`Jugendtreff ${run}`);
    const moved = await steering.gql<{ takeUpSuggestion: Measure }>(TAKE_UP, {
      i: { suggestionId: suggestion.id, measureId: other.id },
    });
    expect(moved.data!.takeUpSuggestion.suggestionCount).toBe(1);
    const links = await api.ownerQuery<{ measure_id: string }>(
      `SELECT measure_id FROM measure_suggestion WHERE suggestion_id = $1`,
      [suggestion.id],
    );
    expect(links).toEqual([{ measure_id: other.id }]);
    const queue = await steering.gql<{
      suggestionQueue: Array<{ id: string; measure: { id: string } | null }>;
    }>(QUEUE, { id: initiativeId });
    expect(queue.data!.suggestionQueue.find((s) => s.id === suggestion.id)?.measure?.id).toBe(
      other.id,
    );

    expect((await steering.gql(UNLINK, { id: suggestion.id })).data).toEqual({
      unlinkSuggestionFromMeasure: true,
    });
    expect(ext(await steering.gql(UNLINK, { id: suggestion.id }))?.reason).toBe('NOT_LINKED');
    const after = await api.gql<{ followedSuggestion: { measure: unknown } }>(FOLLOW, {
      t: followToken,
    });
    expect(after.data!.followedSuggestion.measure).toBeNull();
  });

  it('refuses a bad take-up and writes nothing (one transaction)', async () => {
    const { suggestion } = await entered(`Abgeschlossen ${run}`);
    await steering.gql(STATUS, {
      i: { id: suggestion.id, status: 'ANSWERED', reason: 'Erledigt' },
    });
    const closed = await steering.gql(TAKE_UP, {
      i: { suggestionId: suggestion.id, newMeasure: { title: `Nie angelegt ${run}` } },
    });
    expect(ext(closed)).toMatchObject({ code: 'CONFLICT', reason: 'STATUS_NOT_ALLOWED' });
    expect(
      await api.ownerQuery(`SELECT 1 FROM measure WHERE title = $1`, [`Nie angelegt ${run}`]),
    ).toHaveLength(0);

    const open = (await entered(`Offen ${run}`)).suggestion.id;
    const both = await steering.gql(TAKE_UP, {
      i: { suggestionId: open, measureId: crypto.randomUUID(), newMeasure: { title: 'Beides' } },
    });
    expect(ext(both)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHOOSE_ONE_MEASURE' });
    const neither = await steering.gql(TAKE_UP, { i: { suggestionId: open } });
    expect(ext(neither)?.reason).toBe('CHOOSE_ONE_MEASURE');
    const shortTitle = await steering.gql(TAKE_UP, {
      i: { suggestionId: open, newMeasure: { title: 'ab' } },
    });
    expect(ext(shortTitle)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.newMeasure.title',
    });

    // A measure of another initiative of the same city is refused.
    const created = await coordinator.gql<{
      createInitiative: { id: string; fields: Array<{ id: string }> };
    }>(
      `mutation($i: CreateInitiativeInput!) { createInitiative(input: $i) { id fields { id } } }`,
      {
        i: {
          citySlug: 'cloppenburg',
          slug: `massnahmen-${run}`,
          name: `Zweite ${run}`,
          fields: [{ name: 'Feld' }],
        },
      },
    );
    const second = created.data!.createInitiative;
    const foreignMeasure = await coordinator.gql<{ createMeasure: Measure }>(CREATE, {
      i: { initiativeId: second.id, fieldId: second.fields[0].id, title: `Andere ${run}` },
    });
    const wrong = await steering.gql(TAKE_UP, {
      i: { suggestionId: open, measureId: foreignMeasure.data!.createMeasure.id },
    });
    expect(ext(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OTHER_INITIATIVE' });
    const [{ status }] = await api.ownerQuery<{ status: string }>(
      `SELECT status FROM suggestion WHERE id = $1`,
      [open],
    );
    expect(status).toBe('NEW');
  });

  it.each(outsiders('NOT_FOUND'))(
    'does not let the %s take up or unlink a suggestion',
    async (_who, client, code) => {
      const { suggestion } = await entered(`Fremdzugriff ${run} ${Math.random()}`);
      const target = await measure(`Ziel-Maßnahme ${run} ${Math.random()}`);
      const take = await client().gql(TAKE_UP, {
        i: { suggestionId: suggestion.id, measureId: target.id },
      });
      expect(ext(take)?.code).toBe(code);
      await steering.gql(TAKE_UP, { i: { suggestionId: suggestion.id, measureId: target.id } });
      expect(ext(await client().gql(UNLINK, { id: suggestion.id }))?.code).toBe(code);
      const links = await api.ownerQuery(
        `SELECT 1 FROM measure_suggestion WHERE suggestion_id = $1`,
        [suggestion.id],
      );
      expect(links).toHaveLength(1);
    },
  );

  it('links a model practice of another city, not an own-city one or a draft; the public page shows it', async () => {
    const [model] = await api.ownerQuery<{ id: string; title: string }>(
      `SELECT p.id, p.title FROM practice p JOIN city c ON c.id = p.city_id
        WHERE c.slug = 'lemgo' AND p.status = 'PUBLISHED' AND p.visibility = 'PUBLIC' LIMIT 1`,
    );
    const [own] = await api.ownerQuery<{ id: string }>(
      `SELECT p.id FROM practice p JOIN city c ON c.id = p.city_id
        WHERE c.slug = 'cloppenburg' AND p.status = 'PUBLISHED' LIMIT 1`,
    );
    const [draft] = await api.ownerQuery<{ id: string }>(
      `SELECT p.id FROM practice p JOIN city c ON c.id = p.city_id
        WHERE c.slug <> 'cloppenburg' AND p.status = 'DRAFT' LIMIT 1`,
    );
    const target = await measure(`Mit Vorbild ${run}`);
    const linked = await steering.gql<{ linkModelPractice: Measure }>(LINK_MODEL, {
      m: target.id,
      p: model.id,
    });
    expect(linked.data!.linkModelPractice.modelPractices).toEqual([
      { practiceId: model.id, title: model.title, cityName: 'Lemgo' },
    ]);
    for (const refused of [own.id, draft?.id ?? crypto.randomUUID(), crypto.randomUUID()])
      expect(ext(await steering.gql(LINK_MODEL, { m: target.id, p: refused }))).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'MODEL_PRACTICE_NOT_FOUND',
        field: 'practiceId',
      });
    for (const [, client, code] of outsiders('FORBIDDEN'))
      expect(ext(await client().gql(UNLINK_MODEL, { m: target.id, p: model.id }))?.code).toBe(code);

    const page = await api.gql<{
      initiative: {
        fieldFigures: Array<{
          fieldId: string;
          measures: Array<{
            id: string;
            suggestionCount: number | null;
            viewerCanEdit: boolean;
            modelPractices: Array<{ title: string; cityName: string }>;
          }>;
        }>;
      };
    }>(FIGURES, { c: 'cloppenburg', s: 'praevention' });
    const shown = page
      .data!.initiative.fieldFigures.find((field) => field.fieldId === youthId)!
      .measures.find((entry) => entry.id === target.id)!;
    expect(shown).toEqual({
      id: target.id,
      title: `Mit Vorbild ${run}`,
      status: 'PLANNED',
      suggestionCount: null,
      viewerCanEdit: false,
      modelPractices: [{ title: model.title, cityName: 'Lemgo' }],
    });
    const unlinked = await steering.gql<{ unlinkModelPractice: Measure }>(UNLINK_MODEL, {
      m: target.id,
      p: model.id,
    });
    expect(unlinked.data!.unlinkModelPractice.modelPractices).toEqual([]);
  });

  it('shows per field the counts of the database and no suggestion text', async () => {
    const text = `Geheimer Text ${run}`;
    const { suggestion } = await entered(text);
    await steering.gql(TAKE_UP, {
      i: { suggestionId: suggestion.id, newMeasure: { title: `Gezählt ${run}` } },
    });
    const { data } = await api.gql<{
      initiative: { fieldFigures: Array<{ fieldId: string; received: number; takenUp: number }> };
    }>(FIGURES, { c: 'cloppenburg', s: 'praevention' });
    const [counts] = await api.ownerQuery<{ received: number; taken_up: number }>(
      `SELECT count(*) FILTER (WHERE status <> 'WITHDRAWN' AND merged_into_id IS NULL)::int AS received,
              count(*) FILTER (WHERE status = 'TAKEN_UP' AND merged_into_id IS NULL)::int AS taken_up
         FROM suggestion WHERE field_id = $1`,
      [youthId],
    );
    const youth = data!.initiative.fieldFigures.find((field) => field.fieldId === youthId)!;
    expect(youth).toMatchObject({ received: counts.received, takenUp: counts.taken_up });
    expect(youth.takenUp).toBeGreaterThan(0);
    expect(JSON.stringify(data)).not.toContain(text);
    expect(data!.initiative.fieldFigures.map((field) => field.fieldId)).toContain(democracyId);
  });

  it('turns a done measure into a draft practice in one step, once', async () => {
    const { suggestion } = await entered(`Praxis-Anliegen ${run}`);
    const taken = await steering.gql<{ takeUpSuggestion: Measure }>(TAKE_UP, {
      i: {
        suggestionId: suggestion.id,
        newMeasure: { title: `Wird Praxis ${run}`, goal: `Ziel der Praxis ${run}`, actors: 'SkF' },
      },
    });
    const id = taken.data!.takeUpSuggestion.id;
    expect(ext(await steering.gql(TO_PRACTICE, { id }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'MEASURE_NOT_DONE',
    });
    const done = (client: Client, status = 'DONE') =>
      client.gql(UPDATE, {
        i: {
          id,
          fieldId: youthId,
          title: `Wird Praxis ${run}`,
          goal: `Ziel der Praxis ${run}`,
          actors: 'SkF',
          status,
        },
      });
    expect((await done(steering)).errors).toBeUndefined();
    for (const [, client, code] of outsiders('FORBIDDEN'))
      expect(ext(await client().gql(TO_PRACTICE, { id }))?.code).toBe(code);

    const made = await coordinator.gql<{
      createPracticeFromMeasure: {
        practiceId: string;
        measure: { id: string; practiceId: string };
      };
    }>(TO_PRACTICE, { id });
    expect(made.errors).toBeUndefined();
    const { practiceId } = made.data!.createPracticeFromMeasure;
    expect(made.data!.createPracticeFromMeasure.measure.practiceId).toBe(practiceId);
    const practice = await coordinator.gql<{
      practice: {
        status: string;
        title: string;
        summary: string;
        body: string;
        partners: string;
        city: { slug: string };
        topics: Array<{ slug: string }>;
      };
    }>(
      `query($id: ID!) { practice(id: $id) { status title summary body partners city { slug } topics { slug } } }`,
      { id: practiceId },
    );
    expect(practice.data!.practice).toMatchObject({
      status: 'DRAFT',
      title: `Wird Praxis ${run}`,
      summary: `Ziel der Praxis ${run}`,
      partners: 'SkF',
      city: { slug: 'cloppenburg' },
      topics: [{ slug: 'praevention-jugend' }],
    });
    expect(practice.data!.practice.body).toContain(
      'Ein Anliegen aus der Bevölkerung wurde aufgegriffen',
    );
    // A draft is the city's: the public page does not point visitors to it.
    const page = await api.gql<{
      initiative: {
        fieldFigures: Array<{ measures: Array<{ id: string; practiceId: string | null }> }>;
      };
    }>(
      `query { initiative(citySlug: "cloppenburg", slug: "praevention") { fieldFigures { measures { id practiceId } } } }`,
    );
    const shown = page.data!.initiative.fieldFigures.flatMap((field) => field.measures);
    expect(shown.find((entry) => entry.id === id)?.practiceId).toBeNull();

    expect(ext(await coordinator.gql(TO_PRACTICE, { id }))?.reason).toBe('ALREADY_PRACTICE');
    expect(ext(await done(steering, 'RUNNING'))?.reason).toBe('STATUS_LOCKED');
    const practices = await api.ownerQuery(
      `SELECT 1 FROM measure WHERE id = $1 AND practice_id = $2`,
      [id, practiceId],
    );
    expect(practices).toHaveLength(1);
  });
});
