import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, uniqueEmail, signInWithForm } from './support/accounts';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

describe('sign-in and sign-out', () => {
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

  it('signs a coordinator in and shows name and city in the header, then back where they came from', async () => {
    await page.goto('/themen');
    await page.getByTestId('sign-in-link').click();
    await page.waitForURL((url) => url.pathname === '/anmelden');
    expect(new URL(page.url()).searchParams.get('ziel')).toBe('/themen');
    await saveScreenshot(page, 'login');

    await signInWithForm(page, coordinatorOf('cloppenburg'));
    await page.waitForURL((url) => url.pathname === '/themen');
    expect(await page.getByTestId('account-name').textContent()).toBe('Koordination Cloppenburg');
    expect(await page.getByTestId('acting-city').textContent()).toBe('Cloppenburg');
    expect(await page.getByTestId('sign-in-link').count()).toBe(0);
    // One city only: no switch to offer.
    expect(await page.getByTestId('acting-city-select').count()).toBe(0);
  });

  it('puts the German error on the password field when the password is wrong', async () => {
    await page.goto('/anmelden');
    await signInWithForm(page, coordinatorOf('herford'), 'das-ist-falsch');
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();

    const password = page.getByLabel('Passwort', { exact: true });
    expect(await password.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await password.getAttribute('aria-describedby')) ?? '';
    const messages = await Promise.all(
      describedBy
        .split(' ')
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(messages.join(' ')).toContain('E-Mail-Adresse oder Passwort stimmen nicht.');
    // The raw API message is English and must not reach the page.
    expect(await page.locator('main').textContent()).not.toContain('E-mail or password is wrong');
    // The e-mail field is fine and not marked.
    expect(await page.getByLabel('E-Mail-Adresse').getAttribute('aria-invalid')).toBeNull();
    // Focus moves to the summary so screen readers read it out.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'error-summary',
    );
    await saveScreenshot(page, 'login-error');
  });

  it('asks for both fields before sending anything', async () => {
    await page.goto('/anmelden');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-email').textContent()).toContain(
      'Bitte geben Sie Ihre E-Mail-Adresse an.',
    );
    expect(await page.getByTestId('error-password').textContent()).toContain(
      'Bitte geben Sie ein Passwort an.',
    );
  });

  it('tells how long to wait after repeated failed attempts', async () => {
    const email = uniqueEmail('niemand');
    await page.goto('/anmelden');
    // Three failures per account and address are free; after that each attempt waits
    // 1 s, 2 s, 4 s … after the last one (the owner on another device does not).
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await signInWithForm(page, email, 'falsch-falsch');
      await page.getByTestId('error-password').waitFor();
    }
    let refused = false;
    for (let attempt = 0; attempt < 8 && !refused; attempt += 1) {
      const answer = page.waitForResponse(
        (response) => response.url().endsWith('/graphql') && response.request().method() === 'POST',
      );
      await signInWithForm(page, email, 'falsch-falsch');
      const body = (await (await answer).json()) as {
        errors?: Array<{ extensions?: { code?: string } }>;
      };
      refused = body.errors?.[0]?.extensions?.code === 'TOO_MANY_ATTEMPTS';
    }
    expect(refused).toBe(true);
    await page.getByText(/Zu viele Fehlversuche\. Bitte warten Sie \d+ Sekunden?/).waitFor();
    expect(await page.getByTestId('error-summary').textContent()).toMatch(
      /Bitte warten Sie \d+ Sekunden? und versuchen Sie es dann erneut/,
    );
  });

  it('signs out and shows the sign-in link again', async () => {
    await page.goto('/anmelden');
    await signInWithForm(page, coordinatorOf('goch'));
    await page.getByTestId('account-name').waitFor();

    await page.getByRole('button', { name: 'Abmelden' }).click();
    await page.getByTestId('signed-out').waitFor();
    expect(await page.getByTestId('sign-in-link').isVisible()).toBe(true);
    expect(await page.getByTestId('account').count()).toBe(0);

    // The cookie is really gone: a reload of a personal page asks to sign in.
    await page.goto('/konto');
    await page.getByTestId('sign-in-required').waitFor();
  });

  it('answers a reset request with the same neutral confirmation for any address', async () => {
    await page.goto('/anmelden');
    await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
    await page.waitForURL((url) => url.pathname === '/passwort-vergessen');
    await page.getByLabel('E-Mail-Adresse').fill(uniqueEmail('unbekannt'));
    await page.getByRole('button', { name: 'Link anfordern' }).click();
    const confirmation = page.getByTestId('reset-sent');
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toContain('Wenn es zu');
    await saveScreenshot(page, 'password-forgotten');
  });
});
