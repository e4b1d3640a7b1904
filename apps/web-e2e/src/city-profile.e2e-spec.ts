import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, memberOf, signInQuietly } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

/** Schwäbisch Hall is no other spec's city: its coordinator edits the profile here. */
const CITY = 'schwaebisch-hall';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('city profile', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await closePage(page);
  });

  it('a coordinator edits the profile, sees it on the city page and the change in the history', async () => {
    page = await newVisitorPage(browser, { bypassCSP: true });
    await signInQuietly(page, coordinatorOf(CITY));
    await page.goto(`/${CITY}`);
    await page.getByTestId('edit-profile').click();
    await page.getByTestId('city-profile-editor').waitFor();
    expect(await page.getByText('öffentlich gezeigt').first().isVisible()).toBe(true);
    await page.getByRole('checkbox', { name: 'Beteiligungsprozesse' }).waitFor();
    await saveScreenshot(page, 'city-profile-editor-1280');
    expect(await seriousViolations(page)).toEqual([]);

    await page
      .getByLabel('Über uns', { exact: true })
      .fill(
        'Schwäbisch Hall **verbindet** Vereine und Verwaltung.\n\nNeu: ein Engagement-Stammtisch.',
      );
    await page.getByLabel('Website').fill('javascript:alert(1)');
    await page.getByTestId('save-profile').click();
    await page.getByRole('alert').first().waitFor();
    expect(await page.getByLabel('Website').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Website').fill('https://engagiert.schwaebisch-hall.example');
    await page.getByLabel('Markenfarbe').fill('#7a1f3d');
    await page.getByTestId('logo-input').setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.getByText('Das Logo ist gespeichert.').waitFor();
    await page.getByTestId('save-profile').click();
    await page.getByText('Das Profil ist gespeichert.').waitFor();

    await page.goto(`/${CITY}`);
    await page.getByTestId('city-about').waitFor();
    expect(await page.getByTestId('city-about').innerHTML()).toContain(
      '<strong>verbindet</strong>',
    );
    const website = page.getByTestId('city-website');
    expect(await website.getAttribute('rel')).toContain('noopener');
    expect(await website.getAttribute('href')).toBe('https://engagiert.schwaebisch-hall.example');
    expect(await page.getByTestId('city-logo').getAttribute('alt')).toBe(
      'Logo von Schwäbisch Hall',
    );
    expect(await page.getByTestId('city-page').getAttribute('style')).toContain('#7a1f3d');
    expect(await page.getByTestId('city-contact').textContent()).toContain('.example');
    await saveScreenshot(page, 'city-profile-page-1280');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    await saveScreenshot(page, 'city-profile-page-320');
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId('profile-history-link').click();
    await page.getByTestId('revision-diff').waitFor();
    expect(await page.getByTestId('revision-row').count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator('[data-field="about"] ins').first().textContent()).toBeTruthy();
    expect(await page.getByTestId('revision-table').textContent()).toContain('Koordination');
    await saveScreenshot(page, 'city-profile-history-1280');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 320, height: 800 });
    await saveScreenshot(page, 'city-profile-history-320');
  });

  it('a member sees the profile without an edit button', async () => {
    page = await newVisitorPage(browser);
    await signInQuietly(page, memberOf(CITY));
    await page.goto(`/${CITY}`);
    await page.getByTestId('profile-history-link').waitFor();
    expect(await page.getByTestId('edit-profile').count()).toBe(0);
    await page.goto(`/${CITY}/profil/bearbeiten`);
    await page.getByText('Das Profil bearbeiten die Koordinatorinnen').waitFor();
    expect(await page.getByTestId('save-profile').count()).toBe(0);
  });
});
