import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { DEMO_DOMAIN } from '../src/seed/demo-accounts';
import { startTestPlatform, type Client, type GraphQLResponse, type TestPlatform } from './harness';

const PAGE = `query($c: String!, $s: String!) { initiative(citySlug: $c, slug: $s) {
  id fields { id name } workshops { id fieldName title heldOn participants outcomes outcomesHtml resultCount viewerCanEdit } } }`;
const RECORD = `mutation($i: RecordWorkshopInput!) { recordWorkshop(input: $i) {
  id fieldId title heldOn participants outcomes resultCount viewerCanEdit } }`;
const UPDATE = `mutation($i: UpdateWorkshopInput!) { updateWorkshop(input: $i) { id title heldOn participants outcomes } }`;
const DELETE = `mutation($id: ID!) { deleteWorkshop(id: $id) }`;
const RESULTS = `mutation($i: EnterWorkshopResultsInput!) { enterWorkshopResults(input: $i) { id resultCount } }`;
const QUEUE = `query($id: ID!) { suggestionQueue(initiativeId: $id) { id text channel status fieldId workshop { id title } } }`;
const ONE = `query($id: ID!) { workshop(id: $id) { id title resultCount } }`;

const tag = randomBytes(4)
  .toString('hex')
  .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);

function refusal(response: GraphQLResponse<unknown>) {
  expect(response.data ?? null).toBeNull();
  const extensions = response.errors?.[0]?.extensions ?? {};
  return { code: extensions.code, reason: extensions.reason, field: extensions.field };
}

