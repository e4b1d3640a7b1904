import type { Browser, Page } from 'playwright-core';
import { closePage, launchBrowser, newVisitorPage } from './support/browser';

describe('keyboard use', () => {
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

  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement;
      if (!element) return null;
      const box = element.getBoundingClientRect();
      return {
        tag: element.tagName,
        id: element.id,
        text: element.textContent?.trim() ?? '',
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
        inMain: Boolean(element.closest('main')),
      };
    });

  it('reaches the skip link first, and the skip link moves focus to main', async () => {
    await page.keyboard.press('Tab');
    const skip = await focused();
    expect(skip).toMatchObject({ tag: 'A', text: 'Zum Inhalt springen', visible: true });

    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ tag: 'MAIN', id: 'main' });

    // The next Tab continues inside main, past header and navigation.
    await page.keyboard.press('Tab');
    expect((await focused())?.inMain).toBe(true);
  });

  it('navigates with the keyboard and puts focus on the new page heading', async () => {
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // brand link
    await page.keyboard.press('Tab'); // language switch (beside the brand, as it is seen)
    expect((await focused())?.text).toBe('English');
    await page.keyboard.press('Tab'); // "Netzwerk"
    await page.keyboard.press('Tab'); // "Themen"
    expect((await focused())?.text).toBe('Themen');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/themen');
    await page.locator('.topic-card').first().waitFor();
    expect(await focused()).toMatchObject({ tag: 'H1', text: 'Themen des Netzwerks' });
  });

  it('shows a visible focus indicator', async () => {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { width: style.outlineWidth, style: style.outlineStyle };
    });
    expect(outline.style).not.toBe('none');
    expect(parseFloat(outline.width)).toBeGreaterThanOrEqual(2);
  });
});
