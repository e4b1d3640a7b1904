import WebSocket from 'ws';
import { TandemEvents } from '../src/modules/tandems/tandem-events';
import { type Client, type TestPlatform, startTestPlatform } from './harness';
import {
  addNote,
  firstDelivery,
  halberstadtTandem,
  NEW_MEMBER_PASSWORD,
  newMember,
  subscribe,
  until,
  wsClient,
  type LiveSocket,
} from './live-client';

/** Close codes of a socket the server ended (see apps/api/src/core/graphql/live-session.ts). */
const SESSION_ENDED = 4401;
const ACCESS_LOST = 4403;

/** Opens a bare WebSocket upgrade and reports how the server answered it. */
function upgrade(
  url: string,
  headers: Record<string, string>,
): Promise<{ opened: true } | { opened: false; status: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws') + '/graphql', 'graphql-transport-ws', {
      headers,
    });
    socket.on('open', () => {
      socket.close();
      resolve({ opened: true });
    });
    socket.on('unexpected-response', (_request, response) => {
      resolve({ opened: false, status: response.statusCode ?? 0 });
      socket.terminate();
    });
    socket.on('error', () => undefined);
  });
}

describe('live tandem notes (graphql-ws)', () => {
  let api: TestPlatform;
  let tandemId: string;
  let newSide: Client;
  let partnerSide: Client;
  const sockets: LiveSocket[] = [];
  const open = (options: Parameters<typeof wsClient>[1]) => {
    const socket = wsClient(api.url, options);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    // No timer re-checks in this block: whatever closes a socket here is the check made
    // when an event arrives.
    api = await startTestPlatform({ WS_SESSION_CHECK_SECONDS: '3600' });
    tandemId = await halberstadtTandem(api);
    newSide = await api.as('member', 'halberstadt');
    partnerSide = await api.as('member', 'stendal');
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.client.dispose()));
    await api?.stop();
  });

  /** Stendal's ordinary member, watching all along: proves a note was published at all. */
  let partnerWatch: ReturnType<typeof subscribe> | undefined;
  async function partnerWatcher(): Promise<ReturnType<typeof subscribe>> {
    if (!partnerWatch) {
      partnerWatch = subscribe(open({ cookie: partnerSide.cookie }).client, tandemId);
      await firstDelivery(newSide, tandemId, partnerWatch);
    }
    return partnerWatch;
  }

  it('catches up after a reconnect: a note whose NOTIFY was lost still arrives, once', async () => {
    const watch = await partnerWatcher();
    // A note written while the LISTEN connection was away: no trigger, so no NOTIFY.
    const [{ city_id: cityId, partner_city_id: partnerCityId }] = await api.ownerQuery<{
      city_id: string;
      partner_city_id: string;
    }>('SELECT city_id, partner_city_id FROM tandem WHERE id = $1', [tandemId]);
    const body = `Während der Unterbrechung ${Date.now()}`;
    await api.ownerQuery(
      `DO $$ BEGIN
         SET LOCAL session_replication_role = replica;
         INSERT INTO tandem_note (city_id, tandem_id, partner_city_id, kind, body)
         VALUES ('${cityId}', '${tandemId}', '${partnerCityId}', 'NOTE', '${body}');
       END $$`,
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(watch.notes().some((note) => note.body === body)).toBe(false);
    const events = api.platform.app.get(TandemEvents);
    expect(await events.catchUp()).toBeGreaterThanOrEqual(1);
    await until(() => watch.notes().some((note) => note.body === body), 'the caught-up note');
    // A second catch-up (another reconnect) sends nothing again.
    expect(await events.catchUp()).toBe(0);
  });

  it('delivers a note written in one city to the other city’s open page, and to nobody else', async () => {
    const watcher = open({ cookie: partnerSide.cookie });
    const outsiderMember = open({ cookie: (await api.as('member', 'goch')).cookie });
    const organizer = open({ cookie: (await api.as('organizer')).cookie });
    const anonymous = open({});

    const live = subscribe(watcher.client, tandemId);
    const refused = [
      subscribe(outsiderMember.client, tandemId),
      subscribe(organizer.client, tandemId),
      subscribe(anonymous.client, tandemId),
    ];
    // The refusals arrive as errors right away; the watcher stays subscribed.
    await Promise.all(refused.map((subscription) => subscription.done));
    const codes = refused.map((subscription) => {
      const errors =
        (subscription.failure() as ReadonlyArray<{ extensions?: Record<string, unknown> }>) ??
        subscription.received[0]?.errors;
      return (Array.isArray(errors) ? errors[0] : undefined)?.extensions?.code;
    });
    expect(codes).toEqual(['FORBIDDEN', 'FORBIDDEN', 'UNAUTHENTICATED']);
    await firstDelivery(newSide, tandemId, live);

    const id = await addNote(newSide, tandemId, 'Live aus Halberstadt');
    await until(() => live.notes().some((note) => note.id === id), 'delivery');
    expect(live.notes().find((note) => note.id === id)).toEqual({
      id,
      body: 'Live aus Halberstadt',
      authorCity: { slug: 'halberstadt' },
      viewerIsAuthor: false,
    });
    expect(
      refused.every((subscription) =>
        subscription.received.every((value) => !value.data?.tandemNoteAdded),
      ),
    ).toBe(true);
  });

  /**
   * A member of Stendal watches the tandem and receives a first note; then `end` takes
   * their access away; the next note must not reach them and the socket closes with `code`.
   */
  async function endsAccess(
    end: (member: Awaited<ReturnType<typeof newMember>>) => Promise<void>,
    code: number,
  ): Promise<void> {
    const witness = await partnerWatcher();
    const member = await newMember(api, 'stendal');
    const socket = open({ cookie: member.client.cookie });
    const live = subscribe(socket.client, tandemId);
    const control = await firstDelivery(newSide, tandemId, live);

    await end(member);
    const after = await addNote(newSide, tandemId, 'Nach dem Ende: nicht für dich');
    // Whoever may still read the tandem gets the note; the subscriber who lost access not.
    await until(() => witness.notes().some((note) => note.id === after), 'delivery to the witness');
    await until(() => socket.closes.length > 0, 'the socket closing');
    expect(socket.closes).toEqual([code]);
    expect(live.notes().map((note) => note.id)).toContain(control);
    expect(live.notes().map((note) => note.id)).not.toContain(after);
    expect(JSON.stringify(live.received)).not.toContain('Nach dem Ende');
  }

  it('stops after logout (session ended: 4401)', async () => {
    await endsAccess(async (member) => {
      const out = await member.client.gql<{ logout: boolean }>('mutation { logout }');
      expect(out.data?.logout).toBe(true);
    }, SESSION_ENDED);
  });

  it('stops after logoutEverywhere from another device (4401)', async () => {
    await endsAccess(async (member) => {
      const laptop = await api.client().login(member.email, NEW_MEMBER_PASSWORD);
      const out = await laptop.gql<{ logoutEverywhere: boolean }>('mutation { logoutEverywhere }');
      expect(out.errors).toBeUndefined();
    }, SESSION_ENDED);
  });

  it('stops when the session is revoked from another device (4401)', async () => {
    await endsAccess(async (member) => {
      const laptop = await api.client().login(member.email, NEW_MEMBER_PASSWORD);
      const listed = await laptop.gql<{ sessions: Array<{ id: string; current: boolean }> }>(
        '{ sessions { id current } }',
      );
      const others = listed.data!.sessions.filter((session) => !session.current);
      expect(others).toHaveLength(1);
      const revoked = await laptop.gql<{ revokeSession: boolean }>(
        'mutation($id: ID!) { revokeSession(id: $id) }',
        { id: others[0].id },
      );
      expect(revoked.data?.revokeSession).toBe(true);
    }, SESSION_ENDED);
  });

  it('stops when the session expires (4401)', async () => {
    await endsAccess(async (member) => {
      await api.ownerQuery(
        `UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [member.userId],
      );
    }, SESSION_ENDED);
  });

  it('stops when the coordinator removes the member from the city (access lost: 4403)', async () => {
    await endsAccess(async (member) => {
      const coordinator = await api.as('coordinator', 'stendal');
      const removed = await coordinator.gql<{ removeMembership: boolean }>(
        'mutation($id: ID!) { removeMembership(membershipId: $id) }',
        { id: member.membershipId },
      );
      expect(removed.data?.removeMembership).toBe(true);
    }, ACCESS_LOST);
  });

  it('refuses WebSocket upgrades from foreign origins and without an origin; the own origin works', async () => {
    const cookie = partnerSide.cookie!;
    expect(await upgrade(api.url, { cookie, origin: 'https://attacker.example' })).toEqual({
      opened: false,
      status: 403,
    });
    expect(await upgrade(api.url, { cookie, origin: 'null' })).toEqual({
      opened: false,
      status: 403,
    });
    // A cookie without an Origin is not a browser on our page: refused, not trusted.
    expect(await upgrade(api.url, { cookie })).toEqual({ opened: false, status: 403 });
    expect(await upgrade(api.url, { cookie, origin: api.url })).toEqual({ opened: true });
    const port = new URL(api.url).port;
    expect(await upgrade(api.url, { cookie, origin: `http://127.0.0.1:${port}` })).toEqual({
      opened: true,
    });
  });
});

