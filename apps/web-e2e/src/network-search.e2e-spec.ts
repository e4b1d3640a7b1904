import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';
import { baseUrl } from './support/platform';
import { eventually } from './support/practices';

/** Number of hits of a kind, asked straight from the API (no browser). */
async function countOf(query: string, kind: string): Promise<number> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query($q: String!) { search(query: $q, first: 1) { counts { kind count } } }',
      variables: { q: query },
    }),
  });
  const body = (await response.json()) as {
    data?: { search: { counts: Array<{ kind: string; count: number }> } };
  };
  return body.data?.search.counts.find((entry) => entry.kind === kind)?.count ?? 0;
}

/**
 * The one search box: the header's combobox (keyboard only) and the results page's tabs.
 * Anonymous visitors only (no sign-in): Bad Hersfeld and Bad Salzuflen are this file's
 * cities, and only searched for.
 */
describe('one search box: combobox in the header, tabs by kind on /suche', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    // A fresh platform answers before its outbox has filled the new indexes.
    await eventually(
      async () => ((await countOf('Bad Hersfeld', 'CITY')) > 0 ? true : null),
      'the demo cities in the search',
      60_000,
    );
    await eventually(
      async () => ((await countOf('Regionalkonferenz', 'CONFERENCE')) > 0 ? true : null),
      'the demo conferences in the search',
      60_000,
    );
  }, 120_000);
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

  /** Types into the header's field and waits until its suggestions are shown. */
  async function suggest(text: string): Promise<void> {
    const input = page.getByRole('combobox', { name: 'Im Netzwerk suchen' });
    await input.focus();
    await input.fill(text);
    await page.getByTestId('header-search-list').getByRole('option').first().waitFor();
    await page.waitForFunction(
      () => document.querySelector('#header-search')?.getAttribute('aria-expanded') === 'true',
    );
  }

  it('suggests while typing; arrow keys choose, Enter opens, Escape closes', async () => {
    await page.goto('/');
    await page.locator('h1').first().waitFor();
    await suggest('Bad Hersfeld');
    const input = page.locator('#header-search');
    const list = page.getByTestId('header-search-list');
    // The number of suggestions is announced politely.
    await page
      .locator('.header-search [role="status"]')
      .filter({ hasText: /Vorschl(ag|äge)/ })
      .waitFor();
    const city = list.getByRole('option').filter({ hasText: /Kommune\s*Bad Hersfeld/ });
    expect(await list.getByRole('option').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Kommune\s*Bad Hersfeld/)]),
    );
    expect(await list.getAttribute('aria-label')).toBe('Vorschläge');
    expect(await input.getAttribute('aria-controls')).toBe(await list.getAttribute('id'));
    await saveScreenshot(page, 'search-combobox');
    expect(await seriousViolations(page)).toEqual([]);

    // Down until the city is the active option; focus never leaves the field.
    const options = await list.getByRole('option').allTextContents();
    const target = options.findIndex((text) => /Kommune\s*Bad Hersfeld/.test(text));
    expect(target).toBeGreaterThanOrEqual(0);
    for (let step = 0; step <= target; step += 1) await page.keyboard.press('ArrowDown');
    const activeId = await input.getAttribute('aria-activedescendant');
    expect(activeId).toBe(await city.getAttribute('id'));
    expect(await city.getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search');
    // Up from the first option wraps to the last ("all results"), down comes back.
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowDown');
    expect(await input.getAttribute('aria-activedescendant')).toBe(activeId);

    await page.keyboard.press('Enter');
    await page.waitForURL(/\/bad-hersfeld$/);

    // Escape closes the list and keeps the text; a second Escape clears it.
    await suggest('Bad Salzuflen');
    await page.keyboard.press('Escape');
    expect(await input.getAttribute('aria-expanded')).toBe('false');
    expect(await input.inputValue()).toBe('Bad Salzuflen');
    await page.keyboard.press('Escape');
    expect(await input.inputValue()).toBe('');

    // Enter without a chosen option opens the results page for the text.
    await suggest('Regionalkonferenz');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/suche\?q=Regionalkonferenz$/);
    await page.getByTestId('network-search-results').waitFor();
  });

  it('labels each hit with its kind; tabs by kind keep to the address', async () => {
    await page.goto('/suche?q=Regionalkonferenz');
    const results = page.getByTestId('network-search-results');
    await results.waitFor();
    expect(await page.getByTestId('search-tab-alle').getAttribute('aria-current')).toBe('page');
    const conference = results.locator('[data-kind="CONFERENCE"]').first();
    await conference.waitFor();
    expect(await conference.locator('.search-kind').textContent()).toBe('Konferenz');
    expect(await conference.locator('mark').first().textContent()).toBe('Regionalkonferenz');
    await page
      .getByTestId('search-tab-konferenzen')
      .filter({ hasText: /Konferenzen \(\d+\)/ })
      .waitFor();
    await saveScreenshot(page, 'search-all-kinds');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('search-tab-konferenzen').click();
    await page.waitForURL(/art=konferenzen/);
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid="search-tab-konferenzen"]')
          ?.getAttribute('aria-current') === 'page',
    );
    await results.locator('[data-testid="search-hit"]').first().waitFor();
    const kinds = await results
      .locator('[data-testid="search-hit"]')
      .evaluateAll((hits) => hits.map((hit) => hit.getAttribute('data-kind')));
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['CONFERENCE']));

    // The practices tab is the practice search with its facets, the text kept.
    await page.getByTestId('search-tab-praxis').click();
    await page.waitForURL(/art=praxis/);
    await page.getByTestId('search-page').waitFor();
    expect(await page.getByTestId('search-input').inputValue()).toBe('Regionalkonferenz');
    expect(await page.getByTestId('search-tab-praxis').getAttribute('aria-current')).toBe('page');
  });

  it('reflows at 320 px, combobox and results, with no serious axe violation', async () => {
    await page.setViewportSize({ width: 320, height: 740 });
    await page.goto('/suche?q=Bad');
    await page.getByTestId('network-search-results').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await saveScreenshot(page, 'search-mobile-kinds');
    expect(await seriousViolations(page)).toEqual([]);

    await page.goto('/');
    await page.locator('h1').first().waitFor();
    // On phones the search sits behind the menu button.
    const menu = page.getByRole('button', { name: 'Menü' });
    if (await menu.isVisible()) await menu.click();
    await suggest('Bad Salzuflen');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await saveScreenshot(page, 'search-combobox-mobile');
    expect(await seriousViolations(page)).toEqual([]);
  });
});
