import pg from 'pg';
import { solveChallenge } from 'altcha-lib/v1';
import { inject } from 'vitest';
import { SuggestionContactRetentionJob } from '../src/modules/initiatives/suggestion-contact-retention.job';
import { NotificationOutboxWorker } from '../src/modules/notifications/notification-outbox.worker';
import { DEMO_DOMAIN } from '../src/seed/demo-accounts';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const CHALLENGE = '{ suggestionChallenge { algorithm challenge maxnumber salt signature } }';
const SUBMIT = `mutation($i: SubmitSuggestionInput!) { submitSuggestion(input: $i) { followToken followPath confirmationMailed } }`;
const FOLLOW = `query($t: String!) { followedSuggestion(token: $t) {
  text status publicAnswer merged canWithdraw sensitive fieldName
  history { kind status text internal } } }`;
const WITHDRAW = `mutation($t: String!) { withdrawSuggestion(token: $t) { status canWithdraw } }`;
const INITIATIVE = `query($c: String!, $s: String!) { initiative(citySlug: $c, slug: $s) {
  id name fields { id name sensitive } steeringGroup { name organisation } viewerCanWorkQueue viewerCanManage } }`;
const QUEUE = `query($id: ID!, $status: SuggestionStatus) { suggestionQueue(initiativeId: $id, status: $status) {
  id text status channel sensitive hasContact contact { name email phone } mergedIntoId history { kind internal text } } }`;
const ENTER = `mutation($i: EnterSuggestionInput!) { enterSuggestion(input: $i) {
  followToken suggestion { id channel hasContact contact { name email phone } } } }`;
const STATUS = `mutation($i: ChangeSuggestionStatusInput!) { changeSuggestionStatus(input: $i) { id status } }`;
const MERGE = `mutation($id: ID!, $into: ID!) { mergeSuggestion(id: $id, intoId: $into) { id mergedIntoId } }`;
const COMMENT = `mutation($id: ID!, $t: String!) { commentSuggestion(id: $id, text: $t) { id } }`;
const REVOKE = `mutation($id: ID!) { revokeSuggestionLink(id: $id) { id } }`;

interface Field {
  id: string;
  name: string;
  sensitive: boolean;
}