describe('live tandem notes: the periodic session check', () => {
  let api: TestPlatform;
  let tandemId: string;
  let newSide: Client;
  const sockets: LiveSocket[] = [];

  beforeAll(async () => {
    api = await startTestPlatform({ WS_SESSION_CHECK_SECONDS: '1' });
    tandemId = await halberstadtTandem(api);
    newSide = await api.as('member', 'halberstadt');
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.client.dispose()));
    await api?.stop();
  });

  /** With no event at all, the open socket closes once the session or the access is gone. */
  async function closesByItself(
    end: (member: Awaited<ReturnType<typeof newMember>>) => Promise<void>,
    code: number,
  ): Promise<void> {
    const member = await newMember(api, 'stendal');
    const socket = wsClient(api.url, { cookie: member.client.cookie });
    sockets.push(socket);
    const live = subscribe(socket.client, tandemId);
    await firstDelivery(newSide, tandemId, live);
    await end(member);
    await until(() => socket.closes.length > 0, 'the socket closing');
    expect(socket.closes).toEqual([code]);
  }

  it('closes the socket of an expired session without waiting for a note (4401)', async () => {
    await closesByItself(async (member) => {
      await api.ownerQuery(
        `UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [member.userId],
      );
    }, SESSION_ENDED);
  });

  it('does not keep a session alive: its checks are not use, so an idle session ends (4401)', async () => {
    const member = await newMember(api, 'stendal');
    const socket = wsClient(api.url, { cookie: member.client.cookie });
    sockets.push(socket);
    const live = subscribe(socket.client, tandemId);
    await firstDelivery(newSide, tandemId, live);
    // Last used ten minutes ago: older than the write interval of last_seen_at (5 min).
    await api.ownerQuery(
      `UPDATE user_session SET last_seen_at = now() - interval '10 minutes' WHERE user_id = $1`,
      [member.userId],
    );
    const stamp = async () =>
      (
        await api.ownerQuery<{ idle: number }>(
          `SELECT extract(epoch FROM now() - last_seen_at)::int AS idle FROM user_session WHERE user_id = $1`,
          [member.userId],
        )
      )[0]?.idle ?? 0;
    // Several checks of the open socket (one a second) later, the session is as idle as before.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    expect(await stamp()).toBeGreaterThanOrEqual(600);
    // Once it is past SESSION_IDLE_MINUTES, the open socket ends like any other.
    await api.ownerQuery(
      `UPDATE user_session SET last_seen_at = now() - interval '1 day' WHERE user_id = $1`,
      [member.userId],
    );
    await until(() => socket.closes.length > 0, 'the socket closing');
    expect(socket.closes).toEqual([SESSION_ENDED]);
  });

  it('closes the socket of a member removed from the city without waiting for a note (4403)', async () => {
    await closesByItself(async (member) => {
      await api.ownerQuery('DELETE FROM membership WHERE id = $1', [member.membershipId]);
    }, ACCESS_LOST);
  });
});
