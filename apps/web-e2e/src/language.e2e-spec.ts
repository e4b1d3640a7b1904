import type { Browser, Page } from 'playwright-core';
import { closePage, launchBrowser, newVisitorPage } from './support/browser';

describe('language switch', () => {
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

  const h1 = () => page.locator('h1').textContent();
  const lang = () => page.getAttribute('html', 'lang');

  it('switches German texts to English and back, keeps the choice and sets html lang', async () => {
    await page.goto('/');
    await page.locator('.state-card').first().waitFor();
    expect(await lang()).toBe('de');
    expect(await h1()).toBe('Engagierte Stadt – Wissensnetz');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Engagierte Stadt – Wissensnetz' }).waitFor();
    expect(await lang()).toBe('en');
    expect(
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link')
        .allTextContents(),
    ).toEqual(['Network', 'Topics', 'Conferences', 'Search', 'Figures']);
    // State names follow the language too (Niedersachsen → Lower Saxony).
    expect(await page.locator('.state-card__name').allTextContents()).toContain('Lower Saxony');

    // The choice survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Engagierte Stadt – Wissensnetz' }).waitFor();
    expect(await lang()).toBe('en');

    // Topic names come from the API in the chosen language.
    await page.getByRole('link', { name: 'Topics' }).click();
    await page.getByRole('heading', { level: 2, name: 'Prevention' }).waitFor();
    expect(await page.locator('.subtopic__name').allTextContents()).toContain('Domestic violence');

    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Themen des Netzwerks' }).waitFor();
    expect(await lang()).toBe('de');
    expect(await page.locator('.subtopic__name').allTextContents()).toContain('Häusliche Gewalt');
  });
});
