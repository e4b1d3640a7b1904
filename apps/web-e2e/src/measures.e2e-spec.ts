import type { Browser, Page } from 'playwright-core';
import { ORGANIZER, coordinatorOf, pageGraphql, signInQuietly } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';
import { focused, tabTo } from './support/keyboard';

const CITY = 'leipzig-gruenau';

async function noSidewaysScrolling(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/** Issue 14, measures: the public counts (read only in Cloppenburg), the steering group's work. */
describe('local initiative: measures', () => {
  let browser: Browser;
  let page: Page;
  const run = Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 6);

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await closePage(page);
  });

  it('shows Cloppenburg’s counts and measures with their Vorbild at 320 px, no suggestion text', async () => {
    page = await newVisitorPage(browser, { bypassCSP: true });
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto('/cloppenburg/initiativen/praevention');
    await page.getByTestId('field-figures').waitFor();
    const figures = page.getByTestId('field-figures');
    expect(await page.getByTestId('field-figure').count()).toBe(3);
    const text = (await figures.textContent()) ?? '';
    expect(text).toMatch(/\d+ Anliegen eingegangen/);
    expect(text).toMatch(/\d+ aufgegriffen/);
    const done = page.getByTestId('public-measure').filter({ hasText: 'Jugendforum Cloppenburg' });
    expect(await done.textContent()).toContain('Umgesetzt');
    expect(await done.getByRole('link', { name: /^Vorbild: Lemgo: / }).count()).toBe(1);
    // The suggestion it took up is not on the page, only counted.
    expect(text).not.toContain('Jugendforum zweimal im Jahr');
    expect(await seriousViolations(page)).toEqual([]);
    await noSidewaysScrolling(page);
    await saveScreenshot(page, 'initiative-figures-320');
  });

  it('lets a coordinator create a measure by keyboard, finish it and open it as a practice draft', async () => {
    page = await newVisitorPage(browser, { bypassCSP: true });
    await page.goto('/');
    await signInQuietly(page, coordinatorOf(CITY));
    const slug = `massnahmen-${run}`;
    await pageGraphql(
      page,
      `mutation($i: CreateInitiativeInput!) { createInitiative(input: $i) { id } }`,
      {
        i: {
          citySlug: CITY,
          slug,
          name: `Grünau gemeinsam ${run}`,
          fields: [{ name: 'Jugend' }],
        },
      },
    );
    await page.setViewportSize({ width: 320, height: 900 });
    await page.goto(`/${CITY}/initiativen/${slug}/eingang`);
    await page.getByTestId('measures-section').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Open the form and send it empty: the error summary takes focus, nothing is saved.
    await page.getByText('Neue Maßnahme', { exact: true }).focus();
    await page.keyboard.press('Enter');
    await tabTo(page, /^Maßnahme anlegen$/);
    await page.keyboard.press('Enter');
    await page.getByTestId('error-summary').waitFor();
    expect((await focused(page))?.name).toBe('Bitte prüfen Sie Ihre Angaben');
    expect(await page.getByTestId('error-summary').textContent()).toContain('3 bis 200 Zeichen');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Titel der Maßnahme').focus();
    await page.keyboard.type(`Mitmach-Werkstatt ${run}`);
    await tabTo(page, /^Ziel/);
    await page.keyboard.type('Jugendliche bauen ihren Treffpunkt selbst.');
    await tabTo(page, /^Verantwortlich/);
    await page.keyboard.type('Quartiersmanagement');
    await tabTo(page, /^Stand/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, /^Maßnahme anlegen$/);
    await page.keyboard.press('Enter');
    const measure = page
      .getByTestId('steering-measure')
      .filter({ hasText: `Mitmach-Werkstatt ${run}` });
    await measure.waitFor();
    expect(await measure.textContent()).toContain('Umgesetzt');
    expect(await seriousViolations(page)).toEqual([]);
    await noSidewaysScrolling(page);
    await saveScreenshot(page, 'measures-steering-320');

    await measure
      .getByRole('button', { name: 'Als Praxisbeispiel in die Bibliothek übernehmen' })
      .focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/praxis\/[0-9a-f-]{36}\/bearbeiten$/);
    await page
      .getByLabel(/^Titel/)
      .first()
      .waitFor();
    expect(
      await page
        .getByLabel(/^Titel/)
        .first()
        .inputValue(),
    ).toBe(`Mitmach-Werkstatt ${run}`);
  });

  it('shows organizers the initiatives per topic across cities, counts only', async () => {
    page = await newVisitorPage(browser, { bypassCSP: true });
    await page.goto('/netzwerk/zahlen');
    await page.getByTestId('initiative-totals').waitFor();
    expect(await page.getByTestId('initiative-totals').textContent()).toMatch(
      /\d+ Städte mit lokalen Initiativen, \d+ Maßnahmen, davon \d+ umgesetzt/,
    );
    expect(await page.getByTestId('network-initiative-figures').locator('table').count()).toBe(0);
    await signInQuietly(page, ORGANIZER);
    await page.reload();
    const table = page.getByTestId('network-initiative-figures').locator('table');
    await table.waitFor();
    expect(await table.getByRole('rowheader', { name: 'Jugend' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
