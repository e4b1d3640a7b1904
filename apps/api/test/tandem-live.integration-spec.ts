import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const SUBSCRIBE =
  'subscription($id: ID!) { tandemNoteAdded(tandemId: $id) { id body authorCity { slug } viewerIsAuthor } }';

/** A graphql-ws client that sends the session cookie with the upgrade, like a browser. */
function wsClient(url: string, cookie?: string): WsClient {
  class CookieWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  return createClient({
    url: url.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: CookieWebSocket,
    retryAttempts: 0,
  });
}

interface Received {
  data?: {
    tandemNoteAdded: {
      id: string;
      body: string;
      authorCity: { slug: string };
      viewerIsAuthor: boolean;
    };
  } | null;
  errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>;
}

/** Subscribes and collects what arrives; `ready` resolves once the server has accepted. */
function subscribe(client: WsClient, tandemId: string) {
  const received: Received[] = [];
  let failure: unknown;
  const done = new Promise<void>((resolve) => {
    client.subscribe(
      { query: SUBSCRIBE, variables: { id: tandemId } },
      {
        next: (value) => received.push(value as Received),
        error: (error) => {
          failure = error;
          resolve();
        },
        complete: () => resolve(),
      },
    );
  });
  return { received, done, failure: () => failure };
}

const until = async (check: () => boolean, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('nothing arrived in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('live tandem notes (graphql-ws)', () => {
  let api: TestPlatform;
  let tandemId: string;
  let newSide: Client;
  let partnerSide: Client;
  const clients: WsClient[] = [];

  beforeAll(async () => {
    api = await startTestPlatform();
    const { data } = await api.gql<{
      tandems: { edges: Array<{ node: { id: string; newCity: { slug: string } } }> };
    }>(
      '{ tandems(first: 50, filter: { citySlug: "stendal", status: ACTIVE }) { edges { node { id newCity { slug } } } } }',
    );
    tandemId = data!.tandems.edges.find((edge) => edge.node.newCity.slug === 'halberstadt')!.node
      .id;
    newSide = await api.as('member', 'halberstadt');
    partnerSide = await api.as('member', 'stendal');
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await api?.stop();
  });

  it('delivers a note written in one city to the other city’s open page, and to nobody else', async () => {
    const watcher = wsClient(api.url, partnerSide.cookie);
    const outsiderMember = wsClient(api.url, (await api.as('member', 'goch')).cookie);
    const organizer = wsClient(api.url, (await api.as('organizer')).cookie);
    const anonymous = wsClient(api.url);
    clients.push(watcher, outsiderMember, organizer, anonymous);

    const live = subscribe(watcher, tandemId);
    const refused = [
      subscribe(outsiderMember, tandemId),
      subscribe(organizer, tandemId),
      subscribe(anonymous, tandemId),
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
    await new Promise((resolve) => setTimeout(resolve, 300)); // the watcher's subscription is registered

    const added = await newSide.gql<{ addTandemNote: { id: string } }>(
      'mutation($i: AddTandemNoteInput!) { addTandemNote(input: $i) { id } }',
      { i: { tandemId, kind: 'NOTE', body: 'Live aus Halberstadt' } },
    );
    expect(added.errors).toBeUndefined();
    await until(() => live.received.length > 0);
    expect(live.received[0].data?.tandemNoteAdded).toEqual({
      id: added.data!.addTandemNote.id,
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
});
