import type { Browser, Page } from 'playwright-core';
import { graphql } from './support/api';
import { closePage, launchBrowser, newVisitorPage } from './support/browser';

/** WCAG contrast of two CSS rgb() colours, computed in the test to check the page's choice. */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, b2] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const channel = (v: number) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b2);
  };
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

describe('city page', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await newVisitorPage(browser);
  });
  afterEach(async () => {
    await closePage(page);
  });

  it('shows Cloppenburg with its federal state, joined year and population', async () => {
    const { city } = await graphql<{
      city: { population: number | null; brandColor: string } | null;
    }>('query ($slug: String!) { city(slug: $slug) { population brandColor } }', {
      slug: 'cloppenburg',
    });
    expect(city).not.toBeNull();

    await page.goto('/cloppenburg');
    await page.getByRole('heading', { level: 1, name: 'Cloppenburg' }).waitFor();

    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.title()).toBe('Cloppenburg – Wissensnetz');
    expect(await page.getByTestId('city-state').textContent()).toBe('Niedersachsen');
    expect(await page.getByTestId('city-kind').textContent()).toBe('Stadt');
    expect(await page.getByTestId('city-joined').textContent()).toBe('Mitglied seit 2024');
    if (city?.population != null) {
      expect(await page.getByTestId('city-population').textContent()).toBe(
        new Intl.NumberFormat('de-DE').format(city.population),
      );
    }
    expect(await page.locator('.city__profile p').count()).toBeGreaterThan(0);
    expect(await page.locator('.city__topics .tag').count()).toBeGreaterThan(0);

    // The brand colour is the banner's background; its text must stay readable (AA, 4.5:1).
    const colours = await page.locator('.city__banner').evaluate((banner) => {
      const style = getComputedStyle(banner);
      return { background: style.backgroundColor, text: style.color };
    });
    const hex = city!.brandColor.toLowerCase();
    const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ');
    expect(colours.background).toBe(`rgb(${rgb})`);
    expect(contrast(colours.background, colours.text)).toBeGreaterThanOrEqual(4.5);
  });

  it('says clearly that an unknown city does not exist and where to go from there', async () => {
    await page.goto('/gibt-es-nicht-hausen');
    const heading = page.getByRole('heading', { level: 1, name: 'Stadt nicht gefunden' });
    await heading.waitFor();
    expect(await page.title()).toBe('Stadt nicht gefunden – Wissensnetz');
    expect(await page.getByTestId('city-not-found').textContent()).toContain(
      '/gibt-es-nicht-hausen',
    );

    // The same ways on as every not-found page.
    const next = page.getByRole('navigation', { name: 'Von hier geht es weiter:' });
    expect(await next.getByRole('link').allTextContents()).toEqual([
      'Zur Startseite',
      'Praxisbeispiele suchen',
      'Themen des Netzwerks',
      'Konferenzen',
    ]);
    await next.getByRole('link', { name: 'Zur Startseite' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'Engagierte Stadt – Wissensnetz' }).waitFor();
  });

  it('shows the not-found page for nested unknown routes', async () => {
    await page.goto('/cloppenburg/gibt/es/nicht');
    await page.getByRole('heading', { level: 1, name: 'Seite nicht gefunden' }).waitFor();
    expect(await page.getByRole('link', { name: 'Zur Startseite' }).getAttribute('href')).toBe('/');
  });
});
