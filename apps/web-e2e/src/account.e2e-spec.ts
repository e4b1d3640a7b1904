import type { Browser, Page } from 'playwright-core';
import { memberOf, pageGraphql, signInQuietly, signInWithForm } from './support/accounts';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

describe('my account', () => {
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

  it('marks this browser among the sessions and ends another one', async () => {
    const email = memberOf('stendal');
    // A second browser signed in as the same person.
    const other = await newVisitorPage(browser);
    await other.goto('/');
    await signInQuietly(other, email);

    await page.goto('/anmelden?ziel=%2Fkonto');
    await signInWithForm(page, email);
    await page.waitForURL((url) => url.pathname === '/konto');
    const sessions = page.getByTestId('session');
    await sessions.first().waitFor();
    const before = await sessions.count();
    expect(before).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId('this-browser').count()).toBe(1);
    await saveScreenshot(page, 'account');

    // End a session that is not this browser's.
    const foreign = sessions.filter({ hasNot: page.getByTestId('this-browser') }).first();
    await foreign.getByRole('button', { name: /Beenden/ }).click();
    await page.getByRole('dialog', { name: 'Anmeldung beenden?' }).waitFor();
    await page.getByRole('dialog').getByRole('button', { name: 'Beenden' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.waitForFunction(
      (count) => document.querySelectorAll('[data-testid="session"]').length === count - 1,
      before,
    );
    // This browser is still signed in.
    expect(await page.getByTestId('account-name').textContent()).toBe('Mitglied Stendal');
    await closePage(other);
  });

  it('explains a wrong current password on that field', async () => {
    await page.goto('/');
    await signInQuietly(page, memberOf('bitburg'));
    await page.goto('/konto');
    await page.getByLabel('Aktuelles Passwort').fill('nicht-das-richtige');
    await page.getByLabel('Neues Passwort', { exact: true }).fill('ein-neues-passwort-7');
    await page.getByLabel('Neues Passwort wiederholen').fill('ein-neues-passwort-7');
    await page.getByRole('button', { name: 'Passwort ändern' }).click();
    await page.getByTestId('error-currentPassword').waitFor();
    expect(await page.getByTestId('error-currentPassword').textContent()).toContain(
      'Das aktuelle Passwort stimmt nicht.',
    );
    expect(await page.getByLabel('Aktuelles Passwort').getAttribute('aria-invalid')).toBe('true');
  });

  it('saves the display name and shows it in the header', async () => {
    await page.goto('/');
    await signInQuietly(page, memberOf('mannheim'));
    await page.goto('/konto');
    const name = page.getByLabel('Name', { exact: true });
    await name.fill('Mitglied Mannheim (geändert)');
    await page.getByRole('button', { name: 'Profil speichern' }).click();
    await page.getByText('Ihr Profil ist gespeichert.').waitFor();
    await page.getByTestId('account-name').getByText('Mitglied Mannheim (geändert)').waitFor();
    const { me } = await pageGraphql<{ me: { displayName: string } }>(
      page,
      'query { me { displayName } }',
    );
    expect(me.displayName).toBe('Mitglied Mannheim (geändert)');
  });

  it('"Überall abmelden" ends this session too', async () => {
    await page.goto('/');
    await signInQuietly(page, memberOf('lemgo'));
    await page.goto('/konto');
    await page.getByRole('button', { name: 'Überall abmelden' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Überall abmelden' }).click();
    await page.getByTestId('signed-out').waitFor();
    const { me } = await pageGraphql<{ me: null | { id: string } }>(page, 'query { me { id } }');
    expect(me).toBeNull();
  });
});
