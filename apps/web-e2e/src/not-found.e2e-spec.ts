import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

/** Unknown addresses: HTTP 404 from the server (crawlers see it) and a page with ways on. */
describe('not-found page', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await newVisitorPage(browser, { bypassCSP: true });
  });
  afterEach(async () => {
    await closePage(page);
  });

  it('answers an unknown path with 404 and links to start, search, topics and conferences', async () => {
    const response = await page.goto('/gibt/es/nicht');
    expect(response?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    const links = page.getByTestId('not-found').getByRole('link');
    expect(await links.allTextContents()).toEqual([
      'Zur Startseite',
      'Praxisbeispiele suchen',
      'Themen des Netzwerks',
      'Konferenzen',
    ]);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'not-found');

    await page.getByRole('link', { name: 'Themen des Netzwerks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Themen des Netzwerks' }).waitFor();
  });

  it('answers an unknown city with 404, a known one with 200', async () => {
    expect((await page.goto('/atlantis'))?.status()).toBe(404);
    expect((await page.goto('/cloppenburg'))?.status()).toBe(200);
    expect((await page.goto('/cloppenburg/unbekannt'))?.status()).toBe(404);
    await page.getByTestId('not-found').waitFor();
  });

  it('speaks English when the visitor chose English', async () => {
    await page.goto('/');
    await page.evaluate(() => window.localStorage.setItem('wissensnetz.language', 'en'));
    expect((await page.goto('/no/such/page'))?.status()).toBe(404);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Search practices' }).waitFor();
  });
});
