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

  it('links a focus topic of a city to its place on the topics page', async () => {
    await page.goto('/cloppenburg');
    const firstTopic = page.locator('.city__topics .tag').first();
    await firstTopic.waitFor();
    const name = await firstTopic.textContent();
    await firstTopic.click();
    await page.waitForURL('**/themen#thema-*');
    const target = page.locator(`[id="${decodeURIComponent(new URL(page.url()).hash.slice(1))}"]`);
    await target.waitFor();
    expect(await target.textContent()).toContain(name ?? '');
  });
});