/** Issue 14: residents' suggestions to Cloppenburg's "Initiative Prävention". */
describe('local initiatives: suggestions without an account', () => {
  let api: TestPlatform;
  let steering: Client;
  let familyOffice: Client;
  let coordinator: Client;
  let initiativeId: string;
  let youth: Field;
  let violence: Field;
  const run = `${Date.now()}`;
  const settle = () => api.platform.app.get(NotificationOutboxWorker).settle();
  const clearThrottle = () =>
    api.ownerQuery(`DELETE FROM login_throttle WHERE key LIKE 'suggestion-address%'`);

  async function solved(): Promise<string> {
    const { data } = await api.gql<{
      suggestionChallenge: {
        algorithm: string;
        challenge: string;
        maxnumber: number;
        salt: string;
        signature: string;
      };
    }>(CHALLENGE);
    const c = data!.suggestionChallenge;
    const solution = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
    return Buffer.from(
      JSON.stringify({
        algorithm: c.algorithm,
        challenge: c.challenge,
        number: solution!.number,
        salt: c.salt,
        signature: c.signature,
      }),
    ).toString('base64');
  }

  async function submit(input: Record<string, unknown>, altcha?: string) {
    return api.gql<{
      submitSuggestion: { followToken: string; followPath: string; confirmationMailed: boolean };
    }>(SUBMIT, {
      i: {
        citySlug: 'cloppenburg',
        initiativeSlug: 'praevention',
        fieldId: youth.id,
        text: `Anliegen ${run}`,
        altcha: altcha ?? (await solved()),
        ...input,
      },
    });
  }

  const queueOf = async (client: Client) =>
    await client.gql<{
      suggestionQueue: Array<Record<string, unknown> & { id: string; text: string }>;
    }>(QUEUE, {
      id: initiativeId,
    });

  beforeAll(async () => {
    api = await startTestPlatform({ SUGGESTIONS_PER_ADDRESS: '3' });
    steering = await api.client().login(`steuerung.cloppenburg@${DEMO_DOMAIN}`);
    familyOffice = await api.client().login(`familienbuero.cloppenburg@${DEMO_DOMAIN}`);
    coordinator = await api.as('coordinator', 'cloppenburg');
    const { data } = await api.gql<{ initiative: { id: string; fields: Field[] } }>(INITIATIVE, {
      c: 'cloppenburg',
      s: 'praevention',
    });
    initiativeId = data!.initiative.id;
    youth = data!.initiative.fields.find((field) => field.name === 'Jugend')!;
    violence = data!.initiative.fields.find((field) => field.sensitive)!;
  });
  beforeEach(clearThrottle);
  afterAll(async () => {
    await clearThrottle();
    await api?.stop();
  });

  it('shows the public page: fields, the steering group without e-mail, no queue for visitors', async () => {
    const { data } = await api.gql<{
      initiative: {
        fields: Field[];
        steeringGroup: Array<{ organisation: string }>;
        viewerCanWorkQueue: boolean;
      };
    }>(INITIATIVE, { c: 'cloppenburg', s: 'praevention' });
    expect(data!.initiative.fields.map((field) => [field.name, field.sensitive])).toEqual([
      ['Jugend', false],
      ['Häusliche Gewalt', true],
      ['Demokratie und Toleranz', false],
    ]);
    expect(data!.initiative.steeringGroup.map((member) => member.organisation)).toContain(
      'Sozialdienst katholischer Frauen',
    );
    expect(data!.initiative.viewerCanWorkQueue).toBe(false);
    const asSteering = await steering.gql<{
      initiative: { viewerCanWorkQueue: boolean; viewerCanManage: boolean };
    }>(INITIATIVE, { c: 'cloppenburg', s: 'praevention' });
    expect(asSteering.data!.initiative).toEqual({
      ...asSteering.data!.initiative,
      viewerCanWorkQueue: true,
      viewerCanManage: false,
    });
  });

  it('takes a suggestion without an account, mails the follow link, and the link shows only it', async () => {
    const email = `anwohnerin.${run}@cloppenburg.example`;
    const { data, errors } = await submit({
      text: `Mehr Licht im Stadtpark ${run}`,
      place: 'Stadtpark',
      contactEmail: email,
      contactConsent: true,
    });
    expect(errors).toBeUndefined();
    const { followToken, followPath, confirmationMailed } = data!.submitSuggestion;
    expect(followPath).toBe(`/cloppenburg/initiativen/praevention/anliegen/${followToken}`);
    expect(confirmationMailed).toBe(true);
    const followed = await api.gql<{ followedSuggestion: Record<string, unknown> }>(FOLLOW, {
      t: followToken,
    });
    expect(followed.data!.followedSuggestion).toMatchObject({
      text: `Mehr Licht im Stadtpark ${run}`,
      status: 'NEW',
      canWithdraw: true,
      history: [{ kind: 'SUBMITTED', status: 'NEW' }],
    });
    // A wrong token (well-formed or not) shows nothing.
    for (const wrong of [followToken.replace(/.$/, followToken.endsWith('A') ? 'B' : 'A'), 'x'])
      expect((await api.gql(FOLLOW, { t: wrong })).data).toEqual({ followedSuggestion: null });
    await settle();
    const mails = await api.ownerQuery<{ text_body: string }>(
      `SELECT text_body FROM dev_mail WHERE recipient = $1`,
      [email],
    );
    expect(mails.map((mail) => mail.text_body).join('\n')).toContain(followPath);
  });

  it('refuses contact details without consent, and keeps nothing', async () => {
    const { errors } = await submit({
      text: `ohne Einwilligung ${run}`,
      contactEmail: 'a@b.example',
    });
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CONSENT_REQUIRED',
    });
    const rows = await api.ownerQuery(`SELECT 1 FROM suggestion WHERE text = $1`, [
      `ohne Einwilligung ${run}`,
    ]);
    expect(rows).toEqual([]);
  });

  it('refuses a wrong proof-of-work and a replayed one', async () => {
    const good = await solved();
    const decoded = JSON.parse(Buffer.from(good, 'base64').toString()) as { number: number };
    const wrong = Buffer.from(
      JSON.stringify({
        ...JSON.parse(Buffer.from(good, 'base64').toString()),
        number: decoded.number + 1,
      }),
    ).toString('base64');
    for (const bad of [wrong, 'bm9uc2Vuc2U='])
      expect((await submit({ text: `falsch ${run}` }, bad)).errors?.[0].extensions).toMatchObject({
        reason: 'CHALLENGE_FAILED',
      });
    await clearThrottle();
    expect((await submit({ text: `einmal ${run}` }, good)).errors).toBeUndefined();
    expect((await submit({ text: `nochmal ${run}` }, good)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'CHALLENGE_FAILED',
    });
  });

  it('slows a flood from one address with a typed error and the time to wait', async () => {
    const answers = [];
    for (let index = 0; index < 5; index += 1)
      answers.push(await submit({ text: `Flut ${index} ${run}` }));
    expect(answers[0].errors).toBeUndefined();
    const refused = answers.find((answer) => answer.errors)?.errors?.[0].extensions;
    expect(refused).toMatchObject({ code: 'TOO_MANY_ATTEMPTS', reason: 'TOO_MANY_SUGGESTIONS' });
    expect(
      (refused as { params: { retryAfterSeconds: number } }).params.retryAfterSeconds,
    ).toBeGreaterThan(0);
  });

  it('lets the resident withdraw once; a revoked link shows nothing', async () => {
    const first = (await submit({ text: `zurückziehen ${run}` })).data!.submitSuggestion
      .followToken;
    expect((await api.gql(WITHDRAW, { t: first })).data).toEqual({
      withdrawSuggestion: { status: 'WITHDRAWN', canWithdraw: false },
    });
    expect((await api.gql(WITHDRAW, { t: first })).errors?.[0].extensions).toMatchObject({
      reason: 'LINK_INVALID',
    });
    const second = (await submit({ text: `widerrufen ${run}` })).data!.submitSuggestion.followToken;
    const queued = (await queueOf(steering)).data!.suggestionQueue.find(
      (s) => s.text === `widerrufen ${run}`,
    )!;
    expect((await steering.gql(REVOKE, { id: queued.id })).errors).toBeUndefined();
    expect((await api.gql(FOLLOW, { t: second })).data).toEqual({ followedSuggestion: null });
  });

  it('takes a staff entry with consent; a sensitive field’s contact only for the named contacts', async () => {
    const { data, errors } = await familyOffice.gql<{
      enterSuggestion: {
        followToken: string;
        suggestion: { id: string; channel: string; contact: unknown };
      };
    }>(ENTER, {
      i: {
        initiativeId,
        fieldId: violence.id,
        channel: 'PHONE',
        text: `Anruf wegen Nachbarschaft ${run}`,
        contactName: 'Anruferin',
        contactPhone: '04471 123',
        contactConsent: true,
      },
    });
    expect(errors).toBeUndefined();
    const id = data!.enterSuggestion.suggestion.id;
    expect(data!.enterSuggestion.suggestion).toMatchObject({
      channel: 'PHONE',
      contact: { name: 'Anruferin', phone: '04471 123', email: null },
    });
    const seen = async (client: Client) =>
      (await queueOf(client)).data?.suggestionQueue.find((s) => s.id === id);
    // The steering member (not a named contact) and the coordinator see the text, not the contact.
    expect(await seen(steering)).toMatchObject({
      hasContact: true,
      contact: null,
      sensitive: true,
    });
    expect(await seen(coordinator)).toMatchObject({ hasContact: true, contact: null });
    // Organizers and other cities: no queue at all.
    const organizer = await api.as('organizer');
    const other = await api.as('coordinator', 'nienburg-weser');
    for (const outsider of [organizer, other])
      expect((await queueOf(outsider)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Not for residents to enter, not without consent.
    const online = await familyOffice.gql(ENTER, {
      i: { initiativeId, fieldId: youth.id, channel: 'ONLINE', text: 'x' },
    });
    expect(online.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const noConsent = await familyOffice.gql(ENTER, {
      i: { initiativeId, fieldId: youth.id, channel: 'LETTER', text: 'x', contactName: 'N' },
    });
    expect(noConsent.errors?.[0].extensions?.reason).toBe('CONSENT_REQUIRED');
    // A plain member of the city is not in the steering group.
    const member = await api.as('member', 'cloppenburg');
    expect(
      (
        await member.gql(ENTER, {
          i: { initiativeId, fieldId: youth.id, channel: 'LETTER', text: 'x' },
        })
      ).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
  });

  it('shows a non-sensitive field’s contact to the coordinator, not to the steering member', async () => {
    const { data } = await familyOffice.gql<{ enterSuggestion: { suggestion: { id: string } } }>(
      ENTER,
      {
        i: {
          initiativeId,
          fieldId: youth.id,
          channel: 'IN_PERSON',
          text: `Besuch im Rathaus ${run}`,
          contactEmail: `besuch.${run}@cloppenburg.example`,
          contactConsent: true,
        },
      },
    );
    const id = data!.enterSuggestion.suggestion.id;
    const find = async (client: Client) =>
      (await queueOf(client)).data!.suggestionQueue.find((s) => s.id === id);
    expect((await find(coordinator))?.contact).toMatchObject({
      email: `besuch.${run}@cloppenburg.example`,
    });
    expect((await find(steering))?.contact).toBeNull();
  });

  it('holds in the database: another city’s context reads no suggestion and no contact', async () => {
    const app = new pg.Client({ connectionString: inject('serviceEnv').DATABASE_URL });
    await app.connect();
    try {
      const [{ id: nienburg }] = await api.ownerQuery<{ id: string }>(
        `SELECT id FROM city WHERE slug = 'nienburg-weser'`,
      );
      const [{ id: cloppenburg }] = await api.ownerQuery<{ id: string }>(
        `SELECT id FROM city WHERE slug = 'cloppenburg'`,
      );
      const [{ id: organizerId }] = await api.ownerQuery<{ id: string }>(
        `SELECT id FROM app_user WHERE email = 'organizer@demo.wissensnetz.example'`,
      );
      const count = async (settings: [string, string, string, string], table: string) => {
        await app.query('BEGIN');
        try {
          await app.query(
            `SELECT set_config('app.user_id', $1, true), set_config('app.member_city_ids', $2, true),
                    set_config('app.coordinator_city_ids', $3, true), set_config('app.is_organizer', $4, true)`,
            settings,
          );
          const { rows } = await app.query(
            `SELECT count(*)::int AS n FROM ${table} WHERE city_id = $1`,
            [cloppenburg],
          );
          return (rows[0] as { n: number }).n;
        } finally {
          await app.query('ROLLBACK');
        }
      };
      const foreignCoordinator: [string, string, string, string] = [
        organizerId,
        `{${nienburg}}`,
        `{${nienburg}}`,
        'off',
      ];
      const organizer: [string, string, string, string] = [organizerId, '{}', '{}', 'on'];
      const plainMember: [string, string, string, string] = [
        organizerId,
        `{${cloppenburg}}`,
        '{}',
        'off',
      ];
      for (const table of ['suggestion', 'suggestion_contact', 'suggestion_event']) {
        expect(await count(foreignCoordinator, table)).toBe(0);
        expect(await count(organizer, table)).toBe(0);
        expect(await count(plainMember, table)).toBe(0);
      }
      const owner = await api.ownerQuery<{ n: number }>(
        `SELECT count(*)::int AS n FROM suggestion WHERE city_id = $1`,
        [cloppenburg],
      );
      expect(owner[0].n).toBeGreaterThanOrEqual(30);
    } finally {
      await app.end();
    }
  });

  it('tells the resident of a status change with the reason; internal comments stay internal', async () => {
    const email = `status.${run}@cloppenburg.example`;
    const { followToken } = (
      await submit({ text: `Status ${run}`, contactEmail: email, contactConsent: true })
    ).data!.submitSuggestion;
    const id = (await queueOf(steering)).data!.suggestionQueue.find(
      (s) => s.text === `Status ${run}`,
    )!.id;
    expect((await steering.gql(COMMENT, { id, t: `intern ${run}` })).errors).toBeUndefined();
    expect((await steering.gql(STATUS, { i: { id, status: 'IN_REVIEW' } })).errors).toBeUndefined();
    // Taken up only together with a measure (takeUpSuggestion), never as a bare status.
    const bare = await steering.gql(STATUS, { i: { id, status: 'TAKEN_UP' } });
    expect(bare.errors?.[0].extensions).toMatchObject({
      reason: 'TAKE_UP_NEEDS_MEASURE',
      field: 'input.status',
    });
    const noReason = await steering.gql(STATUS, { i: { id, status: 'ANSWERED' } });
    expect(noReason.errors?.[0].extensions?.reason).toBe('REASON_REQUIRED');
    const answer = `Die Stadt stellt zwei Laternen auf ${run}`;
    expect(
      (await steering.gql(STATUS, { i: { id, status: 'ANSWERED', reason: answer } })).errors,
    ).toBeUndefined();
    const again = await steering.gql(STATUS, { i: { id, status: 'IN_REVIEW' } });
    expect(again.errors?.[0].extensions?.reason).toBe('STATUS_NOT_ALLOWED');
    const { data } = await api.gql<{
      followedSuggestion: {
        status: string;
        publicAnswer: string;
        canWithdraw: boolean;
        history: Array<{ text: string | null; internal: boolean }>;
      };
    }>(FOLLOW, { t: followToken });
    expect(data!.followedSuggestion).toMatchObject({
      status: 'ANSWERED',
      publicAnswer: answer,
      canWithdraw: false,
    });
    expect(JSON.stringify(data)).not.toContain(`intern ${run}`);
    await settle();
    const mails = await api.ownerQuery<{ subject: string; text_body: string }>(
      `SELECT subject, text_body FROM dev_mail WHERE recipient = $1 ORDER BY created_at`,
      [email],
    );
    expect(mails.map((mail) => mail.text_body).join('\n')).toContain(answer);
    expect(mails.some((mail) => mail.subject.includes('beantwortet'))).toBe(true);
    // The confirmation carries the private link; a status mail cannot (the token is stored
    // hashed), so it links nothing and says where the link is.
    const [confirmation, ...changes] = mails;
    expect(confirmation.text_body).toContain(followToken);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) {
      expect(change.text_body).not.toMatch(/https?:\/\//);
      expect(change.text_body).toContain('Bestätigungs-E-Mail');
    }
  });

  it('merges a duplicate: the resident sees "merged"', async () => {
    const { followToken } = (await submit({ text: `Doppelt ${run}` })).data!.submitSuggestion;
    await submit({ text: `Original ${run}` });
    const queue = (await queueOf(steering)).data!.suggestionQueue;
    const duplicate = queue.find((s) => s.text === `Doppelt ${run}`)!.id;
    const original = queue.find((s) => s.text === `Original ${run}`)!.id;
    expect((await steering.gql(MERGE, { id: duplicate, into: original })).data).toEqual({
      mergeSuggestion: { id: duplicate, mergedIntoId: original },
    });
    const { data } = await api.gql<{
      followedSuggestion: { merged: boolean; canWithdraw: boolean };
    }>(FOLLOW, { t: followToken });
    expect(data!.followedSuggestion).toMatchObject({ merged: true, canWithdraw: false });
  });

  it('erases contact details the set time after closing, not before, not of open ones', async () => {
    const email = `frist.${run}@cloppenburg.example`;
    await submit({ text: `Frist offen ${run}`, contactEmail: email, contactConsent: true });
    const { followToken } = (
      await submit({ text: `Frist zu ${run}`, contactEmail: email, contactConsent: true })
    ).data!.submitSuggestion;
    await api.gql(WITHDRAW, { t: followToken });
    const job = api.platform.app.get(SuggestionContactRetentionJob);
    const contacts = () =>
      api.ownerQuery<{ text: string; has: boolean; erased: boolean }>(
        `SELECT s.text, c.suggestion_id IS NOT NULL AS has, s.contact_erased_at IS NOT NULL AS erased
           FROM suggestion s LEFT JOIN suggestion_contact c ON c.city_id = s.city_id AND c.suggestion_id = s.id
          WHERE s.text LIKE $1 ORDER BY s.text`,
        [`Frist % ${run}`],
      );
    await job.run(new Date(Date.now() + 182 * 24 * 3_600_000));
    expect(await contacts()).toEqual([
      { text: `Frist offen ${run}`, has: true, erased: false },
      { text: `Frist zu ${run}`, has: true, erased: false },
    ]);
    await job.run(new Date(Date.now() + 184 * 24 * 3_600_000));
    expect(await contacts()).toEqual([
      { text: `Frist offen ${run}`, has: true, erased: false },
      { text: `Frist zu ${run}`, has: false, erased: true },
    ]);
  });
});
