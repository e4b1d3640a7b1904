import type { Browser, Page } from 'playwright-core';
import { memberOf, ORGANIZER } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, saveScreenshot } from './support/browser';
import { waitForHeading } from './support/practices';
import { openTandem, signedInPage, tandemIdOf } from './support/tandems';

async function expectPageStructure(page: Page): Promise<void> {
  expect(await page.getAttribute('html', 'lang')).toBe('de');
  expect(await page.locator('h1').count()).toBe(1);
  for (const landmark of ['header', 'nav', 'main', 'footer']) {
    expect(await page.locator(landmark).count()).toBeGreaterThanOrEqual(1);
  }
}

/** Nothing may make the page itself scroll sideways (WCAG 1.4.10); tables scroll in their region. */
async function expectNoSidewaysScrolling(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

describe('tandems accessibility (axe-core, WCAG 2.1 AA)', () => {
  let browser: Browser;
  let page: Page;
  let tandemId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    tandemId = await tandemIdOf('ginsheim-gustavsburg', 'bitburg', 'ACTIVE');
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await closePage(page);
  });

  it('tandem board with suggestions', async () => {
    // axe arrives as an inline script, which the platform's CSP rightly blocks.
    page = await signedInPage(browser, ORGANIZER, { bypassCSP: true });
    await page.goto('/netzwerk/tandems');
    await waitForHeading(page, 'Tandems im Netzwerk');
    await page.getByTestId('tandem-row').first().waitFor();
    await page.getByLabel('Neue Kommune').selectOption({ label: 'Nordhausen' });
    await page.getByTestId('suggestion').first().waitFor();
    await expectPageStructure(page);
    expect(await seriousViolations(page)).toEqual([]);

    // Sending without a partner: the summary takes focus and links to the field.
    await page.getByRole('button', { name: 'Tandem vorschlagen', exact: true }).click();
    await page.getByTestId('error-partnerCitySlug').waitFor();
    expect(await page.getByTestId('error-summary').textContent()).toContain(
      'Bitte wählen Sie eine Tandemstadt.',
    );
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoSidewaysScrolling(page);
    await saveScreenshot(page, 'a11y-tandem-board-320');
  });

  it('tandem page with the private exchange, also at 320 px', async () => {
    page = await signedInPage(browser, memberOf('ginsheim-gustavsburg'), { bypassCSP: true });
    await openTandem(page, 'ginsheim-gustavsburg', tandemId);
    await page.getByTestId('timeline').waitFor();
    await expectPageStructure(page);
    // Each kind has its written name; visits their date and place.
    const kinds = await page
      .getByTestId('tandem-note')
      .evaluateAll((notes) => notes.map((note) => note.getAttribute('data-kind')));
    expect(kinds).toEqual(expect.arrayContaining(['AGREEMENT', 'VISIT', 'QUESTION']));
    expect(
      await page.getByRole('heading', { name: 'Besuch am 14.05.2026 in Bitburg, Rathaus' }).count(),
    ).toBe(1);
    await saveScreenshot(page, 'a11y-tandem-page');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('note-form').getByRole('radio', { name: 'Besuch' }).check();
    await page.setViewportSize({ width: 320, height: 800 });
    await expectNoSidewaysScrolling(page);
    await saveScreenshot(page, 'a11y-tandem-page-320');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('tandem page for someone outside the pair, in English', async () => {
    page = await signedInPage(browser, memberOf('saarlouis'), { bypassCSP: true });
    await openTandem(page, 'bitburg', tandemId);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByTestId('notes-private').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Tandem Ginsheim-Gustavsburg – Bitburg');
    expect(await page.getByTestId('notes-private').textContent()).toContain(
      "This tandem's exchange is private",
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keyboard: focus lands on the h1 after navigating to a tandem', async () => {
    page = await signedInPage(browser, memberOf('ginsheim-gustavsburg'));
    await page.goto('/ginsheim-gustavsburg');
    const link = page.getByTestId('city-tandems').getByRole('link', { name: /zum Tandem/ });
    await link.focus();
    await page.keyboard.press('Enter');
    await waitForHeading(page, 'Tandem Ginsheim-Gustavsburg – Bitburg');
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  });
});
