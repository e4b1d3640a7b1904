import type { Browser, Page } from 'playwright-core';
import { closePage, launchBrowser, newVisitorPage } from './support/browser';

describe('topics page', () => {
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

  it('nests the action fields under Prävention', async () => {
    await page.goto('/themen');
    await page.locator('.topic-card').first().waitFor();
    expect(await page.title()).toBe('Themen – Wissensnetz');

    const prevention = page.locator('.topic-card', {
      has: page.getByRole('heading', { level: 2, name: 'Prävention' }),
    });
    expect(await prevention.count()).toBe(1);
    expect(await prevention.locator('.subtopic__name').allTextContents()).toEqual([
      'Jugend',
      'Häusliche Gewalt',
      'Demokratie und Toleranz',
    ]);
    // Action fields are not repeated as top-level topics.
    const topLevel = await page.locator('.topic-card__name').allTextContents();
    expect(topLevel).toContain('Digitalisierung');
    expect(topLevel).not.toContain('Jugend');
  });

  it('links a focus topic of a city to the practices on that topic', async () => {
    await page.goto('/cloppenburg');
    const firstTopic = page.locator('.city__topics .tag').first();
    await firstTopic.waitFor();
    const name = (await firstTopic.textContent()) ?? '';
    await firstTopic.click();
    await page.waitForURL('**/suche?thema=*');
    const ticked = page.locator('[data-facet="topics"] .facet__option:has(input:checked)');
    await ticked.first().waitFor();
    expect(await ticked.allTextContents()).toEqual([expect.stringContaining(name)]);
  });

  it('links every topic and action field on /themen to its practices', async () => {
    await page.goto('/themen');
    const links = page.getByTestId('topic-link');
    await links.first().waitFor();
    const hrefs = await links.evaluateAll((all) => all.map((link) => link.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect(href).toMatch(/^\/suche\?thema=[a-z0-9-]+$/);
    await page.getByRole('link', { name: 'Häusliche Gewalt', exact: true }).click();
    await page.waitForURL('**/suche?thema=*');
    await page.locator('[data-facet="topics"] input:checked').first().waitFor();
  });
});
