import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestPlatform, type TestPlatform } from './harness';

/** The web app's addresses: every page gets index.html, but only existing pages answer 200. */
describe('web app pages', () => {
  let api: TestPlatform;
  let webDist: string;

  beforeAll(async () => {
    webDist = await mkdtemp(join(tmpdir(), 'web-dist-'));
    await writeFile(join(webDist, 'index.html'), '<!doctype html><title>Wissensnetz</title>');
    api = await startTestPlatform({ WEB_DIST: webDist });
  });
  afterAll(async () => {
    await api?.stop();
    await rm(webDist, { recursive: true, force: true });
  });

  async function page(path: string, cookie?: string): Promise<{ status: number; body: string }> {
    const response = await fetch(`${api.url}${path}`, {
      headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) },
    });
    return { status: response.status, body: await response.text() };
  }

  it('answers 200 with the app for the network pages and pages of member cities', async () => {
    for (const path of [
      '/',
      '/themen',
      '/suche',
      '/konferenzen',
      '/cloppenburg',
      '/cloppenburg/mitglieder',
    ]) {
      const { status, body } = await page(path);
      expect({ path, status }).toEqual({ path, status: 200 });
      expect(body).toContain('<title>Wissensnetz</title>');
    }
  });

  it('answers 404 (still with the app, which shows its not-found page) for unknown paths', async () => {
    for (const path of ['/gibt/es/nicht', '/themen/unbekannt', '/cloppenburg/unbekannt']) {
      const { status, body } = await page(path);
      expect({ path, status }).toEqual({ path, status: 404 });
      expect(body).toContain('<title>Wissensnetz</title>');
    }
  });

  it('answers 404 for a city slug no member city has', async () => {
    expect((await page('/atlantis')).status).toBe(404);
    expect((await page('/atlantis/mitglieder')).status).toBe(404);
  });

  it('answers a page of one practice, conference or tandem with 404 when the visitor cannot see it', async () => {
    const one = async (sql: string) => (await api.ownerQuery<{ id: string }>(sql))[0].id;
    const publicPractice = await one(
      `SELECT id FROM practice WHERE status = 'PUBLISHED' AND visibility = 'PUBLIC' LIMIT 1`,
    );
    const [networkPractice] = await api.ownerQuery<{ id: string; slug: string }>(
      `SELECT p.id, c.slug FROM practice p JOIN city c ON c.id = p.city_id
        WHERE p.status = 'PUBLISHED' AND p.visibility = 'NETWORK' LIMIT 1`,
    );
    const conference = await one(`SELECT id FROM conference LIMIT 1`);
    const [tandem] = await api.ownerQuery<{ id: string; slug: string }>(
      `SELECT t.id, c.slug FROM tandem t JOIN city c ON c.id = t.city_id
        WHERE t.status = 'PROPOSED' LIMIT 1`,
    );
    const unknown = '00000000-0000-4000-8000-000000000000';

    // Anonymous: public practice and conference exist for them, the rest does not.
    for (const path of [`/praxis/${publicPractice}`, `/praxis/${publicPractice}/verlauf`]) {
      expect({ path, status: (await page(path)).status }).toEqual({ path, status: 200 });
    }
    expect((await page(`/konferenzen/${conference}`)).status).toBe(200);
    for (const path of [
      `/praxis/${networkPractice.id}`,
      `/praxis/${unknown}`,
      '/praxis/42',
      `/konferenzen/${unknown}`,
      `/${tandem.slug}/tandems/${tandem.id}`,
    ]) {
      expect({ path, status: (await page(path)).status }).toEqual({ path, status: 404 });
    }

    // A member sees the network practice and their own city's proposed tandem.
    const member = await api.as('member', tandem.slug);
    for (const path of [`/praxis/${networkPractice.id}`, `/${tandem.slug}/tandems/${tandem.id}`]) {
      expect({ path, status: (await page(path, member.cookie)).status }).toEqual({
        path,
        status: 200,
      });
    }
    expect((await page(`/praxis/${unknown}`, member.cookie)).status).toBe(404);
  });

  it('leaves the API paths alone', async () => {
    const health = await fetch(`${api.url}/health`, { headers: { accept: 'text/html' } });
    expect(health.headers.get('content-type')).toContain('application/json');
  });
});
