import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, memberOf, ORGANIZER } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';
import { somePublicPracticeOf, waitForHeading } from './support/practices';
import { signedInPage } from './support/tandems';

/** Cities no other spec signs in with. */
const CITY = { slug: 'nordhausen', name: 'Nordhausen' };
const MEMBER_CITY = 'kamp-lintfort';

const run = Date.now().toString(36);
const TITLE = `Werkstatt Ehrenamt ${run}`;
/** A word only this run's record contains, to find it through the record search. */
const WORD = `Zukunftsfonds${run}`;

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const violations = await seriousViolations(page);
  expect(violations).toEqual([]);
}

describe('conferences: plan, register, record, find', () => {
  let browser: Browser;
  const pages: Page[] = [];
  let conferencePath = '';

  const open = async (email: string) => {
    // axe is injected as a script: only that needs the CSP bypassed.
    const page = await signedInPage(browser, email, { bypassCSP: true });
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const page of pages) await closePage(page);
    await browser?.close();
  });

  it('lets an organizer create a conference, plan its agenda and open registration', async () => {
    const page = await open(ORGANIZER);
    await page.goto('/konferenzen');
    await waitForHeading(page, 'Konferenzen');
    await page.getByRole('link', { name: 'Konferenz anlegen' }).click();
    await waitForHeading(page, 'Konferenz anlegen');
    expect(new URL(page.url()).pathname).toBe('/netzwerk/konferenzen/neu');
    await expectNoSeriousViolations(page);

    // Nothing filled in: the summary names what is missing.
    await page.getByRole('button', { name: 'Konferenz anlegen' }).click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-title').textContent()).toContain('Titel');

    await page.getByLabel('Titel', { exact: true }).fill(TITLE);
    await page.getByLabel('Art', { exact: true }).selectOption({ label: 'Schulung' });
    await page.getByLabel('Beginn', { exact: true }).fill('2028-03-14T10:00');
    await page.getByLabel('Ende', { exact: true }).fill('2028-03-15T16:00');
    await page.getByLabel('Veranstaltungsort (freiwillig)').fill('Bürgerhaus');
    await page.getByLabel('Plätze (Personen)').fill('12');
    await saveScreenshot(page, 'conferences-create');
    await page.getByRole('button', { name: 'Konferenz anlegen' }).click();

    await waitForHeading(page, TITLE);
    conferencePath = new URL(page.url()).pathname;
    expect(conferencePath).toMatch(/^\/konferenzen\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('conference-status').textContent()).toBe('In Planung');

    // Agenda in Berlin time; a second session in the same room at the same time is refused.
    const editor = page.getByTestId('agenda-editor');
    await editor.getByLabel('Titel des Programmpunkts').fill('Begrüßung');
    await editor.getByLabel('Beginn', { exact: true }).fill('2028-03-14T10:00');
    await editor.getByLabel('Ende', { exact: true }).fill('2028-03-14T11:00');
    await editor.getByLabel('Raum', { exact: true }).fill('Saal 1');
    await editor.getByRole('button', { name: 'Programmpunkt hinzufügen' }).click();
    await page.getByTestId('agenda-day').getByText('Begrüßung').waitFor();
    expect(await page.getByTestId('agenda-day').textContent()).toContain('10:00–11:00');

    await editor.getByLabel('Titel des Programmpunkts').fill('Parallele Werkstatt');
    await editor.getByLabel('Beginn', { exact: true }).fill('2028-03-14T10:30');
    await editor.getByLabel('Ende', { exact: true }).fill('2028-03-14T11:30');
    await editor.getByRole('button', { name: 'Programmpunkt hinzufügen' }).click();
    await editor.getByTestId('error-room').waitFor();
    expect(await editor.getByTestId('error-room').textContent()).toContain(
      'Raum belegt durch „Begrüßung“ (10:00–11:00)',
    );
    // Another room is free; that session can also be taken out again.
    await editor.getByLabel('Raum', { exact: true }).fill('Saal 2');
    await editor.getByRole('button', { name: 'Programmpunkt hinzufügen' }).click();
    await page.getByTestId('agenda-day').getByText('Parallele Werkstatt').waitFor();
    // Named by the session's title, without a stray space before the colon.
    await editor
      .getByRole('button', { name: 'Entfernen: Parallele Werkstatt', exact: true })
      .click();
    await page
      .getByTestId('agenda-day')
      .getByText('Parallele Werkstatt')
      .waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Anmeldung öffnen' }).click();
    await page.getByText('Die Anmeldung ist geöffnet.').waitFor();
    await page.getByTestId('conference-status').getByText('Anmeldung offen').waitFor();
  });

  it('lets a coordinator register two participants', async () => {
    const page = await open(coordinatorOf(CITY.slug));
    await page.goto(conferencePath);
    await waitForHeading(page, TITLE);
    const panel = page.getByTestId('registration-panel');
    await panel.getByRole('heading', { name: `Anmeldung für ${CITY.name}` }).waitFor();

    const first = panel.getByRole('group', { name: 'Teilnehmende Person 1' });
    await first.getByLabel('Name', { exact: true }).fill('Anna Beispiel');
    await first.getByLabel('E-Mail-Adresse', { exact: true }).fill('anna@teilnahme.example');
    await first.getByLabel('Funktion (freiwillig)').fill('Ehrenamtskoordination');
    await panel.getByRole('button', { name: 'Weitere Person hinzufügen' }).click();
    const second = panel.getByRole('group', { name: 'Teilnehmende Person 2' });
    await second.getByLabel('Name', { exact: true }).fill('Ben Muster');
    await second.getByLabel('E-Mail-Adresse', { exact: true }).fill('ben@teilnahme.example');
    await second.getByLabel('Bedarfe (freiwillig)').fill('vegetarisch');
    await expectNoSeriousViolations(page);
    await saveScreenshot(page, 'conferences-register-form');

    await panel.getByRole('button', { name: 'Verbindlich anmelden' }).click();
    await panel.getByText('Die Anmeldung ist bestätigt.').waitFor();
    expect(await panel.getByTestId('registration-status').textContent()).toContain(
      'Angemeldet und bestätigt: 2 Personen.',
    );
    await saveScreenshot(page, 'conferences-registered');
  });

  it('shows the organizer the registration, then saves and finalizes the record', async () => {
    const page = pages[0];
    await page.reload();
    await waitForHeading(page, TITLE);
    const row = page.getByTestId('registration-row').filter({ hasText: CITY.name });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain('Bestätigt');
    expect(text).toContain('Anna Beispiel');
    expect(text).toContain('Ben Muster');
    expect(
      await page
        .getByRole('link', { name: 'Anmeldungen als CSV herunterladen' })
        .getAttribute('href'),
    ).toBe(`/export/conferences/${conferencePath.split('/').pop()}/registrations.csv`);

    const editor = page.getByTestId('record-editor');
    await editor
      .getByLabel('Protokoll', { exact: true })
      .fill('## Begrüßung\n\nAlle Städte **vertreten**.');
    // The tabs follow the keyboard: End shows the preview, an arrow key goes back.
    await editor.getByRole('tab', { name: 'Schreiben' }).focus();
    await page.keyboard.press('End');
    const preview = editor.getByTestId('minutes-preview');
    await preview.locator('strong').getByText('vertreten').waitFor();
    expect(
      await editor
        .getByRole('tab', { name: 'Vorschau', selected: true })
        .evaluate((tab) => tab === document.activeElement),
    ).toBe(true);
    // As in the saved record, the minutes' headings start at h5: `##` is an h6.
    expect(await preview.locator('h6').textContent()).toBe('Begrüßung');
    expect(await preview.locator('h1, h2, h3, h4, h5').count()).toBe(0);
    await page.keyboard.press('ArrowLeft');
    await editor.getByRole('tab', { name: 'Schreiben', selected: true }).waitFor();
    await editor.getByLabel('Protokoll', { exact: true }).waitFor();
    await editor.getByLabel('Beschlüsse').fill(`Wir gründen den ${WORD} für Ehrenamtsprojekte.`);
    await editor.getByLabel('Ergebnisse').fill('Drei neue Tandems.');
    await editor.getByRole('button', { name: 'Entwurf speichern' }).click();
    await editor.getByText('Der Entwurf ist gespeichert.').waitFor();

    await page
      .getByTestId('record-editor')
      .getByRole('button', { name: 'Endgültig machen' })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Endgültig machen' }).click();
    await page.getByText('Das Protokoll ist endgültig.', { exact: true }).waitFor();
    await page.getByTestId('record').getByText('Endgültig', { exact: true }).waitFor();

    // A follow-up action for the registered city.
    await page.getByLabel('Was ist zu tun?').fill(`Konzept ${WORD} vorlegen`);
    await page.getByLabel('Verantwortliche Kommune').selectOption({ label: CITY.name });
    await page.getByLabel('Fällig am (freiwillig)').fill('2028-06-30');
    await page.getByRole('button', { name: 'Folgeaufgabe hinzufügen' }).click();
    await page.getByText('Die Folgeaufgabe ist eingetragen.').waitFor();
    await page
      .getByTestId('record-actions')
      .getByText(`Konzept ${WORD} vorlegen`, { exact: false })
      .waitFor();
    await saveScreenshot(page, 'conferences-organizer');
  });

  it('lets the organizer link a practice to the record, open it from the record and unlink it', async () => {
    const practice = await somePublicPracticeOf(CITY.slug);
    const page = pages[0];
    await page.reload();
    await waitForHeading(page, TITLE);
    const editor = page.getByTestId('record-editor');
    const links = editor.getByRole('group', { name: 'Verknüpfte Praxisbeispiele' });
    await links.getByText('Noch keine Praxisbeispiele verknüpft.').waitFor();
    // The record is final: saving it again keeps it final, so the editor speaks of the record.
    expect(await editor.getByRole('button', { name: 'Entwurf speichern' }).count()).toBe(0);
    const field = links.getByRole('searchbox', { name: 'Praxisbeispiel zum Verknüpfen suchen' });

    // A search without hits says so.
    await field.fill(`Nirgendwo${run}`);
    await links.getByText(`Kein Praxisbeispiel zu „Nirgendwo${run}“ gefunden.`).waitFor();

    // Typing searches after a pause; the hit is linked with the keyboard.
    await field.fill(`${practice.title} ${practice.city.name}`);
    const named = `${practice.title} (${practice.city.name})`;
    const linkButton = links.getByRole('button', { name: `Verknüpfen: ${named}`, exact: true });
    await linkButton.focus();
    await page.keyboard.press('Enter');
    const removeButton = links.getByRole('button', { name: `Entfernen: ${named}`, exact: true });
    await removeButton.waitFor();
    await links.getByText(`„${practice.title}“ ist verknüpft. Noch nicht gespeichert`).waitFor();
    // Not offered again; focus is back in the search field for the next one.
    expect(await linkButton.count()).toBe(0);
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
    await saveScreenshot(page, 'conferences-record-practice-linked');

    await editor.getByRole('button', { name: 'Protokoll speichern', exact: true }).click();
    await editor.getByText('Das Protokoll ist gespeichert.', { exact: true }).waitFor();
    await page.reload();
    await waitForHeading(page, TITLE);
    const shown = page
      .getByTestId('record-practices')
      .getByRole('link', { name: practice.title, exact: true });
    await shown.waitFor();
    expect(await shown.getAttribute('href')).toBe(`/praxis/${practice.id}`);
    // The editor starts from the saved links.
    await removeButton.waitFor();
    await expectNoSeriousViolations(page);

    await shown.click();
    await waitForHeading(page, practice.title);
    expect(new URL(page.url()).pathname).toBe(`/praxis/${practice.id}`);

    await page.goBack();
    await waitForHeading(page, TITLE);
    await removeButton.focus();
    await page.keyboard.press('Enter');
    await links.getByText('Noch keine Praxisbeispiele verknüpft.').waitFor();
    expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
    await editor.getByRole('button', { name: 'Protokoll speichern', exact: true }).click();
    await editor.getByText('Das Protokoll ist gespeichert.', { exact: true }).waitFor();
    await page.reload();
    await waitForHeading(page, TITLE);
    await links.getByText('Noch keine Praxisbeispiele verknüpft.').waitFor();
    await page.getByTestId('record-decisions').waitFor();
    expect(await page.getByTestId('record-practices').count()).toBe(0);
  });

  it('keeps what an organizer typed when someone else saved the record in the meantime', async () => {
    const first = pages[0];
    await first.reload();
    await waitForHeading(first, TITLE);
    const second = await open(ORGANIZER); // the same office, a second browser
    await second.goto(conferencePath);
    await waitForHeading(second, TITLE);
    const outcomesOf = (page: Page) =>
      page.getByTestId('record-editor').getByLabel('Ergebnisse', { exact: true });
    const saveOf = (page: Page) =>
      page
        .getByTestId('record-editor')
        .getByRole('button', { name: 'Protokoll speichern', exact: true });

    await outcomesOf(first).fill(`Fassung A ${run}`);
    await saveOf(first).click();
    await first.getByText('Das Protokoll ist gespeichert.', { exact: true }).waitFor();

    // The second browser started from the older revision: told so, and nothing it typed is gone.
    await outcomesOf(second).fill(`Fassung B ${run}`);
    await saveOf(second).click();
    const conflict = second.getByTestId('record-conflict');
    await conflict.getByText('Inzwischen hat jemand anderes das Protokoll gespeichert').waitFor();
    expect(await conflict.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await outcomesOf(second).inputValue()).toBe(`Fassung B ${run}`);
    await saveScreenshot(second, 'conferences-record-conflict');
    await expectNoSeriousViolations(second);

    // The saved version shows above the form; the own one can still be saved on purpose.
    await conflict.getByRole('button', { name: 'Gespeicherte Fassung oben anzeigen' }).click();
    await second.getByTestId('record-outcomes').getByText(`Fassung A ${run}`).waitFor();
    expect(await outcomesOf(second).inputValue()).toBe(`Fassung B ${run}`);
    await conflict.getByRole('button', { name: 'Meine Fassung trotzdem speichern' }).click();
    await second.getByText('Das Protokoll ist gespeichert.', { exact: true }).waitFor();
    expect(await conflict.count()).toBe(0);
    await second.reload();
    await waitForHeading(second, TITLE);
    await second.getByTestId('record-outcomes').getByText(`Fassung B ${run}`).waitFor();
  });

  it('shows the minutes again when they are refused while the preview is open', async () => {
    const page = pages[0];
    await page.reload();
    await waitForHeading(page, TITLE);
    const editor = page.getByTestId('record-editor');
    const minutes = editor.getByLabel('Protokoll', { exact: true });
    const before = await minutes.inputValue();
    await minutes.fill('x'.repeat(100_001));
    await editor.getByRole('tab', { name: 'Vorschau' }).click();
    expect(await minutes.isVisible()).toBe(false);
    await editor.getByRole('button', { name: 'Protokoll speichern', exact: true }).click();
    const summary = editor.getByTestId('error-summary');
    await summary.waitFor();
    // The error switches back to writing: the text is there to correct, and the
    // summary's link reaches it.
    expect(await editor.getByRole('tab', { name: 'Schreiben' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await summary.getByRole('link').first().click();
    expect(await minutes.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await minutes.getAttribute('aria-invalid')).toBe('true');
    await minutes.fill(before);
  });

  it('lets a member find the record through the record search and open the conference', async () => {
    const page = await open(memberOf(MEMBER_CITY));
    await page.goto('/konferenzen');
    await waitForHeading(page, 'Konferenzen');
    await page.getByTestId('conferences-upcoming').getByTestId('conference-item').first().waitFor();
    await expectNoSeriousViolations(page);
    await saveScreenshot(page, 'conferences-list');

    const search = page.getByRole('region', { name: 'Protokolle durchsuchen' });
    const field = search.getByRole('searchbox', { name: 'Protokolle durchsuchen' });
    const hit = page.getByTestId('record-hit').filter({ hasText: TITLE });
    // Indexing runs through the outbox: ask again until the record is in (up to 10 s).
    const deadline = Date.now() + 10_000;
    for (;;) {
      await field.fill(WORD);
      await search.getByRole('button', { name: 'Suchen', exact: true }).click();
      try {
        await hit.waitFor({ timeout: 1_000 });
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
    expect(await hit.locator('mark').first().textContent()).toContain(WORD);
    await saveScreenshot(page, 'conferences-record-search');
    await hit.getByRole('link', { name: TITLE }).click();
    await waitForHeading(page, TITLE);
    expect(await page.getByTestId('record-decisions').textContent()).toContain(WORD);
  });

  it('shows the city its open follow-up action and lets its coordinator mark it done', async () => {
    const page = pages[1];
    await page.goto(`/${CITY.slug}`);
    const section = page.getByTestId('city-follow-ups');
    await section.getByRole('heading', { name: 'Offene Aufgaben aus Konferenzen' }).waitFor();
    expect(await section.getByRole('link', { name: /Kalender-Abo/ }).getAttribute('href')).toBe(
      `/calendar/${CITY.slug}.ics`,
    );
    const action = section.getByTestId('city-follow-up').filter({ hasText: WORD });
    await action.waitFor();
    await action
      .getByRole('button', {
        name: `Als erledigt markieren: Konzept ${WORD} vorlegen`,
        exact: true,
      })
      .click();
    await section.getByText(`„Konzept ${WORD} vorlegen“ ist erledigt.`).waitFor();
    await action.waitFor({ state: 'detached' });
  });

  it('fits a 320 px wide screen and speaks English after the switch', async () => {
    const page = pages[pages.length - 1];
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(conferencePath);
    await waitForHeading(page, TITLE);
    const widths = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await saveScreenshot(page, 'conferences-page-320');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Agenda', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Add to calendar' }).waitFor();
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('shows a visitor without an account the programme, but no registrations or records', async () => {
    const page = await newVisitorPage(browser);
    pages.push(page);
    await page.goto(conferencePath);
    await waitForHeading(page, TITLE);
    await page.getByTestId('agenda-day').getByText('Begrüßung').waitFor();
    expect(await page.getByTestId('registration-panel').count()).toBe(0);
    expect(await page.getByTestId('conference-records').count()).toBe(0);
    expect(await page.getByText('Anna Beispiel').count()).toBe(0);
  });

  it('lets the coordinator cancel the registration and the organizer cancel the conference', async () => {
    const coordinator = pages[1];
    await coordinator.goto(conferencePath);
    const panel = coordinator.getByTestId('registration-panel');
    await panel.getByTestId('registration-status').waitFor();
    await panel.getByRole('button', { name: 'Anmeldung stornieren' }).click();
    const dialog = coordinator.getByRole('dialog', { name: 'Anmeldung stornieren?' });
    await dialog.getByRole('button', { name: 'Anmeldung stornieren' }).click();
    await panel.getByText('Die Anmeldung wurde storniert.').waitFor();
    await panel.getByRole('button', { name: 'Verbindlich anmelden' }).waitFor();

    const organizer = pages[0];
    await organizer.reload();
    await waitForHeading(organizer, TITLE);
    await organizer.getByRole('button', { name: 'Konferenz absagen' }).click();
    const confirm = organizer.getByRole('dialog', { name: 'Konferenz absagen?' });
    // Cancel first: nothing changes.
    await confirm.getByRole('button', { name: 'Abbrechen' }).click();
    expect(await organizer.getByTestId('conference-status').textContent()).toBe('Anmeldung offen');
    await organizer.getByRole('button', { name: 'Konferenz absagen' }).click();
    await confirm.getByRole('button', { name: 'Konferenz absagen' }).click();
    await organizer.getByText('Die Konferenz ist abgesagt.').waitFor();
    await organizer.getByTestId('conference-status').getByText('Abgesagt').waitFor();
  });

  it('keeps the kind filter in the URL', async () => {
    const page = pages[pages.length - 1];
    await page.goto('/konferenzen');
    await page.getByLabel('Art', { exact: true }).selectOption({ label: 'Netzwerktreffen' });
    await page.waitForURL(/art=NETWORK_MEETING/);
    const past = page.getByTestId('conferences-past');
    await past.getByText('Netzwerktreffen 2024 in Würzburg').waitFor();
    // The filtered answer replaces the unfiltered one.
    await past.getByText('Regionalkonferenz Ost').waitFor({ state: 'detached' });
    expect(await past.textContent()).not.toContain('Regionalkonferenz');
  });
});
