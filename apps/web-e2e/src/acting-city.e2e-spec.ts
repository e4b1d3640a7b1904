import type { Browser, Page } from 'playwright-core';
import { memberOf, signInWithForm } from './support/accounts';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

describe('acting city', () => {
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

  const actingCity = () => page.getByTestId('acting-city').textContent();

  it('switches a member of two cities between Ingolstadt and Puchheim, and keeps it over a reload', async () => {
    await page.goto('/anmelden');
    await signInWithForm(page, memberOf('ingolstadt'));
    await page.getByTestId('account-name').waitFor();
    expect(await page.getByTestId('account-name').textContent()).toBe('Mitglied Ingolstadt');

    const select = page.getByTestId('acting-city-select');
    const options = await select.locator('option').allTextContents();
    expect(options.sort()).toEqual(['Ingolstadt', 'Puchheim']);

    const start = await actingCity();
    const other = start === 'Ingolstadt' ? 'Puchheim' : 'Ingolstadt';
    expect(['Ingolstadt', 'Puchheim']).toContain(start);

    // Choosing alone changes nothing (no change of context on input, WCAG 3.2.2).
    await select.selectOption({ label: other });
    expect(await actingCity()).toBe(start);

    await page.getByRole('button', { name: 'Wechseln' }).click();
    await page.getByTestId('acting-city').getByText(other, { exact: true }).waitFor();
    await page.getByText(`Sie handeln jetzt für ${other}.`).waitFor({ state: 'attached' });
    await saveScreenshot(page, 'acting-city-switched');

    await page.reload();
    await page.getByTestId('acting-city').waitFor();
    expect(await actingCity()).toBe(other);
    expect(await page.getByTestId('acting-city-select').inputValue()).toBe(other.toLowerCase());

    // And back again.
    await page.getByTestId('acting-city-select').selectOption({ label: start ?? '' });
    await page.getByRole('button', { name: 'Wechseln' }).click();
    await page
      .getByTestId('acting-city')
      .getByText(start ?? '', { exact: true })
      .waitFor();
    await page.reload();
    await page.getByTestId('acting-city').waitFor();
    expect(await actingCity()).toBe(start);
  });
});
