import { randomBytes } from 'node:crypto';
import { demoEmail, startTestPlatform, type Client, type TestPlatform } from './harness';

const PARTS = `id slug name status viewerCanManage viewerCanWorkQueue
  fields { id name topicId sensitive } steeringGroup { id name organisation }`;
const CREATE = `mutation($i: CreateInitiativeInput!) { createInitiative(input: $i) { ${PARTS} } }`;
const UPDATE = `mutation($i: UpdateInitiativeInput!) { updateInitiative(input: $i) { ${PARTS} } }`;
const ADD_FIELD = `mutation($id: ID!, $i: InitiativeFieldInput!) { addInitiativeField(initiativeId: $id, input: $i) { ${PARTS} } }`;
const UPDATE_FIELD = `mutation($i: UpdateInitiativeFieldInput!) { updateInitiativeField(input: $i) { ${PARTS} } }`;
const REMOVE_FIELD = `mutation($id: ID!) { removeInitiativeField(id: $id) { ${PARTS} } }`;
const ADD_MEMBER = `mutation($id: ID!, $i: SteeringMemberInput!) { addSteeringMember(initiativeId: $id, input: $i) { ${PARTS} } }`;
const UPDATE_MEMBER = `mutation($i: UpdateSteeringMemberInput!) { updateSteeringMember(input: $i) { ${PARTS} } }`;
const REMOVE_MEMBER = `mutation($id: ID!) { removeSteeringMember(id: $id) { ${PARTS} } }`;
const CONTACTS = `mutation($f: ID!, $p: [ID!]!) { setInitiativeFieldContacts(fieldId: $f, personIds: $p) }`;
const MANAGEMENT = `query($id: ID!) { initiativeManagement(initiativeId: $id) {
  initiativeId fields { id name sensitive suggestionCount contactPersonIds }
  steeringGroup { id name organisation personId } } }`;
const PUBLIC_PAGE = `query($c: String!, $s: String!) { initiative(citySlug: $c, slug: $s) { ${PARTS} } }`;

const CITY = 'goch';
const OTHER = 'herford';

interface Initiative {
  id: string;
  slug: string;
  name: string;
  status: string;
  viewerCanWorkQueue: boolean;
  fields: Array<{ id: string; name: string; topicId: string | null; sensitive: boolean }>;
  steeringGroup: Array<{ id: string; name: string; organisation: string }>;
}

