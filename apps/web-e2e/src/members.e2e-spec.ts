import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, memberOf, ORGANIZER, signInQuietly } from './support/accounts';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

describe('member list', () => {
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
  });
  afterEach(async () => {
    await closePage(page);
  });

  it('shows a member the list of their city but no invite form or role controls', async () => {
    await signInQuietly(page, memberOf('herford'));
    await page.goto('/herford');
    await page.getByTestId('members-link').click();
    await page.waitForURL((url) => url.pathname === '/herford/mitglieder');
    const table = page.getByTestId('member-table');
    await table.waitFor();

    expect(await page.locator('h1').textContent()).toBe('Mitglieder von Herford');
    const names = await table.locator('tbody th').allTextContents();
    expect(names).toEqual(
      expect.arrayContaining([expect.stringContaining('Koordination Herford')]),
    );
    expect(names).toEqual(expect.arrayContaining([expect.stringContaining('Mitglied Herford')]));
    const roles = await table.getByTestId('member-role').allTextContents();
    expect(roles).toEqual(expect.arrayContaining(['Koordinator:in', 'Mitglied']));

    expect(await page.getByTestId('invite-form').count()).toBe(0);
    expect(await page.getByTestId('open-invitations').count()).toBe(0);
    expect(await table.locator('select').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Entfernen/ }).count()).toBe(0);
    await saveScreenshot(page, 'members-member');
  });

  it('tells someone from another city clearly that they have no access', async () => {
    await signInQuietly(page, coordinatorOf('goch'));
    await page.goto('/herford');
    await page.getByTestId('city-page').waitFor();
    expect(await page.getByTestId('members-link').count()).toBe(0);

    await page.goto('/herford/mitglieder');
    await page.getByTestId('no-access').waitFor();
    expect(await page.locator('h1').textContent()).toBe('Kein Zugriff');
    expect(await page.getByTestId('member-table').count()).toBe(0);
  });

  it('asks visitors who are not signed in to sign in, and brings them back', async () => {
    await page.goto('/herford/mitglieder');
    await page.getByTestId('sign-in-required').waitFor();
    await page.getByRole('main').getByRole('link', { name: 'Anmelden' }).click();
    await page.waitForURL((url) => url.pathname === '/anmelden');
    expect(new URL(page.url()).searchParams.get('ziel')).toBe('/herford/mitglieder');
  });

  it('asks before removing someone, and Escape cancels', async () => {
    await signInQuietly(page, coordinatorOf('husum'));
    await page.goto('/husum/mitglieder');
    const row = page.getByTestId('member-row').filter({ hasText: 'Mitglied Husum' });
    await row.waitFor();
    const remove = row.getByRole('button', { name: /Entfernen/ });
    await remove.click();
    const dialog = page.getByRole('dialog', { name: 'Mitglied entfernen?' });
    await dialog.waitFor();
    // The safe choice has focus.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Abbrechen');
    await saveScreenshot(page, 'members-confirm-remove');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await row.count()).toBe(1);
    // Focus returns to the button that opened the dialog.
    expect(await remove.evaluate((button) => button === document.activeElement)).toBe(true);
  });

  it('refuses to demote the last coordinator, with the reason in German', async () => {
    await signInQuietly(page, coordinatorOf('zittau'));
    await page.goto('/zittau/mitglieder');
    const row = page.getByTestId('member-row').filter({ hasText: 'Koordination Zittau' });
    await row.waitFor();
    await row.getByLabel('Rolle von Koordination Zittau').selectOption('MEMBER');
    await row.getByRole('button', { name: /Rolle speichern/ }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain(
      'Eine Kommune braucht mindestens eine Koordinatorin oder einen Koordinator.',
    );
  });

  it('does not scroll sideways at 375 px with the management columns: each member is a card', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    // The organizer sees what a coordinator sees: e-mail, role form and remove button per row.
    await signInQuietly(page, ORGANIZER);
    await page.goto('/herford/mitglieder');
    const table = page.getByTestId('member-table');
    await table.waitFor();
    await table
      .getByRole('button', { name: /Entfernen/ })
      .first()
      .waitFor();
    const widths = await page.evaluate(() => {
      const wrap = document.querySelector('[data-testid="member-table"]')?.closest('.table-wrap');
      return {
        page: document.documentElement.scrollWidth,
        wrap: wrap?.clientWidth ?? 0,
        table: wrap?.scrollWidth ?? 0,
        region: wrap?.getAttribute('role') ?? null,
      };
    });
    expect(widths.page).toBeLessThanOrEqual(375);
    // Below 40rem each row is a card that fits: nothing scrolls sideways, not even inside
    // the wrapper, so it needs no scrollable region (it would get one if it overflowed).
    expect(widths.table).toBeLessThanOrEqual(widths.wrap);
    expect(widths.region).toBeNull();
    await saveScreenshot(page, 'members-375');
  });
});
