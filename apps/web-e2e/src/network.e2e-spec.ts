import type { Browser, Page } from 'playwright-core';
import { FEDERAL_STATES, type FederalStateCode } from '@wissensnetz/domain';
import { graphql } from './support/api';
import { closePage, launchBrowser, newVisitorPage } from './support/browser';
import { somePublicPracticeId } from './support/practices';

describe('network start page', () => {
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
    await page.goto('/');
    await page.locator('.state-card').first().waitFor();
  });
  afterEach(async () => {
    await closePage(page);
  });

  it('introduces the network in German', async () => {
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').textContent()).toBe('Engagierte Stadt – Wissensnetz');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(await page.title()).toBe('Wissensnetz – Engagierte Stadt');
  });

  it('counts the public practices for a visitor and says that members see more', async () => {
    // The search index is filled a moment after the platform starts.
    await somePublicPracticeId();
    await page.reload();
    const count = page.getByTestId('practice-count');
    await count.filter({ hasText: /öffentliche Praxisbeispiele/ }).waitFor();
    expect(await count.textContent()).toMatch(
      /^\d+ öffentliche Praxisbeispiele – angemeldete Mitglieder sehen weitere\.$/,
    );
  });

  it('lists every federal state with members and its count, as the API reports them', async () => {
    const { federalStates } = await graphql<{
      federalStates: Array<{ code: FederalStateCode; cityCount: number }>;
    }>('{ federalStates { code cityCount } }');
    expect(federalStates.length).toBeGreaterThan(1);

    const cards = await page.locator('.state-card').evaluateAll((elements) =>
      elements.map((element) => ({
        code: element.getAttribute('data-state'),
        name: element.querySelector('.state-card__name')?.textContent ?? '',
        count: element.querySelector('.state-card__count')?.textContent ?? '',
        links: element.querySelectorAll('a').length,
      })),
    );

    expect(cards.map((card) => card.code).sort()).toEqual(
      federalStates.map((state) => state.code).sort(),
    );
    for (const state of federalStates) {
      const card = cards.find((candidate) => candidate.code === state.code);
      expect(card?.name).toBe(FEDERAL_STATES[state.code].de);
      expect(card?.count).toBe(
        `${state.cityCount} ${state.cityCount === 1 ? 'Kommune' : 'Kommunen'}`,
      );
      expect(card?.links).toBe(state.cityCount);
    }
    // German alphabetical order of the state names.
    const names = cards.map((card) => card.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'de')));
  });

  it('shows Cloppenburg under Niedersachsen with kind and joined year, linking to its page', async () => {
    const niedersachsen = page.locator('section.state-card', {
      has: page.getByRole('heading', { name: /^Niedersachsen/ }),
    });
    const link = niedersachsen.getByRole('link', { name: 'Cloppenburg', exact: true });
    expect(await link.count()).toBe(1);
    expect(await link.getAttribute('href')).toBe('/cloppenburg');
    const item = niedersachsen.locator('li', {
      has: page.getByRole('link', { name: 'Cloppenburg', exact: true }),
    });
    expect(await item.locator('.city-list__meta').textContent()).toBe('Stadt · Mitglied seit 2024');

    await link.click();
    await page.waitForURL('**/cloppenburg');
    await page.getByRole('heading', { level: 1, name: 'Cloppenburg' }).waitFor();
    // Client-side navigation moves focus to the new page's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });

  it('filters the members by joined year and kind', async () => {
    const allLinks = await page.locator('.city-list__link').count();
    const result = page.locator('.filter__result');
    const metas = () => page.locator('.city-list__meta').allTextContents();

    await page.getByLabel('Beitrittsjahr').selectOption('2024');
    await page.waitForFunction(() => document.querySelector('.filter__result')?.textContent !== '');
    const cohort = await metas();
    expect(cohort.length).toBeGreaterThan(0);
    expect(cohort.length).toBeLessThan(allLinks);
    expect(cohort.filter((meta) => !meta.endsWith('Mitglied seit 2024'))).toEqual([]);
    expect(await result.textContent()).toBe(`${cohort.length} Kommunen angezeigt`);
    expect(page.url()).toContain('jahrgang=2024');

    const cohortResult = await result.textContent();
    await page.getByLabel('Art der Kommune').selectOption('DISTRICT');
    await page.waitForFunction(
      (before) => document.querySelector('.filter__result')?.textContent !== before,
      cohortResult,
    );
    const districts = await metas();
    expect(districts.length).toBeGreaterThan(0);
    expect(districts.length).toBeLessThan(cohort.length);
    expect(districts.filter((meta) => meta !== 'Stadtteil · Mitglied seit 2024')).toEqual([]);

    await page.getByRole('button', { name: 'Filter zurücksetzen' }).click();
    await page.waitForFunction(() => document.querySelector('.filter__result')?.textContent === '');
    expect(await page.locator('.city-list__link').count()).toBe(allLinks);
    // Focus must not get lost when the reset button disappears.
    expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
  });
});
