import { startTestPlatform, demoEmail, tokenFromMailbox, type TestPlatform } from './harness';

const ME =
  '{ me { id email displayName networkRole memberships { role city { slug name } } actingCity { slug } } }';
const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { email } }';

describe('signing in and sessions', () => {
  let api: TestPlatform;

  beforeAll(async () => {
    api = await startTestPlatform();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('signs a coordinator in with an HttpOnly, SameSite=Lax cookie and tells who they are', async () => {
    const client = api.client();
    const anonymous = await client.gql(ME);
    expect(anonymous.data).toEqual({ me: null });

    await client.login(demoEmail('coordinator', 'cloppenburg'));
    expect(client.lastSetCookie).toMatch(/^wn_session=[A-Za-z0-9_-]{43};/);
    expect(client.lastSetCookie).toMatch(/HttpOnly/);
    expect(client.lastSetCookie).toMatch(/SameSite=Lax/);
    expect(client.lastSetCookie).not.toMatch(/Secure/); // plain HTTP here; Secure behind HTTPS

    const { data } = await client.gql<{ me: Record<string, unknown> }>(ME);
    expect(data?.me).toMatchObject({
      email: 'coordinator.cloppenburg@demo.wissensnetz.example',
      networkRole: 'NONE',
      memberships: [{ role: 'COORDINATOR', city: { slug: 'cloppenburg', name: 'Cloppenburg' } }],
      actingCity: { slug: 'cloppenburg' },
    });
  });

  it('answers a wrong password and an unknown address identically', async () => {
    const wrong = await api.gql(LOGIN, {
      input: { email: demoEmail('member', 'goch'), password: 'falsches-passwort' },
    });
    const unknown = await api.gql(LOGIN, {
      input: { email: 'niemand@demo.wissensnetz.example', password: 'falsches-passwort' },
    });
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'E-mail or password is wrong',
      extensions: {
        code: 'UNAUTHENTICATED',
        reason: 'INVALID_CREDENTIALS',
        field: 'input.password',
      },
    });
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
    // Alike but for the request's own id.
    const { requestId: _unknownId, ...unknownExtensions } = unknown.errors?.[0].extensions ?? {};
    const { requestId: _wrongId, ...wrongExtensions } = wrong.errors?.[0].extensions ?? {};
    expect(unknownExtensions).toEqual(wrongExtensions);
  });

  it('rejects a malformed e-mail with a typed error on the field', async () => {
    const { errors } = await api.gql(LOGIN, { input: { email: 'kein at', password: 'x' } });
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_EMAIL',
      field: 'input.email',
    });
  });

  it('slows repeated failures of an account from one address with TOO_MANY_ATTEMPTS, even for the right password', async () => {
    const email = demoEmail('member', 'husum');
    for (let attempt = 0; attempt < 5; attempt++) {
      const { errors } = await api.gql(LOGIN, { input: { email, password: `falsch-${attempt}` } });
      // Three attempts are free, then each one waits (1 s, 2 s, …) after the last.
      expect(errors?.[0].extensions?.code).toMatch(
        attempt < 3 ? /^UNAUTHENTICATED$/ : /^(UNAUTHENTICATED|TOO_MANY_ATTEMPTS)$/,
      );
    }
    const blocked = await api.gql(LOGIN, { input: { email, password: 'wissensnetz-demo' } });
    expect(blocked.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_ATTEMPTS' });
    expect(
      (blocked.errors?.[0].extensions?.params as { retryAfterSeconds: number }).retryAfterSeconds,
    ).toBeGreaterThan(0);
    // Another account from the same address is not blocked by this one.
    const other = await api.gql(LOGIN, {
      input: { email: demoEmail('member', 'zittau'), password: 'wissensnetz-demo' },
    });
    expect(other.errors).toBeUndefined();
  });

  it('lists sessions, ends one, and logs out everywhere', async () => {
    const email = demoEmail('member', 'rudolstadt');
    const laptop = await api.client().login(email);
    const phone = await api.client().login(email);
    const { data } = await laptop.gql<{ sessions: Array<{ id: string; current: boolean }> }>(
      '{ sessions { id current userAgent lastSeenAt expiresAt } }',
    );
    expect(data!.sessions.length).toBeGreaterThanOrEqual(2);
    expect(data!.sessions.filter((session) => session.current)).toHaveLength(1);

    await laptop.gql('mutation { logout }');
    expect((await laptop.gql(ME)).data).toEqual({ me: null });
    expect((await phone.gql<{ me: { email: string } }>(ME)).data?.me.email).toBe(email);

    const tablet = await api.client().login(email);
    await tablet.gql('mutation { logoutEverywhere }');
    expect((await phone.gql(ME)).data).toEqual({ me: null });
    expect((await tablet.gql(ME)).data).toEqual({ me: null });
  });

  it('resets a forgotten password through the e-mail link, once, and ends old sessions', async () => {
    const email = demoEmail('member', 'eschwege');
    const old = await api.client().login(email);
    const anonymous = api.client();
    const requested = await anonymous.gql(
      'mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }',
      { input: { email } },
    );
    expect(requested.data).toEqual({ requestPasswordReset: true });
    const unknown = await anonymous.gql(
      'mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }',
      {
        input: { email: 'unbekannt@demo.wissensnetz.example' },
      },
    );
    expect(unknown.data).toEqual({ requestPasswordReset: true });

    const token = await tokenFromMailbox(anonymous, email, 'passwort-zuruecksetzen');
    const weak = await anonymous.gql(
      'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }',
      { input: { token, password: 'kurz' } },
    );
    expect(weak.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'WEAK_PASSWORD',
      field: 'input.password',
    });

    const reset = await anonymous.gql(
      'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }',
      {
        input: { token, password: 'Werra und Meißner 2024' },
      },
    );
    expect(reset.data).toEqual({ resetPassword: true });
    const again = await anonymous.gql(
      'mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }',
      {
        input: { token, password: 'noch ein anderes Passwort' },
      },
    );
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_TOKEN',
      field: 'input.token',
    });

    expect((await old.gql(ME)).data).toEqual({ me: null });
    await api.client().login(email, 'Werra und Meißner 2024');
    // Put the demo password back for other tests and people.
    await api.ownerQuery(
      `UPDATE app_user SET password_hash = (SELECT password_hash FROM app_user WHERE email = $1) WHERE email = $2`,
      [demoEmail('member', 'goch'), email],
    );
  });

  it('counts reset requests apart from sign-ins: many requests do not lock anyone out', async () => {
    await api.ownerQuery('DELETE FROM login_throttle');
    const request =
      'mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }';
    const codes: Array<string | undefined> = [];
    for (let i = 0; i < 32; i++) {
      const { errors } = await api.gql(request, {
        input: { email: `vergessen.${i}@stadt.example` },
      });
      codes.push(errors?.[0].extensions?.code as string | undefined);
    }
    expect(codes.slice(0, 30).every((code) => code === undefined)).toBe(true);
    expect(codes.slice(30)).toEqual(['TOO_MANY_ATTEMPTS', 'TOO_MANY_ATTEMPTS']);
    const login = await api.gql(LOGIN, {
      input: { email: demoEmail('coordinator', 'husum'), password: 'wissensnetz-demo' },
    });
    expect(login.errors).toBeUndefined();
    await api.ownerQuery('DELETE FROM login_throttle');
  });

  it('changes a password only with the current one, and checks the new one', async () => {
    const client = await api.as('coordinator', 'husum');
    const change = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';
    const wrong = await client.gql(change, {
      input: { currentPassword: 'falsch', newPassword: 'Nordsee und Watt 2024' },
    });
    expect(wrong.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.currentPassword',
    });
    const weak = await client.gql(change, {
      input: { currentPassword: 'wissensnetz-demo', newPassword: '1234567890' },
    });
    expect(weak.errors?.[0].extensions).toMatchObject({
      reason: 'WEAK_PASSWORD',
      field: 'input.newPassword',
      params: { rule: 'TOO_COMMON' },
    });
    const anonymous = await api.gql(change, { input: { currentPassword: 'x', newPassword: 'y' } });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('switches the acting city among the user’s own cities only', async () => {
    const client = await api.as('member', 'ingolstadt');
    const me = await client.gql<{ me: { memberships: Array<{ city: { slug: string } }> } }>(ME);
    expect(me.data!.me.memberships.map((m) => m.city.slug).sort()).toEqual([
      'ingolstadt',
      'puchheim',
    ]);
    const switched = await client.gql<{ switchActingCity: { actingCity: { slug: string } } }>(
      'mutation { switchActingCity(citySlug: "puchheim") { actingCity { slug } } }',
    );
    expect(switched.data?.switchActingCity.actingCity.slug).toBe('puchheim');
    expect(
      (await client.gql<{ me: { actingCity: { slug: string } } }>(ME)).data?.me.actingCity.slug,
    ).toBe('puchheim');
    const foreign = await client.gql('mutation { switchActingCity(citySlug: "goch") { id } }');
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
