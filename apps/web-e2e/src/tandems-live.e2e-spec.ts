import type { Browser, Page } from 'playwright-core';
import { memberOf } from './support/accounts';
import { closePage, launchBrowser, saveScreenshot } from './support/browser';
import { openTandem, signedInPage, tandemIdOf } from './support/tandems';

/** A demo tandem whose members no other spec signs out. */
const NEW_CITY = 'ginsheim-gustavsburg';
const PARTNER = 'bitburg';

describe('tandem exchange, live', () => {
  let browser: Browser;
  const pages: Page[] = [];
  let tandemId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    tandemId = await tandemIdOf(NEW_CITY, PARTNER, 'ACTIVE');
  });
  afterAll(async () => {
    for (const page of pages) await closePage(page);
    await browser?.close();
  });

  it('shows a note from the other city without reload and announces it politely', async () => {
    const watcher = await signedInPage(browser, memberOf(PARTNER));
    const writer = await signedInPage(browser, memberOf(NEW_CITY));
    pages.push(watcher, writer);
    await openTandem(watcher, PARTNER, tandemId);
    await watcher.getByTestId('timeline').waitFor();
    await openTandem(writer, NEW_CITY, tandemId);
    await writer.getByTestId('note-form').waitFor();
    // Proof that the watcher never reloads: a marker on its window survives only in place.
    await watcher.evaluate(() => {
      (window as unknown as { stillHere: boolean }).stillHere = true;
    });
    // Give the subscription a moment to be established before the note is written.
    await watcher.waitForTimeout(500);

    const text = `Live aus Ginsheim ${Date.now().toString(36)}`;
    const form = writer.getByTestId('note-form');
    await form.getByRole('radio', { name: 'Frage' }).check();
    await form.getByLabel('Ihre Frage').fill(text);
    await form.getByRole('button', { name: 'Eintrag speichern' }).click();
    await writer.getByTestId('tandem-note').filter({ hasText: text }).waitFor();

    const arrived = watcher.getByTestId('tandem-note').filter({ hasText: text });
    await arrived.waitFor({ timeout: 10_000 });
    expect(await arrived.getAttribute('data-kind')).toBe('QUESTION');
    expect(await arrived.textContent()).toContain('Neu');
    // It sits at the top, newest first.
    expect(await watcher.getByTestId('tandem-note').first().textContent()).toContain(text);
    const announcer = watcher.getByTestId('notes-announcer');
    expect(await announcer.getAttribute('aria-live')).toBe('polite');
    expect(await announcer.textContent()).toBe(
      'Neuer Eintrag (Frage) von Mitglied Ginsheim-Gustavsburg, Ginsheim-Gustavsburg.',
    );
    expect(
      await watcher.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere),
    ).toBe(true);
    await saveScreenshot(watcher, 'tandems-live');

    // The writer's own entry shows once, not again from the live channel.
    await writer.waitForTimeout(1000);
    expect(await writer.getByTestId('tandem-note').filter({ hasText: text }).count()).toBe(1);
  });
});
