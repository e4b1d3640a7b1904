import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, memberOf, signInQuietly } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

/**
 * "Meine Daten herunterladen" on /konto (Art. 15 and 20 DSGVO): a member asks for the
 * copy, the page follows its preparation, and both files download; the JSON parses with
 * every section. Accounts of eschwege and nordhausen only (files run in parallel).
 */
const SECTIONS = [
  'account',
  'notificationSettings',
  'memberships',
  'sessions',
  'practices',
  'tandemNotes',
  'conferenceParticipations',
  'notifications',
  'auditEntries',
];

async function expectNoSeriousViolations(page: Page, name: string): Promise<void> {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await saveScreenshot(page, `${name}-${width}`);
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('data export on the account page', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    // axe arrives as an inline script, which the platform's CSP rightly blocks.
    page = await newVisitorPage(browser, { bypassCSP: true });
    await page.goto('/');
  });
  afterEach(async () => {
    await closePage(page);
  });

  it('offers the copy before one is asked for, accessibly at 1280 and 320 px', async () => {
    await signInQuietly(page, coordinatorOf('nordhausen'));
    await page.goto('/konto');
    const section = page.getByRole('region', { name: 'Meine Daten' });
    await section.getByTestId('request-data-export').waitFor();
    await expectNoSeriousViolations(page, 'data-export-offer');
  });

  it('a member asks for their data, waits for it and downloads both files', async () => {
    await signInQuietly(page, memberOf('eschwege'));
    await page.goto('/konto');
    const section = page.getByRole('region', { name: 'Meine Daten' });
    const request = section.getByTestId('request-data-export');
    await request.waitFor();
    expect(await section.getByRole('status').count()).toBe(1);
    await request.click();

    // Prepared in the background: the page polls until the files are there.
    await section.getByTestId('data-export-ready').waitFor({ timeout: 30_000 });
    expect(await section.getByRole('status').textContent()).toContain('Ihre Kopie ist fertig.');
    const heading = section.getByRole('heading', { name: 'Ihre Kopie zum Herunterladen' });
    expect(await heading.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await section.textContent()).toMatch(/Die Dateien werden am .+ gelöscht\./);

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Alle Daten (JSON, maschinenlesbar)' }).click(),
    ]);
    expect(json.suggestedFilename()).toMatch(/^wissensnetz-meine-daten-\d{4}-\d{2}-\d{2}\.json$/);
    const data = JSON.parse(readFileSync((await json.path())!, 'utf8')) as Record<string, unknown>;
    for (const key of SECTIONS) expect(data).toHaveProperty(key);
    expect(data.account).toMatchObject({ email: memberOf('eschwege') });
    expect(data.memberships).toEqual([expect.objectContaining({ citySlug: 'eschwege' })]);

    const [summary] = await Promise.all([
      page.waitForEvent('download'),
      section.getByRole('link', { name: 'Übersicht zum Lesen (Text)' }).click(),
    ]);
    expect(summary.suggestedFilename()).toMatch(/-uebersicht\.txt$/);
    expect(readFileSync((await summary.path())!, 'utf8')).toContain('Mitgliedschaften (1)');

    await expectNoSeriousViolations(page, 'data-export-ready');
  });
});
