import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, memberOf, pageGraphql } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, saveScreenshot } from './support/browser';
import { signedInPage, tandemIdOf } from './support/tandems';

/** A demo tandem no other spec writes to. */
const NEW_CITY = 'halberstadt';
const PARTNER = 'stendal';

describe('notifications', () => {
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const page of pages) await closePage(page);
    await browser?.close();
  });

  it('tells the other city of a new tandem entry in the header and on /benachrichtigungen', async () => {
    const tandemId = await tandemIdOf(NEW_CITY, PARTNER, 'ACTIVE');
    const writer = await signedInPage(browser, coordinatorOf(NEW_CITY));
    const reader = await signedInPage(browser, memberOf(PARTNER), { bypassCSP: true });
    pages.push(writer, reader);
    await pageGraphql(reader, 'mutation { markNotificationsRead }');

    const text = `Terminabsprache ${Date.now().toString(36)}`;
    await pageGraphql(
      writer,
      'mutation($i: AddTandemNoteInput!) { addTandemNote(input: $i) { id } }',
      { i: { tandemId, kind: 'AGREEMENT', body: text } },
    );

    await reader.goto('/');
    const link = reader.getByTestId('notifications-link');
    await link.filter({ hasText: /neu\)/ }).waitFor({ timeout: 10_000 });
    expect(await link.textContent()).toMatch(/^Benachrichtigungen \(\d+ neu\)$/);
    await link.click();
    await reader.getByRole('heading', { level: 1, name: 'Benachrichtigungen' }).waitFor();
    const entry = reader.locator('.notification--unread').filter({ hasText: text });
    await entry.waitFor();
    expect(await entry.getByRole('link').textContent()).toBe(
      'Neuer Eintrag im Tandem mit Halberstadt',
    );
    expect(await entry.getByRole('link').getAttribute('href')).toBe(
      `/${PARTNER}/tandems/${tandemId}`,
    );

    expect(await seriousViolations(reader)).toEqual([]);
    await saveScreenshot(reader, 'notifications');

    await reader.getByRole('button', { name: 'Alle als gelesen markieren' }).click();
    await reader.getByRole('status').filter({ hasText: 'als gelesen markiert' }).waitFor();
    await reader.locator('.notification--unread').first().waitFor({ state: 'detached' });
    await reader.goto('/themen');
    await reader
      .getByTestId('notifications-link')
      .filter({ hasText: /^Benachrichtigungen$/ })
      .waitFor();
  });
});