/** Issue 14: a city's coordinators set up and run an initiative through the API. */
describe('local initiatives: management by the city’s coordinators', () => {
  let api: TestPlatform;
  let coordinator: Client;
  let member: Client;
  let organizer: Client;
  let otherCoordinator: Client;
  let memberId: string;
  let foreignMemberId: string;
  let youthTopicId: string;
  const tag = randomBytes(4).toString('hex');
  const slug = (name: string) => `verwaltung-${name}-${tag}`;

  const userId = async (email: string) =>
    (await api.ownerQuery<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [email]))[0]
      .id;

  async function created(name: string): Promise<Initiative> {
    const { data, errors } = await coordinator.gql<{ createInitiative: Initiative }>(CREATE, {
      i: {
        citySlug: CITY,
        slug: slug(name),
        name: `Initiative ${name}`,
        fields: [{ name: 'Jugend' }, { name: 'Häusliche Gewalt', sensitive: true }],
      },
    });
    expect(errors).toBeUndefined();
    return data!.createInitiative;
  }

  const suggestionIn = async (initiative: Initiative, fieldId: string) =>
    api.ownerQuery(
      `INSERT INTO suggestion (city_id, initiative_id, field_id, text, channel)
       SELECT city_id, $1, $2, 'Verwaltungstest', 'PHONE' FROM initiative WHERE id = $1`,
      [initiative.id, fieldId],
    );

  beforeAll(async () => {
    api = await startTestPlatform();
    coordinator = await api.as('coordinator', CITY);
    member = await api.as('member', CITY);
    organizer = await api.as('organizer');
    otherCoordinator = await api.as('coordinator', OTHER);
    memberId = await userId(demoEmail('member', CITY));
    foreignMemberId = await userId(demoEmail('member', OTHER));
    youthTopicId = (
      await api.ownerQuery<{ id: string }>(`SELECT id FROM topic WHERE slug = 'praevention-jugend'`)
    )[0].id;
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('creates an initiative: a topic field takes the topic’s name, the account link stays private', async () => {
    const { data, errors } = await coordinator.gql<{ createInitiative: Initiative }>(CREATE, {
      i: {
        citySlug: CITY,
        slug: slug('start'),
        name: 'Initiative Prävention Goch',
        description: 'Gemeinsam vorbeugen.',
        fields: [
          { name: '', topicId: youthTopicId },
          { name: 'Häusliche Gewalt', sensitive: true },
        ],
        steeringGroup: [
          { name: 'Erika Beispiel', organisation: 'Ehrenamtsagentur', personId: memberId },
        ],
      },
    });
    expect(errors).toBeUndefined();
    const initiative = data!.createInitiative;
    expect(initiative.fields.map((field) => [field.name, field.topicId, field.sensitive])).toEqual([
      ['Jugend', youthTopicId, false],
      ['Häusliche Gewalt', null, true],
    ]);
    const page = await api.gql(PUBLIC_PAGE, { c: CITY, s: slug('start') });
    expect(JSON.stringify(page.data)).not.toContain(memberId);
    const management = await coordinator.gql<{
      initiativeManagement: { steeringGroup: Array<{ personId: string }> };
    }>(MANAGEMENT, { id: initiative.id });
    expect(management.data!.initiativeManagement.steeringGroup[0].personId).toBe(memberId);
    // The linked member now works the queue.
    const asMember = await member.gql<{ initiative: Initiative }>(PUBLIC_PAGE, {
      c: CITY,
      s: slug('start'),
    });
    expect(asMember.data!.initiative.viewerCanWorkQueue).toBe(true);
  });

  it('refuses bad input with a code and the field, and writes nothing', async () => {
    await created('doppelt');
    const attempt = async (input: Record<string, unknown>) =>
      (
        await coordinator.gql(CREATE, {
          i: {
            citySlug: CITY,
            slug: slug('fehler'),
            name: 'Fehler',
            fields: [{ name: 'A' }],
            ...input,
          },
        })
      ).errors?.[0].extensions;
    expect(await attempt({ slug: slug('doppelt') })).toMatchObject({
      code: 'CONFLICT',
      reason: 'SLUG_TAKEN',
      field: 'input.slug',
    });
    expect(await attempt({ slug: 'neu' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.slug',
    });
    expect(await attempt({ name: '  ' })).toMatchObject({
      reason: 'INVALID_VALUE',
      field: 'input.name',
    });
    expect(await attempt({ fields: [] })).toMatchObject({ field: 'input.fields' });
    expect(await attempt({ fields: [{ name: 'Jugend' }, { name: 'jugend' }] })).toMatchObject({
      code: 'CONFLICT',
      reason: 'FIELD_NAME_TAKEN',
      field: 'input.fields.1.name',
    });
    expect(
      await attempt({ fields: [{ name: '', topicId: '00000000-0000-4000-8000-000000000000' }] }),
    ).toMatchObject({ reason: 'INVALID_VALUE', field: 'input.fields.0.topicId' });
    expect(
      await attempt({ steeringGroup: [{ name: 'Fremd', personId: foreignMemberId }] }),
    ).toMatchObject({ reason: 'NOT_A_CITY_MEMBER', field: 'input.steeringGroup' });
    const rows = await api.ownerQuery(`SELECT 1 FROM initiative WHERE slug = $1`, [slug('fehler')]);
    expect(rows).toHaveLength(0);
  });

  it('adds, renames and removes fields where nothing is lost', async () => {
    const initiative = await created('felder');
    const [youth, violence] = initiative.fields;
    const added = await coordinator.gql<{ addInitiativeField: Initiative }>(ADD_FIELD, {
      id: initiative.id,
      i: { name: 'Demokratie und Toleranz' },
    });
    expect(added.data!.addInitiativeField.fields.map((field) => field.name)).toEqual([
      'Jugend',
      'Häusliche Gewalt',
      'Demokratie und Toleranz',
    ]);
    const duplicate = await coordinator.gql(ADD_FIELD, {
      id: initiative.id,
      i: { name: 'JUGEND' },
    });
    expect(duplicate.errors?.[0].extensions).toMatchObject({ reason: 'FIELD_NAME_TAKEN' });
    const renamed = await coordinator.gql<{ updateInitiativeField: Initiative }>(UPDATE_FIELD, {
      i: { id: youth.id, name: 'Jugend und Familie', sensitive: false },
    });
    expect(renamed.data!.updateInitiativeField.fields[0].name).toBe('Jugend und Familie');
    const clash = await coordinator.gql(UPDATE_FIELD, {
      i: { id: youth.id, name: 'Häusliche Gewalt', sensitive: false },
    });
    expect(clash.errors?.[0].extensions).toMatchObject({
      reason: 'FIELD_NAME_TAKEN',
      field: 'input.name',
    });

    await suggestionIn(initiative, violence.id);
    const unlock = await coordinator.gql(UPDATE_FIELD, {
      i: { id: violence.id, name: 'Häusliche Gewalt', sensitive: false },
    });
    expect(unlock.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SENSITIVE_LOCKED',
      field: 'input.sensitive',
    });
    const inUse = await coordinator.gql(REMOVE_FIELD, { id: violence.id });
    expect(inUse.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'FIELD_IN_USE',
    });
    const management = await coordinator.gql<{
      initiativeManagement: { fields: Array<{ id: string; suggestionCount: number }> };
    }>(MANAGEMENT, { id: initiative.id });
    expect(
      management.data!.initiativeManagement.fields.find((field) => field.id === violence.id)!
        .suggestionCount,
    ).toBe(1);
    const removed = await coordinator.gql<{ removeInitiativeField: Initiative }>(REMOVE_FIELD, {
      id: youth.id,
    });
    expect(removed.data!.removeInitiativeField.fields.map((field) => field.name)).toEqual([
      'Häusliche Gewalt',
      'Demokratie und Toleranz',
    ]);
    const third = removed.data!.removeInitiativeField.fields[1];
    await coordinator.gql(REMOVE_FIELD, { id: third.id });
    await api.ownerQuery(`DELETE FROM suggestion WHERE field_id = $1`, [violence.id]);
    const last = await coordinator.gql(REMOVE_FIELD, { id: violence.id });
    expect(last.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'LAST_FIELD' });
  });

  it('manages the steering group and the field contacts with members of the city only', async () => {
    const initiative = await created('steuerung');
    const added = await coordinator.gql<{ addSteeringMember: Initiative }>(ADD_MEMBER, {
      id: initiative.id,
      i: { name: 'Max Muster', organisation: 'Sozialdienst katholischer Frauen' },
    });
    const [steering] = added.data!.addSteeringMember.steeringGroup;
    expect(steering).toMatchObject({
      name: 'Max Muster',
      organisation: 'Sozialdienst katholischer Frauen',
    });
    const foreign = await coordinator.gql(UPDATE_MEMBER, {
      i: { id: steering.id, name: 'Max Muster', personId: foreignMemberId },
    });
    expect(foreign.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NOT_A_CITY_MEMBER',
      field: 'input.personId',
    });
    const empty = await coordinator.gql(UPDATE_MEMBER, { i: { id: steering.id, name: '' } });
    expect(empty.errors?.[0].extensions).toMatchObject({ field: 'input.name' });
    const linked = await coordinator.gql<{ updateSteeringMember: Initiative }>(UPDATE_MEMBER, {
      i: { id: steering.id, name: 'Max Muster', organisation: 'SkF', personId: memberId },
    });
    expect(linked.data!.updateSteeringMember.steeringGroup[0].organisation).toBe('SkF');

    const violence = initiative.fields[1];
    expect((await coordinator.gql(CONTACTS, { f: violence.id, p: [memberId] })).data).toEqual({
      setInitiativeFieldContacts: true,
    });
    const refused = await coordinator.gql(CONTACTS, { f: violence.id, p: [foreignMemberId] });
    expect(refused.errors?.[0].extensions).toMatchObject({
      reason: 'NOT_A_CITY_MEMBER',
      field: 'personIds',
    });
    const management = await coordinator.gql<{
      initiativeManagement: {
        fields: Array<{ id: string; contactPersonIds: string[] }>;
        steeringGroup: Array<{ personId: string | null }>;
      };
    }>(MANAGEMENT, { id: initiative.id });
    const info = management.data!.initiativeManagement;
    expect(info.fields.find((field) => field.id === violence.id)!.contactPersonIds).toEqual([
      memberId,
    ]);
    expect(info.steeringGroup[0].personId).toBe(memberId);

    const removed = await coordinator.gql<{ removeSteeringMember: Initiative }>(REMOVE_MEMBER, {
      id: steering.id,
    });
    expect(removed.data!.removeSteeringMember.steeringGroup).toEqual([]);
    const gone = await coordinator.gql(REMOVE_MEMBER, { id: steering.id });
    expect(gone.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'STEERING_MEMBER_NOT_FOUND',
    });
  });

  it('closes and reopens an initiative', async () => {
    const initiative = await created('schliessen');
    const closed = await coordinator.gql<{ updateInitiative: Initiative }>(UPDATE, {
      i: { id: initiative.id, name: 'Initiative zu', description: '', status: 'CLOSED' },
    });
    expect(closed.data!.updateInitiative).toMatchObject({
      status: 'CLOSED',
      name: 'Initiative zu',
    });
    const open = await coordinator.gql<{ updateInitiative: Initiative }>(UPDATE, {
      i: { id: initiative.id, name: 'Initiative auf', description: '', status: 'OPEN' },
    });
    expect(open.data!.updateInitiative.status).toBe('OPEN');
  });

  it('refuses every management operation to members, organizers, other cities and visitors', async () => {
    const initiative = await created('fremd');
    const [field] = initiative.fields;
    const withMember = await coordinator.gql<{ addSteeringMember: Initiative }>(ADD_MEMBER, {
      id: initiative.id,
      i: { name: 'Bleibt' },
    });
    const steeringId = withMember.data!.addSteeringMember.steeringGroup[0].id;
    const operations: Array<[string, string, Record<string, unknown>]> = [
      [
        'createInitiative',
        CREATE,
        { i: { citySlug: CITY, slug: slug('nie'), name: 'Nie', fields: [{ name: 'A' }] } },
      ],
      [
        'updateInitiative',
        UPDATE,
        { i: { id: initiative.id, name: 'Nie', description: '', status: 'CLOSED' } },
      ],
      ['addInitiativeField', ADD_FIELD, { id: initiative.id, i: { name: 'Nie' } }],
      [
        'updateInitiativeField',
        UPDATE_FIELD,
        { i: { id: field.id, name: 'Nie', sensitive: true } },
      ],
      ['removeInitiativeField', REMOVE_FIELD, { id: field.id }],
      ['addSteeringMember', ADD_MEMBER, { id: initiative.id, i: { name: 'Nie' } }],
      ['updateSteeringMember', UPDATE_MEMBER, { i: { id: steeringId, name: 'Nie' } }],
      ['removeSteeringMember', REMOVE_MEMBER, { id: steeringId }],
      ['setInitiativeFieldContacts', CONTACTS, { f: field.id, p: [memberId] }],
      ['initiativeManagement', MANAGEMENT, { id: initiative.id }],
    ];
    const callers: Array<[string, Client, string]> = [
      ['member', member, 'FORBIDDEN'],
      ['organizer', organizer, 'FORBIDDEN'],
      ['other city', otherCoordinator, 'FORBIDDEN'],
      ['visitor', api.client(), 'UNAUTHENTICATED'],
    ];
    for (const [operation, document, variables] of operations)
      for (const [who, client, code] of callers) {
        const answer = await client.gql(document, variables);
        expect({ operation, who, code: answer.errors?.[0].extensions?.code }).toEqual({
          operation,
          who,
          code,
        });
        expect({ operation, who, data: answer.data?.[operation] ?? null }).toEqual({
          operation,
          who,
          data: null,
        });
      }
    // Nothing changed.
    const page = await api.gql<{ initiative: Initiative }>(PUBLIC_PAGE, {
      c: CITY,
      s: slug('fremd'),
    });
    expect(page.data!.initiative).toMatchObject({
      name: 'Initiative fremd',
      status: 'OPEN',
      fields: initiative.fields,
      steeringGroup: [{ name: 'Bleibt' }],
    });
    const contacts = await api.ownerQuery(
      `SELECT 1 FROM initiative_field_contact WHERE field_id = $1`,
      [field.id],
    );
    expect(contacts).toHaveLength(0);
  });
});
