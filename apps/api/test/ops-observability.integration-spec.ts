import { OutboxWorker } from '../src/search/outbox-worker';
import { startTestPlatform, type TestPlatform } from './harness';

/** Request ids, GraphQL error extensions and the token-protected /metrics. */
describe('operability: request ids and /metrics', () => {
  const token = 'ops-test-metrics-token-0123456789';
  let api: TestPlatform;

  beforeAll(async () => {
    api = await startTestPlatform({ METRICS_TOKEN: token });
    await api.platform.app.get(OutboxWorker).settle(60_000);
  });
  afterAll(async () => {
    await api?.stop();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  it('keeps a sane incoming x-request-id, replaces an odd one, and names it in GraphQL errors', async () => {
    const given = 'ops-test-request-0001';
    const kept = await post({ query: '{ __typename }' }, { 'x-request-id': given });
    expect(kept.headers.get('x-request-id')).toBe(given);

    const odd = await post({ query: '{ __typename }' }, { 'x-request-id': 'bad id <script>' });
    expect(odd.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const none = await post({ query: '{ __typename }' });
    const generated = none.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(generated).not.toBe(odd.headers.get('x-request-id'));

    // A typed error (not signed in) and a validation error both carry the id.
    const refused = await post(
      { query: '{ notifications { id } }' },
      { 'x-request-id': 'ops-test-request-0002' },
    );
    const refusedBody = (await refused.json()) as {
      errors?: Array<{ extensions?: Record<string, unknown> }>;
    };
    const invalid = await post({ query: '{ noSuchField }' });
    const invalidBody = (await invalid.json()) as {
      errors?: Array<{ extensions?: Record<string, unknown> }>;
    };
    expect(invalidBody.errors?.[0]?.extensions?.requestId).toBe(
      invalid.headers.get('x-request-id'),
    );
    expect(refusedBody.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      requestId: 'ops-test-request-0002',
    });
  });

  it('refuses /metrics without the token and with a wrong one', async () => {
    const without = await fetch(`${api.url}/metrics`);
    expect(without.status).toBe(401);
    const wrong = await fetch(`${api.url}/metrics`, {
      headers: { authorization: `Bearer ${token}x` },
    });
    expect(wrong.status).toBe(401);
    const basic = await fetch(`${api.url}/metrics`, {
      headers: { authorization: `Basic ${token}` },
    });
    expect(basic.status).toBe(401);
    expect(await wrong.text()).not.toContain('wissensnetz_');
  });

  it('answers the metrics with the token: operations, search, queues, pools', async () => {
    await post({ query: 'query OpsMetricsProbe { __typename }', operationName: 'OpsMetricsProbe' });
    await post({ query: '{ __typename }' });
    await post({ query: '{ searchPractices(query: "Ehrenamt") { totalHits } }' });
    const answer = await fetch(`${api.url}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await answer.text();
    expect(text).toMatch(
      /wissensnetz_graphql_request_duration_seconds_count\{operation="OpsMetricsProbe",type="query",outcome="ok"\} [1-9]/,
    );
    expect(text).toMatch(
      /wissensnetz_graphql_request_duration_seconds_count\{operation="anonymous"/,
    );
    expect(text).toMatch(
      /wissensnetz_search_duration_seconds_count\{index="[^"]+",outcome="ok"\} [1-9]/,
    );
    for (const outbox of ['search', 'notifications', 'mail', 'data_export']) {
      expect(text).toMatch(new RegExp(`wissensnetz_outbox_pending\\{outbox="${outbox}"\\} \\d+`));
      expect(text).toMatch(new RegExp(`wissensnetz_outbox_lag_seconds\\{outbox="${outbox}"\\} `));
      expect(text).toMatch(new RegExp(`wissensnetz_outbox_failed\\{outbox="${outbox}"\\} \\d+`));
    }
    expect(text).toMatch(/wissensnetz_mail_queue_length \d+/);
    expect(text).toMatch(/wissensnetz_metrics_queues_readable 1/);
    expect(text).toMatch(/wissensnetz_db_pool_connections\{pool="app",state="total"\} [1-9]/);
    expect(text).toMatch(/wissensnetz_db_pool_max\{pool="app"\} \d+/);
    expect(text).toMatch(
      /wissensnetz_http_request_duration_seconds_count\{method="POST",status="2xx"\}/,
    );
    expect(text).toMatch(/wissensnetz_process_cpu_seconds_total/);
  });

  it('keeps the operation label bounded whatever names clients send', async () => {
    for (let n = 0; n < 3; n += 1)
      await post({ query: `query Ops_Flood_${n} { __typename }`, operationName: `Ops_Flood_${n}` });
    await post({
      query: 'query X { __typename }',
      operationName: 'not a valid name',
    });
    const text = await (
      await fetch(`${api.url}/metrics`, { headers: { authorization: `Bearer ${token}` } })
    ).text();
    expect(text).not.toContain('not a valid name');
  });
});