/** Issue 14: workshops per action field, their results as suggestions of channel WORKSHOP. */
describe('initiatives: workshops', () => {
  let api: TestPlatform;
  let coordinator: Client;
  let steering: Client;
  let member: Client;
  let organizer: Client;
  let foreignCoordinator: Client;
  let cityId: string;
  let initiativeId: string;
  let slug: string;
  let fields: Array<{ id: string; name: string }>;
  let otherFieldId: string;

  const workshopCount = async () =>
    (
      await api.ownerQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM workshop WHERE initiative_id = $1`,
        [initiativeId],
      )
    )[0].n;
  const suggestionCount = async () =>
    (
      await api.ownerQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM suggestion WHERE initiative_id = $1`,
        [initiativeId],
      )
    )[0].n;
  const input = (extra: Record<string, unknown> = {}) => ({
    initiativeId,
    fieldId: fields[0].id,
    title: `Werkstatt ${tag}`,
    heldOn: '2026-11-20',
    participants: 12,
    outcomes: `**Ergebnis** ${tag}`,
    ...extra,
  });
  const recorded = async (extra: Record<string, unknown> = {}) => {
    const { data, errors } = await steering.gql<{ recordWorkshop: { id: string } }>(RECORD, {
      i: input(extra),
    });
    expect(errors).toBeUndefined();
    return data!.recordWorkshop.id;
  };

  beforeAll(async () => {
    api = await startTestPlatform();
    coordinator = await api.as('coordinator', 'cloppenburg');
    steering = await api.client().login(`steuerung.cloppenburg@${DEMO_DOMAIN}`);
    member = await api.as('member', 'cloppenburg');
    organizer = await api.as('organizer');
    foreignCoordinator = await api.as('coordinator', 'nienburg-weser');
    [{ id: cityId }] = await api.ownerQuery<{ id: string }>(
      `SELECT id FROM city WHERE slug = 'cloppenburg'`,
    );
    const [{ id: steeringId }] = await api.ownerQuery<{ id: string }>(
      `SELECT id FROM app_user WHERE email = $1`,
      [`steuerung.cloppenburg@${DEMO_DOMAIN}`],
    );
    slug = `werkstatt-${tag}`;
    const created = await coordinator.gql<{
      createInitiative: { id: string; fields: Array<{ id: string; name: string }> };
    }>(
      `mutation($i: CreateInitiativeInput!) { createInitiative(input: $i) { id fields { id name } } }`,
      {
        i: {
          citySlug: 'cloppenburg',
          slug,
          name: `Werkstatt-Initiative ${tag}`,
          fields: [{ name: 'Jugend' }, { name: 'Nachbarschaft' }],
          steeringGroup: [
            { name: 'Anna Beispiel', organisation: 'Ehrenamtsagentur', personId: steeringId },
          ],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    initiativeId = created.data!.createInitiative.id;
    fields = created.data!.createInitiative.fields;
    const demo = await api.gql<{ initiative: { fields: Array<{ id: string }> } }>(PAGE, {
      c: 'cloppenburg',
      s: 'praevention',
    });
    otherFieldId = demo.data!.initiative.fields[0].id;
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('shows the demo’s three workshops on the public page with their result counts, no texts', async () => {
    const { data } = await api.gql<{
      initiative: {
        workshops: Array<{
          fieldName: string;
          participants: number;
          resultCount: number;
          outcomesHtml: string;
          viewerCanEdit: boolean;
        }>;
      };
    }>(PAGE, { c: 'cloppenburg', s: 'praevention' });
    const seeded = data!.initiative.workshops.filter((w) => /werkstatt/i.test(JSON.stringify(w)));
    expect(new Set(seeded.map((w) => w.fieldName))).toEqual(
      new Set(['Jugend', 'Häusliche Gewalt', 'Demokratie und Toleranz']),
    );
    for (const workshop of seeded) {
      expect(workshop.resultCount).toBeGreaterThan(0);
      expect(workshop.viewerCanEdit).toBe(false);
    }
    expect(seeded.find((w) => w.fieldName === 'Jugend')!.outcomesHtml).toContain('<strong>');
    // The results' texts are nowhere in what a visitor gets.
    expect(JSON.stringify(data)).not.toContain('Runder Tisch mit Polizei');
  });

  it('lets a steering member record, edit and enter results that reach the queue', async () => {
    const { data, errors } = await steering.gql<{
      recordWorkshop: { id: string; resultCount: number; viewerCanEdit: boolean; heldOn: string };
    }>(RECORD, { i: input({ title: `  Jugendwerkstatt ${tag}  ` }) });
    expect(errors).toBeUndefined();
    expect(data!.recordWorkshop).toMatchObject({
      resultCount: 0,
      viewerCanEdit: true,
      heldOn: '2026-11-20',
    });
    const id = data!.recordWorkshop.id;
    const updated = await steering.gql<{ updateWorkshop: Record<string, unknown> }>(UPDATE, {
      i: {
        id,
        title: `Jugendwerkstatt ${tag} (2)`,
        heldOn: '2026-11-21',
        participants: 0,
        outcomes: '',
      },
    });
    expect(updated.data!.updateWorkshop).toEqual({
      id,
      title: `Jugendwerkstatt ${tag} (2)`,
      heldOn: '2026-11-21',
      participants: 0,
      outcomes: '',
    });
    const results = await steering.gql<{ enterWorkshopResults: { resultCount: number } }>(RESULTS, {
      i: { workshopId: id, texts: [`Treffpunkt ${tag}`, '   ', `Forum ${tag}`] },
    });
    expect(results.errors).toBeUndefined();
    expect(results.data!.enterWorkshopResults.resultCount).toBe(2);
    const queue = await steering.gql<{
      suggestionQueue: Array<{
        text: string;
        channel: string;
        status: string;
        fieldId: string;
        workshop: { id: string; title: string } | null;
      }>;
    }>(QUEUE, { id: initiativeId });
    const mine = queue.data!.suggestionQueue.filter((s) => s.workshop?.id === id);
    expect(mine.map((s) => s.text).sort()).toEqual([`Forum ${tag}`, `Treffpunkt ${tag}`]);
    for (const s of mine)
      expect(s).toMatchObject({
        channel: 'WORKSHOP',
        status: 'NEW',
        fieldId: fields[0].id,
        workshop: { title: `Jugendwerkstatt ${tag} (2)` },
      });
    // Public: the workshop and the count, not the texts.
    const page = await api.gql(PAGE, { c: 'cloppenburg', s: slug });
    expect(JSON.stringify(page.data)).toContain(`Jugendwerkstatt ${tag} (2)`);
    expect(JSON.stringify(page.data)).not.toContain(`Treffpunkt ${tag}`);
    expect(
      (await api.gql<{ workshop: { resultCount: number } }>(ONE, { id })).data!.workshop,
    ).toMatchObject({ resultCount: 2 });
  });

  it('refuses to delete a workshop with results (typed), deletes one without', async () => {
    const id = await recorded();
    await steering.gql(RESULTS, { i: { workshopId: id, texts: [`Ergebnis ${tag}`] } });
    expect(refusal(await steering.gql(DELETE, { id }))).toEqual({
      code: 'CONFLICT',
      reason: 'WORKSHOP_HAS_RESULTS',
      field: 'id',
    });
    expect((await api.gql<{ workshop: unknown }>(ONE, { id })).data!.workshop).not.toBeNull();
    const empty = await recorded();
    expect((await coordinator.gql(DELETE, { id: empty })).data).toEqual({ deleteWorkshop: true });
    expect((await api.gql<{ workshop: unknown }>(ONE, { id: empty })).data!.workshop).toBeNull();
    expect(refusal(await coordinator.gql(DELETE, { id: empty }))).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'WORKSHOP_NOT_FOUND',
    });
  });

  it('refuses visitors, organizers, members outside the steering group and other cities; writes nothing', async () => {
    const id = await recorded();
    const before = { workshops: await workshopCount(), suggestions: await suggestionCount() };
    const callers: Array<[string, Client, string]> = [
      ['visitor', api.client(), 'UNAUTHENTICATED'],
      ['organizer', organizer, 'FORBIDDEN'],
      ['member outside the steering group', member, 'FORBIDDEN'],
      ['coordinator of another city', foreignCoordinator, 'FORBIDDEN'],
    ];
    for (const [who, client, code] of callers) {
      const attempts = [
        await client.gql(RECORD, { i: input({ title: `Fremd ${tag}` }) }),
        await client.gql(UPDATE, {
          i: { id, title: `Fremd ${tag}`, heldOn: '2026-11-01', participants: 1, outcomes: '' },
        }),
        await client.gql(DELETE, { id }),
        await client.gql(RESULTS, { i: { workshopId: id, texts: [`Fremd ${tag}`] } }),
      ];
      for (const attempt of attempts)
        expect({ who, ...refusal(attempt) }).toMatchObject({ who, code });
    }
    expect({ workshops: await workshopCount(), suggestions: await suggestionCount() }).toEqual(
      before,
    );
    expect((await api.gql<{ workshop: { title: string } }>(ONE, { id })).data!.workshop.title).toBe(
      `Werkstatt ${tag}`,
    );
  });

  it('checks the input: date, participants, lengths, field, results; nothing half-written', async () => {
    const id = await recorded();
    const before = { workshops: await workshopCount(), suggestions: await suggestionCount() };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ heldOn: '20.11.2026' }, 'input.heldOn'],
      [{ heldOn: '2026-02-30' }, 'input.heldOn'],
      [{ heldOn: '2999-01-01' }, 'input.heldOn'],
      [{ heldOn: '1999-12-31' }, 'input.heldOn'],
      [{ participants: -1 }, 'input.participants'],
      [{ participants: 100001 }, 'input.participants'],
      [{ title: '   ' }, 'input.title'],
      [{ title: 'x'.repeat(201) }, 'input.title'],
      [{ outcomes: 'x'.repeat(8001) }, 'input.outcomes'],
    ];
    for (const [extra, field] of cases)
      expect({ extra, ...refusal(await steering.gql(RECORD, { i: input(extra) })) }).toEqual({
        extra,
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_VALUE',
        field,
      });
    expect(refusal(await steering.gql(RECORD, { i: input({ fieldId: otherFieldId }) }))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'FIELD_NOT_FOUND',
      field: 'input.fieldId',
    });
    expect(
      refusal(
        await steering.gql(UPDATE, {
          i: { id, title: 'Neu', heldOn: '2026-11-31', participants: 1, outcomes: '' },
        }),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.heldOn' });
    expect(refusal(await steering.gql(RESULTS, { i: { workshopId: id, texts: [' '] } }))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_VALUE',
      field: 'input.texts',
    });
    expect(
      refusal(
        await steering.gql(RESULTS, {
          i: { workshopId: id, texts: Array.from({ length: 21 }, (_, n) => `Idee ${n}`) },
        }),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.texts' });
    // The second text is too long: the first is not written either.
    expect(
      refusal(
        await steering.gql(RESULTS, { i: { workshopId: id, texts: ['gut', 'x'.repeat(4001)] } }),
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.texts.1' });
    expect({ workshops: await workshopCount(), suggestions: await suggestionCount() }).toEqual(
      before,
    );
    expect((await api.gql<{ workshop: { title: string } }>(ONE, { id })).data!.workshop.title).toBe(
      `Werkstatt ${tag}`,
    );
  });

  it('holds in the database: another city’s context (or a plain member) cannot write a workshop', async () => {
    const id = await recorded();
    const app = new pg.Client({ connectionString: inject('serviceEnv').DATABASE_URL });
    await app.connect();
    try {
      const [{ id: nienburg }] = await api.ownerQuery<{ id: string }>(
        `SELECT id FROM city WHERE slug = 'nienburg-weser'`,
      );
      const [{ id: memberId }] = await api.ownerQuery<{ id: string }>(
        `SELECT id FROM app_user WHERE email = $1`,
        [`member.cloppenburg@${DEMO_DOMAIN}`],
      );
      const as = async <T>(settings: string[], work: () => Promise<T>) => {
        await app.query('BEGIN');
        try {
          await app.query(
            `SELECT set_config('app.user_id', $1, true), set_config('app.member_city_ids', $2, true),
                    set_config('app.coordinator_city_ids', $3, true), set_config('app.is_organizer', $4, true)`,
            settings,
          );
          return await work();
        } finally {
          await app.query('ROLLBACK');
        }
      };
      const contexts = [
        [memberId, `{${nienburg}}`, `{${nienburg}}`, 'off'],
        [memberId, '{}', '{}', 'on'],
        [memberId, `{${cityId}}`, '{}', 'off'],
      ];
      for (const settings of contexts) {
        await expect(
          as(settings, () =>
            app.query(
              `INSERT INTO workshop (city_id, initiative_id, field_id, title, held_on)
               VALUES ($1, $2, $3, 'RLS', '2026-11-01')`,
              [cityId, initiativeId, fields[0].id],
            ),
          ),
        ).rejects.toThrow(/row-level security/);
        const changed = await as(settings, async () => [
          (await app.query(`UPDATE workshop SET title = 'RLS' WHERE id = $1`, [id])).rowCount,
          (await app.query(`DELETE FROM workshop WHERE id = $1`, [id])).rowCount,
          // Public: anyone reads it.
          (await app.query(`SELECT 1 FROM workshop WHERE id = $1`, [id])).rowCount,
        ]);
        expect(changed).toEqual([0, 0, 1]);
      }
    } finally {
      await app.end();
    }
    expect((await api.gql<{ workshop: { title: string } }>(ONE, { id })).data!.workshop.title).toBe(
      `Werkstatt ${tag}`,
    );
  });

  it('seeds the demo workshops idempotently: a second seed changes no counts', async () => {
    const counts = () =>
      api.ownerQuery<{ workshops: number; results: number }>(
        `SELECT count(DISTINCT w.id)::int AS workshops, count(s.id)::int AS results
           FROM workshop w JOIN initiative i ON i.id = w.initiative_id AND i.slug = 'praevention'
           LEFT JOIN suggestion s ON s.workshop_id = w.id
          WHERE w.city_id = $1 AND w.created_by IS NULL`,
        [cityId],
      );
    const before = await counts();
    expect(before[0].workshops).toBe(3);
    const again = await startTestPlatform();
    await again.stop();
    expect(await counts()).toEqual(before);
  });
});
