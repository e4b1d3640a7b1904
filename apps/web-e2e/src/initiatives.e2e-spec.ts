import type { Browser, Page } from 'playwright-core';
import { DEMO_DOMAIN, signInQuietly } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';
import { focused, tabTo } from './support/keyboard';

const PAGE = '/cloppenburg/initiativen/praevention';
const STEERING = `steuerung.cloppenburg@${DEMO_DOMAIN}`;

async function noSidewaysScrolling(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
}

/** Issue 14: a resident without an account, on a phone, with the keyboard only; the queue. */
describe('local initiative: resident and steering group', () => {
  let browser: Browser;
  let page: Page;
  const text = `Mehr Bänke am Marktplatz ${Date.now()}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await closePage(page);
  });

  it('lets a resident send a suggestion at 320 px with the keyboard only, then follow it', async () => {
    page = await newVisitorPage(browser, { bypassCSP: true });
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(PAGE);
    await page.getByRole('heading', { level: 1, name: 'Initiative Prävention' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await noSidewaysScrolling(page);

    // The action field: the sensitive one shows the help numbers first.
    await tabTo(page, /^Handlungsfeld/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.getByTestId('help-numbers').waitFor();
    expect(await page.getByTestId('help-numbers').textContent()).toContain('116 016');
    expect(await page.getByTestId('help-numbers').textContent()).toContain('0800 1239900');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'initiative-help-numbers-320');
    await page.keyboard.press('ArrowUp');
    expect(await page.getByTestId('help-numbers').count()).toBe(0);

    await tabTo(page, /^Was möchten Sie uns sagen/);
    await page.keyboard.type(text);
    await tabTo(page, /^Ort in der Stadt/);
    await page.keyboard.type('Marktplatz');
    await tabTo(page, /^Anliegen senden$/);
    await page.keyboard.press('Enter');

    await page.getByTestId('sent-panel').waitFor({ timeout: 30_000 });
    expect((await focused(page))?.name).toBe('Danke! Ihr Anliegen ist angekommen.');
    const link = await page.getByTestId('follow-link').inputValue();
    expect(link).toMatch(/\/cloppenburg\/initiativen\/praevention\/anliegen\/[A-Za-z0-9_-]{43}$/);
    expect(await seriousViolations(page)).toEqual([]);
    await noSidewaysScrolling(page);
    await saveScreenshot(page, 'initiative-sent-320');

    await tabTo(page, /^Link öffnen$/);
    await page.keyboard.press('Enter');
    await page.getByTestId('follow-page').waitFor();
    expect(await page.getByTestId('follow-status').textContent()).toBe('Eingegangen');
    expect(await page.locator('blockquote').textContent()).toBe(text);
    expect(await seriousViolations(page)).toEqual([]);
    await noSidewaysScrolling(page);
    await saveScreenshot(page, 'initiative-follow-320');
  });

  it('shows a wrong link as not valid', async () => {
    page = await newVisitorPage(browser, { bypassCSP: true });
    await page.goto(`${PAGE}/anliegen/${'x'.repeat(43)}`);
    await page.getByTestId('follow-invalid').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lets the steering group work the queue: the resident sees the answer', async () => {
    page = await newVisitorPage(browser, { bypassCSP: true });
    await page.goto('/');
    await signInQuietly(page, STEERING);
    await page.goto(`${PAGE}/eingang`);
    await page.getByTestId('queue-page').waitFor();
    await page.getByTestId('queue-item').first().waitFor();
    expect(await page.getByTestId('queue-item').count()).toBeGreaterThanOrEqual(30);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'initiative-queue-1280');

    // By its own text (other items offer it as a merge target).
    const ours = () =>
      page
        .getByTestId('queue-item')
        .filter({ has: page.locator('.queue__text', { hasText: text }) });
    const item = ours();
    await item.getByLabel('Neuer Stand').selectOption('ANSWERED');
    await item.getByRole('button', { name: 'Stand ändern' }).click();
    // Without a reason: the form says so, nothing is sent.
    await item.getByTestId('error-summary').waitFor();
    await item
      .getByLabel(/^Begründung oder Antwort/)
      .fill('Die Stadt stellt im Frühjahr Bänke auf.');
    await item.getByRole('button', { name: 'Stand ändern' }).click();
    await ours()
      .getByRole('heading', { name: /Beantwortet/ })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 320, height: 800 });
    await noSidewaysScrolling(page);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'initiative-queue-320');
  });
});
