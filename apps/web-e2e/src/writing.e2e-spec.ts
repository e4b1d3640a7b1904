import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, pageGraphql, signInQuietly } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';
import { waitForHeading } from './support/practices';

/** Nordhausen is no other spec's city: its coordinator writes here. */
const CITY = 'nordhausen';
const TITLE = `Schreibwerkstatt ${Date.now().toString(36)}`;

describe('writing without Markdown, readable history, small screens, no loading flash', () => {
  let browser: Browser;
  let page: Page;
  let practiceId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    // One page for the whole file: one sign-in (they are throttled per address).
    page = await newVisitorPage(browser, { bypassCSP: true });
    await page.goto('/');
    await signInQuietly(page, coordinatorOf(CITY));
    const { createPractice } = await pageGraphql<{ createPractice: { id: string } }>(
      page,
      'mutation ($input: CreatePracticeInput!) { createPractice(input: $input) { id } }',
      {
        input: {
          citySlug: CITY,
          title: TITLE,
          summary: 'Wie Menschen ohne Markdown-Kenntnisse gut formatierte Texte schreiben.',
          body: 'Ablauf',
        },
      },
    );
    practiceId = createPractice.id;
  });
  afterAll(async () => {
    if (page) await closePage(page);
    await browser?.close();
  });

  it('formats the description with the toolbar and shortcuts, by keyboard only', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/praxis/${practiceId}/bearbeiten`);
    await waitForHeading(page, 'Praxisbeispiel bearbeiten');
    const body = page.getByLabel('Beschreibung', { exact: true });
    const toolbar = page.getByRole('toolbar', { name: 'Formatierung' });
    expect(await toolbar.getAttribute('aria-controls')).toBe(await body.getAttribute('id'));
    const bold = toolbar.getByRole('button', { name: 'Fett' });
    expect(await bold.getAttribute('aria-keyshortcuts')).toBe('Control+B Meta+B');
    expect(await bold.getAttribute('data-tooltip')).toBe('Fett (Strg+B)');

    // The caret in "Ablauf"; Shift+Tab reaches the toolbar's one tab stop (its first button).
    await body.focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Zwischenüberschrift',
    );
    // Arrow keys move along the toolbar and wrap; only one button is in the tab order.
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Zitat',
    );
    await page.keyboard.press('Home');
    expect(await toolbar.locator('button[tabindex="0"]').count()).toBe(1);
    await page.keyboard.press('Enter');
    expect(await body.inputValue()).toBe('## Ablauf');
    // The button hands the text back to the text area, caret still in the line.
    expect(await body.evaluate((element) => element === document.activeElement)).toBe(true);

    await page.keyboard.press('End');
    await page.keyboard.type('\n\nWichtig');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Control+B');
    expect(await body.inputValue()).toBe('## Ablauf\n\n**Wichtig**');
    // Undo takes the formatting back as one step.
    await page.keyboard.press('Control+Z');
    expect(await body.inputValue()).toBe('## Ablauf\n\nWichtig');
    await page.keyboard.press('Control+Y');
    expect(await body.inputValue()).toBe('## Ablauf\n\n**Wichtig**');

    await page.keyboard.press('End');
    await page.keyboard.type('\n\nerstens\nzweitens');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    expect(await body.inputValue()).toBe('## Ablauf\n\n**Wichtig**\n\n- erstens\n- zweitens');
    await saveScreenshot(page, 'writing-toolbar');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Entwurf speichern' }).click();
    await page.getByText(/Gespeichert \(Fassung \d+\)/).waitFor();
  });

  it('shows the change of the description as rendered text, without Markdown marks', async () => {
    await page.goto(`/praxis/${practiceId}/verlauf`);
    await waitForHeading(page, /Verlauf/);
    const diff = page.getByTestId('body-diff');
    await diff.waitFor();
    const text = (await diff.textContent()) ?? '';
    expect(text).not.toMatch(/##|\*\*/);
    // The new heading is a heading, marked as inserted in words, not only by colour.
    const heading = diff.getByRole('heading', { name: /Ablauf/ });
    expect(await heading.locator('ins').textContent()).toBe('[eingefügt: Ablauf]');
    expect(await diff.locator('del').first().textContent()).toBe('[entfernt: Ablauf]');
    expect(await diff.locator('ins').allTextContents()).toEqual(
      expect.arrayContaining(['[eingefügt: Wichtig]', '[eingefügt: erstens]']),
    );
    await saveScreenshot(page, 'writing-history-diff');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('keeps the signed-in header to a quarter of a 320 × 568 screen, with a menu', async () => {
    await page.setViewportSize({ width: 320, height: 568 });
    await page.goto(`/${CITY}`);
    await page.getByTestId('city-page').waitFor();
    const header = page.getByTestId('site-header');
    const height = await header.evaluate((element) => element.getBoundingClientRect().height);
    expect(height).toBeLessThanOrEqual(568 / 4);
    await saveScreenshot(page, 'writing-header-320');

    const button = page.getByRole('button', { name: 'Menü' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('navigation', { name: 'Hauptnavigation' }).isVisible()).toBe(false);
    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).waitFor();
    await page.getByTestId('account-name').waitFor();
    await saveScreenshot(page, 'writing-header-320-open');
    expect(await seriousViolations(page)).toEqual([]);
    // Escape closes the menu and leaves focus on its button.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);
    // Following a link in the menu closes it.
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Themen' }).click();
    await waitForHeading(page, /Themen/);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows the members as one card each at 320 px, without sideways scrolling', async () => {
    await page.setViewportSize({ width: 320, height: 568 });
    await page.goto(`/${CITY}/mitglieder`);
    const table = page.getByTestId('member-table');
    await table
      .getByRole('button', { name: /Entfernen/ })
      .first()
      .waitFor();
    const widths = await page.evaluate(() => {
      const wrap = document.querySelector('[data-testid="member-table"]')?.closest('.table-wrap');
      const row = document.querySelector('[data-testid="member-row"]');
      return {
        page: document.documentElement.scrollWidth,
        wrap: wrap?.clientWidth ?? 0,
        table: wrap?.scrollWidth ?? 0,
        rowDisplay: row ? getComputedStyle(row).display : '',
      };
    });
    expect(widths.page).toBeLessThanOrEqual(320);
    expect(widths.table).toBeLessThanOrEqual(widths.wrap);
    expect(widths.rowDisplay).toBe('block');
    await saveScreenshot(page, 'writing-members-320');
    expect(await seriousViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await saveScreenshot(page, 'writing-members-1280');
  });

  async function followWithoutLoading(name: string, operation: string, heading: RegExp) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/${CITY}`);
    await page.getByTestId('city-page').waitFor();
    const preloaded = page.waitForResponse(
      (response) =>
        response.url().endsWith('/graphql') &&
        (response.request().postData() ?? '').includes(operation),
    );
    const link = page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', {
      name,
    });
    await link.hover();
    await preloaded;
    // From the click on, any loading message that appears in the page is noted.
    await page.evaluate(() => {
      const flags = window as unknown as { sawLoading: boolean };
      flags.sawLoading = false;
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          for (const node of mutation.addedNodes) {
            if (!(node instanceof Element)) continue;
            if (node.matches('.status--loading') || node.querySelector('.status--loading')) {
              flags.sawLoading = true;
            }
          }
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await link.click();
    await waitForHeading(page, heading);
    await page.locator('main h2').first().waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { sawLoading: boolean }).sawLoading),
    ).toBe(false);
  }

  it('shows a page reached by a link after hovering it without a loading message', async () => {
    await followWithoutLoading('Themen', 'NetworkTopics', /Themen/);
  });

  it('shows the conference list after hovering its link without a loading message', async () => {
    await followWithoutLoading('Konferenzen', 'ConferenceList', /Konferenzen/);
  });
});
