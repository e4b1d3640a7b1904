import type { Browser, Page } from 'playwright-core';
import { memberOf, signInQuietly } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';
import { somePublicPracticeId, waitForHeading } from './support/practices';

/** Eschwege is no other spec's city; its member only opens the editor here, nothing is saved. */
const CITY = 'eschwege';

async function expectPageStructure(page: Page): Promise<void> {
  expect(await page.getAttribute('html', 'lang')).toBe('de');
  expect(await page.locator('h1').count()).toBe(1);
  for (const landmark of ['header', 'nav', 'main', 'footer']) {
    expect(await page.locator(landmark).count()).toBeGreaterThanOrEqual(1);
  }
}

describe('practices accessibility (axe-core, WCAG 2.1 AA)', () => {
  let browser: Browser;
  let page: Page;
  let practiceId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    practiceId = await somePublicPracticeId();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    // axe arrives as an inline script, which the platform's CSP rightly blocks.
    page = await newVisitorPage(browser, { bypassCSP: true });
  });
  afterEach(async () => {
    await closePage(page);
  });

  it('search page with results and facets', async () => {
    await page.goto('/suche?q=Ehrenamt&art=praxis');
    await page.getByTestId('search-results').waitFor();
    await page.locator('.facet').first().waitFor();
    await expectPageStructure(page);
    // The result count is a polite live region.
    expect(await page.getByTestId('search-count').getAttribute('role')).toBe('status');
    expect(await page.getByTestId('search-count').textContent()).toMatch(/\d+ Treffer in \d+ ms/);
    await saveScreenshot(page, 'a11y-search');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('search page without results shows tips', async () => {
    await page.goto('/suche?q=xyzzyquux');
    await page.getByTestId('search-empty').waitFor();
    expect(await page.getByTestId('search-empty').textContent()).toContain('Schreibweise');
    await saveScreenshot(page, 'a11y-search-empty');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('practice page', async () => {
    await page.goto(`/praxis/${practiceId}`);
    await page.getByTestId('practice-page').waitFor();
    await expectPageStructure(page);
    await saveScreenshot(page, 'a11y-practice');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('unknown practice says so clearly', async () => {
    await page.goto('/praxis/00000000-0000-4000-8000-000000000000');
    await waitForHeading(page, 'Praxisbeispiel nicht gefunden');
    await saveScreenshot(page, 'practice-not-found');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('history page with a diff', async () => {
    await page.goto(`/praxis/${practiceId}/verlauf`);
    await page.getByTestId('revision-row').first().waitFor();
    await expectPageStructure(page);
    await saveScreenshot(page, 'a11y-history');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('editor, also with errors and the preview tab', async () => {
    await page.goto('/');
    await signInQuietly(page, memberOf(CITY));
    await page.goto(`/praxis/neu?stadt=${CITY}`);
    await waitForHeading(page, /Neues Praxisbeispiel/);
    await page.getByTestId('topic-picker').getByRole('checkbox').first().waitFor();
    await expectPageStructure(page);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Link hinzufügen' }).click();
    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await page.getByRole('alert', { name: 'Bitte prüfen Sie Ihre Angaben' }).waitFor();
    // The summary takes focus so screen readers read it first.
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('error-summary');
    await saveScreenshot(page, 'a11y-editor-errors');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Beschreibung', { exact: true }).fill('**fett** und <script>x</script>');
    await page.getByRole('tab', { name: 'Vorschau' }).click();
    const preview = page.getByTestId('body-preview');
    expect(await preview.locator('strong').textContent()).toBe('fett');
    // Raw HTML stays text in the preview.
    expect(await preview.locator('script').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('search and practice pages reflow at 320 px', async () => {
    await page.setViewportSize({ width: 320, height: 740 });
    for (const [path, ready] of [
      ['/suche?q=Ehrenamt&art=praxis', '[data-testid="search-results"]'],
      [`/praxis/${practiceId}`, '[data-testid="practice-page"]'],
    ] as const) {
      await page.goto(path);
      await page.locator(ready).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        320,
      );
    }
    await saveScreenshot(page, 'practice-mobile');
    await page.goto('/suche?q=Ehrenamt&art=praxis');
    await page.getByTestId('search-results').waitFor();
    await saveScreenshot(page, 'search-mobile');
  });
});
