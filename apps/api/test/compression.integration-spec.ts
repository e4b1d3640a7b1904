import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startTestPlatform, type TestPlatform } from './harness';

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Raw HTTP (fetch would decode the body and hide what was on the wire). */
function raw(
  url: string,
  headers: Record<string, string>,
  options: { method?: string; body?: string } = {},
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

function decoded(response: Raw): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(response.body).toString('utf8');
  return response.body.toString('utf8');
}

/**
 * Compression (issue 18): the built files' brotli/gzip copies (scripts/compress-web.mjs) are
 * sent with Content-Encoding, Vary and the original Content-Type; GraphQL answers above the
 * threshold are compressed on the fly; downloads are not touched.
 */
describe('compression', () => {
  let api: TestPlatform;
  let webDist: string;
  const script = `console.log(${JSON.stringify('Wissensnetz '.repeat(400))});\n`;
  const indexHtml = `<!doctype html><title>Wissensnetz</title>${'<p>Seite</p>'.repeat(200)}`;

  beforeAll(async () => {
    webDist = await mkdtemp(join(tmpdir(), 'web-dist-compressed-'));
    await mkdir(join(webDist, 'assets'));
    await writeFile(join(webDist, 'index.html'), indexHtml);
    await writeFile(join(webDist, 'assets', 'index-abc123.js'), script);
    await writeFile(join(webDist, 'assets', 'tiny-abc123.css'), 'a{}');
    execFileSync(process.execPath, [join(__dirname, '../../../scripts/compress-web.mjs'), webDist]);
    api = await startTestPlatform({ WEB_DIST: webDist });
  });
  afterAll(async () => {
    await api?.stop();
    await rm(webDist, { recursive: true, force: true });
  });

  const asset = '/assets/index-abc123.js';

  it('sends a hashed asset as brotli when accepted, with its type, Vary and a long cache', async () => {
    const response = await raw(`${api.url}${asset}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toMatch(/max-age=31536000/);
    expect(response.headers['cache-control']).toMatch(/immutable/);
    expect(Number(response.headers['content-length'])).toBe(response.body.length);
    expect(response.body.length).toBeLessThan(script.length / 4);
    expect(decoded(response)).toBe(script);
  });

  it('sends gzip to a client without brotli, and the file as it is to one without either', async () => {
    const gzip = await raw(`${api.url}${asset}`, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.headers['content-type']).toMatch(/javascript/);
    expect(decoded(gzip)).toBe(script);

    const plainRequests: Array<Record<string, string>> = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
    ];
    for (const headers of plainRequests) {
      const plain = await raw(`${api.url}${asset}`, headers);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(plain.headers['content-type']).toMatch(/javascript/);
      expect(plain.body.toString('utf8')).toBe(script);
    }
  });

  it('sends a file too small to have a copy as it is, and 404 for a missing asset', async () => {
    const tiny = await raw(`${api.url}/assets/tiny-abc123.css`, { 'accept-encoding': 'br' });
    expect(tiny.status).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString('utf8')).toBe('a{}');
    const missing = await raw(`${api.url}/assets/missing.js`, { 'accept-encoding': 'br' });
    expect(missing.status).toBe(404);
    const traversal = await raw(`${api.url}/assets/..%2findex.html`, { 'accept-encoding': 'br' });
    expect(traversal.headers['content-encoding']).toBeUndefined();
  });

  it('sends the app page compressed, never cached, with the page status', async () => {
    const page = await raw(`${api.url}/`, { accept: 'text/html', 'accept-encoding': 'br' });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(decoded(page)).toBe(indexHtml);
    const missing = await raw(`${api.url}/gibt/es/nicht`, {
      accept: 'text/html',
      'accept-encoding': 'gzip',
    });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-encoding']).toBe('gzip');
    expect(decoded(missing)).toBe(indexHtml);
  });

  const graphql = (query: string, encoding: string) =>
    raw(
      `${api.url}/graphql`,
      { 'content-type': 'application/json', 'accept-encoding': encoding },
      { method: 'POST', body: JSON.stringify({ query }) },
    );

  it('compresses a GraphQL answer above the threshold, and not a small one', async () => {
    const list = '{ cities(first: 50) { edges { node { id slug name } } } }';
    const br = await graphql(list, 'br, gzip');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    const body = JSON.parse(decoded(br)) as { data: { cities: { edges: unknown[] } } };
    expect(body.data.cities.edges.length).toBeGreaterThan(5);

    const gzip = await graphql(list, 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(gzip))).toEqual(body);

    const identity = await graphql(list, 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(identity.body.toString('utf8'))).toEqual(body);

    const small = await graphql('{ __typename }', 'br, gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8'))).toMatchObject({
      data: { __typename: 'Query' },
    });
  });

  it('leaves calendar downloads and the health check alone', async () => {
    const [city] = await api.ownerQuery<{ slug: string }>(
      `SELECT slug FROM city ORDER BY slug LIMIT 1`,
    );
    const calendar = await raw(`${api.url}/calendar/${city.slug}.ics`, {
      'accept-encoding': 'br, gzip',
    });
    expect(calendar.status).toBe(200);
    expect(calendar.headers['content-encoding']).toBeUndefined();
    expect(calendar.body.toString('utf8')).toContain('BEGIN:VCALENDAR');
    const health = await raw(`${api.url}/health`, { 'accept-encoding': 'br, gzip' });
    expect(health.headers['content-encoding']).toBeUndefined();
  });
});
