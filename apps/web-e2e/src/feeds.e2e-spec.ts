import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

/** Schwäbisch Hall's city page; the feeds themselves are checked in the API tests. */
const CITY = 'schwaebisch-hall';

/** The Atom feeds announced in the document head: [href, title]. */
async function headFeeds(page: Page): Promise<Array<[string, string]>> {
  return page.$$eval('head link[rel="alternate"][type="application/atom+xml"]', (links) =>
    links.map((link) => [link.getAttribute('href') ?? '', link.getAttribute('title') ?? '']),
  ) as Promise<Array<[string, string]>>;
}

describe('Atom feeds linked from the pages', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    // axe arrives as an inline script, which the platform's CSP rightly blocks.
    page = await newVisitorPage(browser, { bypassCSP: true });
  });
  afterAll(async () => {
    await closePage(page);
    await browser?.close();
  });

  it('announces the feed of all practices on the start and search pages, and shows a link', async () => {
    for (const path of ['/', '/suche']) {
      await page.goto(path);
      await page.getByTestId('feed-link').first().waitFor();
      expect(await headFeeds(page)).toEqual([['/feeds/praxis.atom', 'Feed: neue Praxisbeispiele']]);
      expect(await page.getByTestId('feed-link').first().getAttribute('href')).toBe(
        '/feeds/praxis.atom',
      );
    }
  });

  it('announces a topic’s feed on its search', async () => {
    await page.goto('/suche?thema=nachhaltigkeit');
    await page.getByTestId('feed-link').waitFor();
    await page
      .locator('head link[title="Feed: Praxisbeispiele zum Thema Nachhaltigkeit"]')
      .waitFor({ state: 'attached' });
    expect(await headFeeds(page)).toEqual([
      ['/feeds/themen/nachhaltigkeit.atom', 'Feed: Praxisbeispiele zum Thema Nachhaltigkeit'],
    ]);
  });

  it('announces every topic’s feed on the topics page, and only the page’s own feeds', async () => {
    await page.goto('/themen');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByTestId('feed-link').first().waitFor();
    const feeds = await headFeeds(page);
    expect(feeds).toContainEqual([
      '/feeds/themen/nachhaltigkeit.atom',
      'Feed: Praxisbeispiele zum Thema Nachhaltigkeit',
    ]);
    // Leaving a page takes its feeds out of the head.
    await page.goto(`/${CITY}`);
    await page.getByTestId('city-page').waitFor();
    expect(await headFeeds(page)).toEqual([
      [`/feeds/staedte/${CITY}.atom`, 'Feed: Praxisbeispiele aus Schwäbisch Hall'],
    ]);
  });

  it('serves what the links name as Atom that the browser parses', async () => {
    await page.goto(`/${CITY}`);
    const href = await page.getByTestId('feed-link').getAttribute('href');
    const answer = await page.context().request.get(href!);
    expect(answer.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    const text = await answer.text();
    const parsed = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      return {
        error: doc.getElementsByTagName('parsererror').length,
        root: doc.documentElement.namespaceURI,
        title: doc.querySelector('feed > title')?.textContent,
      };
    }, text);
    expect(parsed).toEqual({
      error: 0,
      root: 'http://www.w3.org/2005/Atom',
      title: 'Wissensnetz: Praxisbeispiele aus Schwäbisch Hall',
    });
  });

  // One page per test: axe at two widths is slow on a loaded machine.
  it.each([
    ['/', 'start'],
    ['/suche?thema=nachhaltigkeit', 'topic-search'],
    ['/themen', 'topics'],
    [`/${CITY}`, 'city'],
  ])('keeps %s with its feed link accessible at 1280 and 320 px', async (path, name) => {
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await page.getByTestId('feed-link').first().waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, `feeds-${name}-${width}`);
    }
  });
});
