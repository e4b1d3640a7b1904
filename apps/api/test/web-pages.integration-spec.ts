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

  async function page(path: string): Promise<{ status: number; body: string }> {
    const response = await fetch(`${api.url}${path}`, { headers: { accept: 'text/html' } });
    return { status: response.status, body: await response.text() };
  }

  it('answers 200 with the app for the network pages and pages of member cities', async () => {
    for (const path of [
      '/',
      '/themen',
      '/suche',
      '/konferenzen',
      '/praxis/42',
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

  it('leaves the API paths alone', async () => {
    const health = await fetch(`${api.url}/health`, { headers: { accept: 'text/html' } });
    expect(health.headers.get('content-type')).toContain('application/json');
  });
});
