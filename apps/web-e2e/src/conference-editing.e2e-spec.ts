import type { Browser, Page } from 'playwright-core';
import { ORGANIZER } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, saveScreenshot } from './support/browser';
import { waitForHeading } from './support/practices';
import { signedInPage } from './support/tandems';

const run = Date.now().toString(36);
const TITLE = `Entwurf Bearbeitung ${run}`;
const RENAMED = `Regionalkonferenz Nord ${run}`;

describe('conferences: organizers edit a conference and its agenda', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    // axe is injected as a script: only that needs the CSP bypassed.
    page = await signedInPage(browser, ORGANIZER, { bypassCSP: true });
  });
  afterAll(async () => {
    if (page) await closePage(page);
    await browser?.close();
  });

  it('edits title, capacity and times, edits a session, names a room clash, downloads the CSV', async () => {
    await page.goto('/netzwerk/konferenzen/neu');
    await waitForHeading(page, 'Konferenz anlegen');
    await page.getByLabel('Titel', { exact: true }).fill(TITLE);
    await page.getByLabel('Beginn', { exact: true }).fill('2028-06-20T10:00');
    await page.getByLabel('Ende', { exact: true }).fill('2028-06-20T16:00');
    await page.getByLabel('Plätze (Personen)').fill('20');
    await page.getByRole('button', { name: 'Konferenz anlegen' }).click();
    await waitForHeading(page, TITLE);

    await page.getByRole('button', { name: 'Angaben bearbeiten' }).click();
    const form = page.getByTestId('conference-edit-form');
    await form.waitFor();
    expect(await form.getByLabel('Titel', { exact: true }).inputValue()).toBe(TITLE);
    expect(await seriousViolations(page)).toEqual([]);
    await form.getByLabel('Titel', { exact: true }).fill(RENAMED);
    await form.getByLabel('Plätze (Personen)').fill('35');
    await form.getByLabel('Beginn', { exact: true }).fill('2028-06-20T09:00');
    await form.getByLabel('Ende', { exact: true }).fill('2028-06-20T17:00');
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 });
      await saveScreenshot(page, `conference-edit-form-${width}`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await form.getByRole('button', { name: 'Änderungen speichern' }).click();
    await page.getByText('Die Änderungen sind gespeichert.').waitFor();
    await waitForHeading(page, RENAMED);
    expect(await page.getByText('35', { exact: false }).count()).toBeGreaterThan(0);

    // Two sessions in one room, then one moved onto the other's time.
    const editor = page.getByTestId('agenda-editor');
    const addSession = async (title: string, start: string, end: string) => {
      await editor.getByLabel('Titel des Programmpunkts').fill(title);
      await editor.getByLabel('Beginn', { exact: true }).fill(start);
      await editor.getByLabel('Ende', { exact: true }).fill(end);
      await editor.getByLabel('Raum', { exact: true }).fill('Saal 1');
      await editor.getByRole('button', { name: 'Programmpunkt hinzufügen' }).click();
      await page.getByTestId('agenda-day').getByText(title).waitFor();
    };
    await addSession('Auftakt', '2028-06-20T10:00', '2028-06-20T11:30');
    await addSession('Werkstatt', '2028-06-20T12:00', '2028-06-20T13:00');
    expect(await page.getByTestId('agenda-day').textContent()).toContain(
      'Di, 20. Juni, 10:00–11:30',
    );

    await editor.getByRole('button', { name: 'Bearbeiten: Werkstatt', exact: true }).click();
    await editor.getByRole('heading', { name: 'Sitzung „Werkstatt“ bearbeiten' }).waitFor();
    await editor.getByLabel('Beginn', { exact: true }).fill('2028-06-20T11:00');
    await editor.getByRole('button', { name: 'Sitzung speichern' }).click();
    await editor.getByTestId('error-room').waitFor();
    expect(await editor.getByTestId('error-room').textContent()).toContain(
      'Raum belegt durch „Auftakt“ (10:00–11:30)',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'conference-agenda-clash-1280');

    await editor.getByLabel('Titel des Programmpunkts').fill('Werkstatt Engagement');
    await editor.getByLabel('Beginn', { exact: true }).fill('2028-06-20T14:00');
    await editor.getByLabel('Ende', { exact: true }).fill('2028-06-20T15:30');
    await editor.getByRole('button', { name: 'Sitzung speichern' }).click();
    await page.getByTestId('agenda-day').getByText('Werkstatt Engagement').waitFor();
    expect(await page.getByTestId('agenda-day').textContent()).toContain(
      'Di, 20. Juni, 14:00–15:30',
    );
    await page.setViewportSize({ width: 320, height: 900 });
    await saveScreenshot(page, 'conference-agenda-edited-320');
    await page.setViewportSize({ width: 1280, height: 900 });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Anmeldungen als CSV herunterladen' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `anmeldungen-regionalkonferenz-nord-${run}-2028-06-20.csv`,
    );
  });
});
