import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

interface Case {
  name: string;
  path: string;
  /** Something that only shows once the page's data has arrived. */
  ready: string;
  language?: 'en';
}

const PAGES: Case[] = [
  { name: 'start', path: '/', ready: '.state-card' },
  { name: 'city-cloppenburg', path: '/cloppenburg', ready: '[data-testid="city-page"]' },
  {
    name: 'city-not-found',
    path: '/gibt-es-nicht-hausen',
    ready: '[data-testid="city-not-found"]',
  },
  { name: 'topics', path: '/themen', ready: '.topic-card' },
  { name: 'start-en', path: '/', ready: '.state-card', language: 'en' },
];

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    // axe arrives as an inline script, which the platform's CSP (script-src 'self') rightly blocks.
    page = await newVisitorPage(browser, { bypassCSP: true });
  });
  afterEach(async () => {
    await closePage(page);
  });

  it.each(PAGES)(
    '$name ($path) has no serious or critical violations',
    async ({ name, path, ready, language }) => {
      if (language) {
        await page.addInitScript(
          (lang) => localStorage.setItem('wissensnetz.language', lang),
          language,
        );
      }
      await page.goto(path);
      await page.locator(ready).first().waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(language ?? 'de');
      expect(await page.locator('h1').count()).toBe(1);
      for (const landmark of ['header', 'nav', 'main', 'footer']) {
        expect(await page.locator(landmark).count()).toBeGreaterThanOrEqual(1);
      }

      await saveScreenshot(page, name);
      expect(await seriousViolations(page)).toEqual([]);
    },
  );

  it('stays usable on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 320, height: 740 });
    await page.goto('/cloppenburg');
    await page.locator('[data-testid="city-page"]').waitFor();
    // No horizontal scrolling at 320 CSS px (WCAG 1.4.10 reflow).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await saveScreenshot(page, 'city-cloppenburg-mobile');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
