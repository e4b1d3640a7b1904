import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, pageGraphql, signInQuietly } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';
import { focused, tabTo } from './support/keyboard';

// Writes only in this demo city (no other spec writes there).
const CITY = 'nienburg-weser';

async function noSidewaysScrolling(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/** Issue 14: a workshop per action field, its result as a suggestion, the public page. */
describe('initiative workshops', () => {
  let browser: Browser;
  let page: Page;
  const run = Date.now()
    .toString(36)
    .replace(/\d/g, (d) => 'abcdefghij'[Number(d)]);
  const slug = `werkstatt-${run}`;
  const title = `Nachbarschaftswerkstatt ${run}`;
  const result = `Geheimer Ergebnistext ${run}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await closePage(page);
  });

  it('records a workshop and a result with the keyboard; the public page shows the workshop, not the result', async () => {
    page = await newVisitorPage(browser, { bypassCSP: true });
    await page.goto('/');
    await signInQuietly(page, coordinatorOf(CITY));
    await pageGraphql(
      page,
      `mutation($i: CreateInitiativeInput!) { createInitiative(input: $i) { id } }`,
      {
        i: {
          citySlug: CITY,
          slug,
          name: `Werkstatt-Initiative ${run}`,
          fields: [{ name: 'Nachbarschaft' }, { name: 'Jugend' }],
        },
      },
    );
    await page.goto(`/${CITY}/initiativen/${slug}`);
    await page.getByTestId('workshops').waitFor();
    await page.getByRole('link', { name: 'Workshop erfassen' }).click();
    await page.getByTestId('workshop-form').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Sent empty: the error summary takes focus and names the fields.
    await tabTo(page, /^Workshop speichern$/);
    await page.keyboard.press('Enter');
    await page.getByTestId('error-summary').waitFor();
    expect((await focused(page))?.tag).not.toBe('button');
    expect(await page.getByTestId('error-summary').textContent()).toContain('Titel');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Titel').fill(title);
    await page.getByLabel(/^Datum des Workshops/).fill('2026-11-12');
    await page.getByLabel(/^Zahl der Teilnehmenden/).fill('17');
    await page
      .getByRole('textbox', { name: /^Ergebnisse/ })
      .fill('Mehr **Begegnung** im Quartier.');
    await page.getByLabel(/^Zahl der Teilnehmenden/).focus();
    await tabTo(page, /^Workshop speichern$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    // The server knows the address too (a reload is not a 404).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();

    // Its result, entered as a suggestion of channel "Workshop".
    await page.getByTestId('workshop-results-form').waitFor();
    await page.getByLabel('Ergebnis 1').fill(result);
    await page.getByRole('button', { name: 'Weiteres Ergebnis' }).click();
    await page.getByLabel('Ergebnis 2').waitFor();
    expect((await focused(page))?.name).toMatch(/^Ergebnis 2/);
    await page.getByRole('button', { name: 'Ergebnis 2 entfernen' }).click();
    await page.getByRole('button', { name: 'Als Anliegen erfassen' }).click();
    await page.getByText('1 Anliegen erfasst; es steht im Eingang.').waitFor();
    expect(await page.getByTestId('workshop-results').textContent()).toBe(
      '1 Anliegen daraus aufgenommen',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'workshop-page-1280');

    // The queue names the workshop.
    await page.getByRole('link', { name: 'Zum Eingang' }).click();
    await page.getByTestId('queue-page').waitFor();
    const item = page
      .getByTestId('queue-item')
      .filter({ has: page.locator('.queue__text', { hasText: result }) });
    expect(await item.getByTestId('queue-workshop').textContent()).toBe(
      `Aus dem Workshop „${title}“`,
    );

    // A visitor on a phone: the workshop with date, participants and outcomes; not the text.
    const visitor = await newVisitorPage(browser, { bypassCSP: true });
    try {
      await visitor.setViewportSize({ width: 320, height: 800 });
      await visitor.goto(`/${CITY}/initiativen/${slug}`);
      const card = visitor.locator('.workshops__card', { hasText: title });
      await card.waitFor();
      const text = await card.textContent();
      expect(text).toContain('17 Teilnehmende');
      expect(text).toContain('1 Anliegen daraus aufgenommen');
      expect(await card.locator('.prose strong').textContent()).toBe('Begegnung');
      expect(await visitor.content()).not.toContain(result);
      expect(await visitor.getByRole('link', { name: /bearbeiten/ }).count()).toBe(0);
      expect(await seriousViolations(visitor)).toEqual([]);
      await noSidewaysScrolling(visitor);
      await saveScreenshot(visitor, 'workshops-public-320');
    } finally {
      await closePage(visitor);
    }
  });
});
