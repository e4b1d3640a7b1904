import { startTestPlatform, type TestPlatform } from './harness';
import { wsClient } from './live-client';

/**
 * Subscriptions over graphql-ws get the same request limits as queries over HTTP
 * (depth, aliases, cost, token count): the WebSocket is not a way around them.
 */
describe('limits on subscriptions', () => {
  let api: TestPlatform;

  beforeAll(async () => {
    api = await startTestPlatform();
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function firstAnswer(query: string): Promise<{ errors?: Array<{ message: string }> }> {
    const member = await api.as('member', 'goch');
    const socket = wsClient(api.url, { cookie: member.cookie });
    try {
      return await new Promise((resolve) => {
        const stop = socket.client.subscribe(
          { query, variables: { id: '00000000-0000-4000-8000-000000000000' } },
          {
            next: (value) => {
              stop();
              resolve(value as { errors?: Array<{ message: string }> });
            },
            error: (error) =>
              resolve({
                errors: (Array.isArray(error) ? error : [error]) as Array<{ message: string }>,
              }),
            complete: () => resolve({}),
          },
        );
      });
    } finally {
      await socket.client.dispose();
    }
  }

  const nested = (depth: number): string => {
    let selection = 'id';
    for (let level = 0; level < depth; level += 1)
      selection = `tandems { newCity { ${selection} } }`;
    return `subscription($id: ID!) { tandemNoteAdded(tandemId: $id) { authorCity { ${selection} } } }`;
  };

  it('refuses a subscription nested deeper than the depth limit', async () => {
    const answer = await firstAnswer(nested(5));
    expect(answer.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('refuses a subscription with more aliases than allowed', async () => {
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: body`).join(' ');
    const answer = await firstAnswer(
      `subscription($id: ID!) { tandemNoteAdded(tandemId: $id) { ${aliases} } }`,
    );
    expect(answer.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses a subscription document with more tokens than allowed', async () => {
    const fields = Array.from({ length: 2100 }, () => 'id').join(' ');
    const answer = await firstAnswer(
      `subscription($id: ID!) { tandemNoteAdded(tandemId: $id) { ${fields} } }`,
    );
    expect(answer.errors?.[0]?.message).toMatch(/token/i);
  });
});
