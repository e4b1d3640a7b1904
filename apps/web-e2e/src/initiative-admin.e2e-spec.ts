import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, signInQuietly } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

/** The only demo city this spec writes to. */
const CITY = 'bad-salzuflen';

async function noSidewaysScrolling(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/** Issue 14: a coordinator sets up an initiative in the web app, without the API by hand. */
describe('local initiative: a coordinator sets one up', () => {
  let browser: Browser;
  let page: Page;
  // Letters only: the slug is made from the name.
  const tag = Array.from({ length: 6 }, () =>
    String.fromCharCode(97 + Math.floor(Math.random() * 26)),
  ).join('');
  const name = `Initiative Prävention ${tag}`;
  const slug = `initiative-praevention-${tag}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await closePage(page);
    await browser?.close();
  });

  it('creates it with two fields, adds a steering member and a field contact; the public page shows it', async () => {
    page = await newVisitorPage(browser, { bypassCSP: true });
    await signInQuietly(page, coordinatorOf(CITY));
    await page.goto(`/${CITY}/arbeitsbereich`);
    await page.getByTestId('workspace-new-initiative').click();
    await page.getByRole('heading', { level: 1, name: 'Neue Initiative anlegen' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // An empty form names what is missing in the error summary.
    await page.getByRole('button', { name: 'Initiative anlegen' }).click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-summary').textContent()).toContain(
      'Bitte geben Sie der Initiative einen Namen.',
    );

    await page.getByLabel('Name der Initiative').fill(name);
    expect(await page.getByLabel('Adresse', { exact: true }).inputValue()).toBe(slug);
    await page.getByLabel('Beschreibung').fill('Gemeinsam vorbeugen: Ideen aus der Stadt.');
    const rows = page.getByTestId('field-row');
    await rows.nth(0).getByLabel('Thema des Netzwerks').selectOption({ label: 'Jugend' });
    await page.getByRole('button', { name: 'Weiteres Handlungsfeld' }).click();
    await rows.nth(1).getByLabel('Name des Handlungsfelds').fill('Häusliche Gewalt');
    await rows
      .nth(1)
      .getByLabel(/^Sensibles Handlungsfeld/)
      .check();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Initiative anlegen' }).click();

    await page.getByTestId('manage-initiative').waitFor();
    await page.getByTestId('managed-field').nth(1).waitFor();
    expect(await page.getByTestId('managed-field').allTextContents()).toEqual([
      expect.stringContaining('Jugend'),
      expect.stringContaining('Häusliche Gewalt'),
    ]);
    expect(await seriousViolations(page)).toEqual([]);

    const add = page.getByTestId('add-steering-member');
    await add.getByLabel('Name', { exact: true }).fill('Mira Beispiel');
    await add.getByLabel('Organisation (freiwillig)').fill('Ehrenamtsagentur');
    await add.getByLabel('Konto in der Kommune (freiwillig)').selectOption({ index: 1 });
    await add.getByRole('button', { name: 'Person hinzufügen' }).click();
    await page.getByTestId('managed-steering-member').first().waitFor();
    expect(await page.getByTestId('managed-steering-member').first().textContent()).toContain(
      'Mira Beispiel, Ehrenamtsagentur',
    );

    const violence = page.getByTestId('managed-field').nth(1);
    await violence
      .getByRole('group', { name: /Häusliche Gewalt/ })
      .getByRole('checkbox')
      .first()
      .check();
    await violence
      .getByRole('button', { name: 'Ansprechpersonen für „Häusliche Gewalt“ speichern' })
      .click();
    await violence.getByText('Gespeichert: 1 Ansprechperson.').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 320, height: 800 });
    expect(await seriousViolations(page)).toEqual([]);
    await noSidewaysScrolling(page);
    await saveScreenshot(page, 'initiative-admin-320');

    await page.goto(`/${CITY}/initiativen/${slug}`);
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const body = (await page.getByTestId('initiative-page').textContent()) ?? '';
    expect(body).toContain('Jugend');
    expect(body).toContain('Häusliche Gewalt');
    expect(body).toContain('Mira Beispiel, Ehrenamtsagentur');
    expect(await page.getByRole('link', { name: 'Verwalten' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await noSidewaysScrolling(page);

    // A visitor sees the same page, without the way to manage it.
    const visitor = await newVisitorPage(browser, { bypassCSP: true });
    await visitor.goto(`/${CITY}/initiativen/${slug}`);
    await visitor.getByRole('heading', { level: 1, name }).waitFor();
    expect(await visitor.getByRole('link', { name: 'Verwalten' }).count()).toBe(0);
    await closePage(visitor);
  });
});
