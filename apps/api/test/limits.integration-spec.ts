import { inject } from 'vitest';
import { GRAPHQL_LIMITS } from '../src/core/graphql/limits';
import { startTestPlatform, type TestPlatform } from './harness';

describe('request limits', () => {
  let api: TestPlatform;

  beforeAll(async () => {
    api = await startTestPlatform();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('refuses a query deeper than the limit with a typed error', async () => {
    const nested = (depth: number): string =>
      depth === 0 ? 'slug' : `slug children { ${nested(depth - 1)} }`;
    const ok = await api.gql(`{ topics { ${nested(3)} } }`);
    expect(ok.errors).toBeUndefined();
    const deep = await api.gql(`{ topics { ${nested(GRAPHQL_LIMITS.maxDepth + 2)} } }`);
    expect(deep.data ?? null).toBeNull();
    expect(deep.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.errors?.[0].message).toMatch(/depth/i);
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from(
      { length: GRAPHQL_LIMITS.maxAliases + 5 },
      (_, i) => `a${i}: topics { slug }`,
    ).join(' ');
    const { errors } = await api.gql(`{ ${aliases} }`);
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(errors?.[0].message).toMatch(/alias/i);
  });

  it('refuses a query with too many tokens as bad input (400)', async () => {
    const fields = Array.from({ length: GRAPHQL_LIMITS.maxTokens }, () => 'slug').join(' ');
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ topics { ${fields} } }` }),
    });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as {
      errors: Array<{ message: string; extensions: { code: string } }>;
    };
    expect(errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(errors[0].message).toMatch(/tokens/i);
  });

  it('answers syntax errors with 400 and GRAPHQL_PARSE_FAILED, never a 500', async () => {
    for (const query of ['query books / { books { title } }', '{ topics { slug ', '{ 00000 }']) {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      expect(response.status).toBe(400);
      const { errors } = (await response.json()) as {
        errors: Array<{ extensions: { code: string } }>;
      };
      expect(errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    }
  });

  it('refuses too large a page', async () => {
    const { errors } = await api.gql('{ cities(first: 101) { totalCount } }');
    expect(errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
      reason: 'PAGE_SIZE_TOO_LARGE',
    });
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ topics { slug } }' }, { query: '{ topics { slug } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('answers a batch of bad logins from one address with TOO_MANY_ATTEMPTS, never a 500', async () => {
    const statuses: string[] = [];
    for (let i = 0; i < 35; i++) {
      // No TRUST_PROXY here: a new X-Forwarded-For per request must not make a new address.
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i + 1}` },
        body: JSON.stringify({
          query: 'mutation($i: LoginInput!) { login(input: $i) { id } }',
          variables: { i: { email: `raten.${i}@stadt.example`, password: 'falsch' } },
        }),
      });
      expect(response.status).toBeLessThan(500);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      statuses.push(body.errors[0].extensions.code);
    }
    expect(statuses.slice(0, 30).every((code) => code === 'UNAUTHENTICATED')).toBe(true);
    expect(statuses.slice(30).every((code) => code === 'TOO_MANY_ATTEMPTS')).toBe(true);
    await api.ownerQuery('DELETE FROM login_throttle');
  });
});

describe('production mode', () => {
  let api: TestPlatform;

  beforeAll(async () => {
    const env = inject('serviceEnv');
    api = await startTestPlatform({
      NODE_ENV: 'production',
      SEED_DEMO: 'false',
      PUBLIC_URL: 'https://wissensnetz.example',
      OPERATOR_NAME: 'Netzwerkstelle Beispiel',
      OPERATOR_ADDRESS: 'Musterweg 3|12345 Beispielstadt',
      OPERATOR_REPRESENTATIVE: 'N. N.',
      OPERATOR_EMAIL: 'kontakt@netzwerk.example',
      OPERATOR_PHONE: '+49 30 000000',
      DPO_NAME: 'N. N.',
      DPO_CONTACT: 'datenschutz@netzwerk.example',
      SUPERVISORY_AUTHORITY_NAME: 'Aufsicht Beispiel',
      SUPERVISORY_AUTHORITY_URL: 'https://aufsicht.example',
      ...env,
    });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('turns introspection off', async () => {
    const { errors } = await api.gql('{ __schema { types { name } } }');
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('does not suggest field names', async () => {
    const { errors } = await api.gql('{ citie { totalCount } }');
    expect(errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('has no development mailbox: the query does not exist', async () => {
    const { errors } = await api.gql('{ devMailbox { id } }');
    expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('takes links from PUBLIC_URL', () => {
    expect(api.platform.config.publicUrl).toBe('https://wissensnetz.example');
  });

  it('answers broken JSON and broken extensions with a typed 400 here too', async () => {
    const answers = [
      await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"query": "{ __typename }", "extensions"',
      }),
      await fetch(
        `${api.url}/graphql?query=${encodeURIComponent('{__typename}')}&extensions=%7B%2`,
        { headers: { 'apollo-require-preflight': 'true' } },
      ),
    ];
    for (const answer of answers) {
      const text = await answer.text();
      expect(answer.status).toBe(400);
      expect(text).not.toContain('INTERNAL_SERVER_ERROR');
    }
  });
});
