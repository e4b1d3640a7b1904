import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, memberOf, ORGANIZER, pageGraphql } from './support/accounts';
import { closePage, launchBrowser, saveScreenshot } from './support/browser';
import { waitForHeading } from './support/practices';
import { openTandem, signedInPage } from './support/tandems';

/** Rudolstadt has no tandem in the demo data and is no other spec's city. */
const NEW_CITY = { slug: 'rudolstadt', name: 'Rudolstadt' };
/** Accounts other specs sign out everywhere or whose sessions they end: never a partner here. */
const AVOID = ['lemgo', 'stendal'];
/** A city outside the pair, whose member must not read the exchange. */
const OUTSIDER = 'greifswald';

interface Suggestion {
  city: { slug: string; name: string };
  reasons: string[];
}

describe('tandems: propose, accept, exchange privately', () => {
  let browser: Browser;
  const pages: Page[] = [];
  let partner: Suggestion['city'];
  /** The second suggestion, proposed too and then declined. */
  let runnerUp: Suggestion['city'];
  let tandemId = '';

  const open = async (email: string) => {
    const page = await signedInPage(browser, email);
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

  it('lets an organizer propose a tandem from the explained suggestions', async () => {
    const page = await open(ORGANIZER);
    // The header links organizers to the board, next to the audit log.
    await page.goto('/');
    await page.getByRole('link', { name: 'Tandems', exact: true }).click();
    await waitForHeading(page, 'Tandems im Netzwerk');
    expect(new URL(page.url()).pathname).toBe('/netzwerk/tandems');

    // The demo tandems, grouped by status.
    const proposed = page.getByTestId('tandem-group-PROPOSED');
    await proposed.getByTestId('tandem-row').first().waitFor();
    expect(await proposed.textContent()).toContain('Cloppenburg');
    expect(await page.getByTestId('tandem-group-ACTIVE').getByTestId('tandem-row').count()).toBe(3);
    expect(await page.getByTestId('tandem-group-CONCLUDED').textContent()).toContain('Puchheim');

    await page.getByLabel('Neue Kommune').selectOption({ label: NEW_CITY.name });
    const suggestions = page.getByTestId('suggestion');
    await suggestions.first().waitFor();

    // The page shows what the API suggests, best first, each with its reasons.
    const { tandemSuggestions } = await graphqlAsOrganizer(page, NEW_CITY.slug);
    const choice = tandemSuggestions.find((item) => !AVOID.includes(item.city.slug));
    if (!choice) throw new Error('no usable suggestion');
    partner = choice.city;
    const second = tandemSuggestions.find(
      (item) => !AVOID.includes(item.city.slug) && item.city.slug !== partner.slug,
    );
    if (!second) throw new Error('no second usable suggestion');
    runnerUp = second.city;
    expect(await suggestions.count()).toBe(tandemSuggestions.length);
    const shown = suggestions.filter({ hasText: partner.name });
    expect(await shown.getByText(/Passung \d+ von 100/).count()).toBe(1);
    const reasons = await shown.getByTestId('suggestion-reasons').locator('li').allTextContents();
    expect(reasons).toEqual(choice.reasons);
    expect(reasons.length).toBeGreaterThan(0);

    await page.getByRole('radio', { name: partner.name, exact: true }).check();
    await page
      .getByLabel('Ziele (freiwillig)')
      .fill('Ein Freiwilligenzentrum nach dem Vorbild aufbauen.');
    await saveScreenshot(page, 'tandems-propose');
    await page.getByRole('button', { name: 'Tandem vorschlagen', exact: true }).click();

    const done = page.getByRole('status').filter({ hasText: 'vorgeschlagen' });
    await done.waitFor();
    expect(await done.textContent()).toContain(`Tandem ${NEW_CITY.name} – ${partner.name}`);
    const href = await done.getByRole('link', { name: 'Zum Tandem' }).getAttribute('href');
    tandemId = href?.split('/').pop() ?? '';
    expect(href).toBe(`/${NEW_CITY.slug}/tandems/${tandemId}`);
    await proposed.filter({ hasText: NEW_CITY.name }).waitFor();
    await saveScreenshot(page, 'tandems-board');
  });

  it('refuses a second open tandem of the same pair, on the partner field', async () => {
    const page = pages[0] as Page;
    await page.getByLabel('Neue Kommune').selectOption({ label: NEW_CITY.name });
    await page.getByTestId('suggestion').first().waitFor();
    // No longer suggested, but any city can be chosen by hand.
    expect(await page.getByRole('radio', { name: partner.name, exact: true }).count()).toBe(0);
    await page.getByRole('radio', { name: 'Andere Kommune' }).check();
    await page.getByLabel('Kommune auswählen').selectOption({ label: partner.name });
    await page.getByRole('button', { name: 'Tandem vorschlagen', exact: true }).click();
    const error = page.getByTestId('error-partnerCitySlug');
    await error.waitFor();
    expect(await error.textContent()).toContain(
      'Diese beiden Kommunen haben schon ein vorgeschlagenes oder aktives Tandem.',
    );
    // The summary took focus, so screen readers read it at once.
    expect(
      await page.getByTestId('error-summary').evaluate((node) => node === document.activeElement),
    ).toBe(true);
  });

  it('becomes active once both coordinators accept, each in their own browser', async () => {
    for (const [slug, expected] of [
      [NEW_CITY.slug, 'Jetzt fehlt noch die Zustimmung der anderen Kommune.'],
      [partner.slug, 'Das Tandem ist jetzt aktiv.'],
    ] as const) {
      const page = await open(coordinatorOf(slug));
      await openTandem(page, slug, tandemId);
      expect(await page.getByTestId('tandem-status').getAttribute('data-status')).toBe('PROPOSED');
      const acceptance = page.getByTestId('tandem-acceptance');
      expect(await acceptance.textContent()).toContain('Zustimmung steht aus');
      await page.getByRole('button', { name: 'Annehmen', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'Tandem annehmen?' });
      await dialog.waitFor();
      await dialog.getByRole('button', { name: 'Annehmen' }).click();
      await page.getByRole('status').filter({ hasText: expected }).waitFor();
      expect(await page.getByRole('button', { name: 'Annehmen', exact: true }).count()).toBe(0);
      if (slug === partner.slug) {
        expect(await page.getByTestId('tandem-status').getAttribute('data-status')).toBe('ACTIVE');
        await saveScreenshot(page, 'tandems-accepted');
      }
    }
  });

  it('shares a visit note of one city with the other, and with nobody else', async () => {
    const writer = await open(memberOf(NEW_CITY.slug));
    await openTandem(writer, NEW_CITY.slug, tandemId);
    const form = writer.getByTestId('note-form');
    await form.waitFor();
    await form.getByRole('radio', { name: 'Besuch' }).check();
    await form.getByLabel('Datum des Besuchs').fill('2026-11-20');
    await form.getByLabel('Ort (freiwillig)').fill('Rathaus Rudolstadt');
    await form
      .getByLabel('Bericht vom Besuch')
      .fill('Erster Besuch: **Rundgang** durch das Freiwilligenzentrum.');
    await form.getByRole('button', { name: 'Eintrag speichern' }).click();
    const own = writer.getByTestId('tandem-note').filter({ hasText: 'Erster Besuch' });
    await own.waitFor();
    expect(await own.getAttribute('data-kind')).toBe('VISIT');
    expect(await own.getByRole('heading').textContent()).toBe(
      'Besuch am 20.11.2026 in Rathaus Rudolstadt',
    );
    expect(await own.locator('strong').textContent()).toBe('Rundgang');
    // Authors edit and delete their own entries.
    expect(await own.getByRole('button', { name: /Bearbeiten/ }).count()).toBe(1);
    await saveScreenshot(writer, 'tandems-note-added');

    const reader = await open(memberOf(partner.slug));
    await openTandem(reader, partner.slug, tandemId);
    const seen = reader.getByTestId('tandem-note').filter({ hasText: 'Erster Besuch' });
    await seen.waitFor();
    expect(await seen.textContent()).toContain(`Mitglied ${NEW_CITY.name}`);
    expect(await seen.getByRole('button', { name: /Bearbeiten|Löschen/ }).count()).toBe(0);

    const outsider = await open(memberOf(OUTSIDER));
    await openTandem(outsider, NEW_CITY.slug, tandemId);
    const privacy = outsider.getByTestId('notes-private');
    await privacy.waitFor();
    expect(await privacy.textContent()).toContain('privat');
    expect(await outsider.getByTestId('tandem-note').count()).toBe(0);
    expect(await outsider.getByTestId('note-form').count()).toBe(0);
    // The public facts are there for everyone.
    expect(await outsider.getByTestId('tandem-partner').textContent()).toContain(partner.name);
    await saveScreenshot(outsider, 'tandems-private');
  });

  it('lets authors edit and delete their own entries', async () => {
    const page = await open(memberOf(NEW_CITY.slug));
    await openTandem(page, NEW_CITY.slug, tandemId);
    const form = page.getByTestId('note-form');
    await form.waitFor();
    await form.getByRole('radio', { name: 'Vereinbarung' }).check();
    await form.getByLabel('Wortlaut der Vereinbarung').fill('Wir telefonieren monatlich.');
    await form.getByRole('button', { name: 'Eintrag speichern' }).click();
    await page.getByTestId('tandem-note').filter({ hasText: 'monatlich' }).waitFor();
    // Newest first: the entry stays the first while its text changes.
    const note = page.getByTestId('tandem-note').first();

    await note.getByRole('button', { name: 'Bearbeiten (Vereinbarung)' }).click();
    const text = note.getByLabel('Wortlaut der Vereinbarung');
    // The text field takes focus, ready to change.
    await page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA');
    await text.fill('Wir telefonieren jeden ersten Montag im Monat.');
    await note.getByRole('button', { name: 'Änderung speichern' }).click();
    await note.getByTestId('note-body').filter({ hasText: 'jeden ersten Montag' }).waitFor();
    expect(await note.textContent()).toContain('bearbeitet');

    await note.getByRole('button', { name: 'Löschen (Vereinbarung)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Eintrag löschen?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Löschen' }).click();
    await page.getByTestId('tandem-note').filter({ hasText: 'ersten Montag' }).waitFor({
      state: 'detached',
    });
    expect(await page.getByTestId('notes-announcer').textContent()).toBe('Eintrag gelöscht.');
  });

  it('lets a coordinator decline a proposal with a reason, after asking', async () => {
    const organizer = pages[0] as Page;
    const { proposeTandem } = await pageGraphql<{ proposeTandem: { id: string } }>(
      organizer,
      'mutation ($input: ProposeTandemInput!) { proposeTandem(input: $input) { id } }',
      { input: { newCitySlug: NEW_CITY.slug, partnerCitySlug: runnerUp.slug } },
    );
    const page = await open(coordinatorOf(runnerUp.slug));
    await openTandem(page, runnerUp.slug, proposeTandem.id);
    const toggle = page.getByRole('button', { name: 'Ablehnen', exact: true });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    await page
      .getByLabel('Grund der Ablehnung (freiwillig)')
      .fill('Wir sind gerade selbst im Umbruch.');
    const send = page.getByRole('button', { name: 'Vorschlag ablehnen' });
    await send.click();
    const dialog = page.getByRole('dialog', { name: 'Vorschlag ablehnen?' });
    await dialog.waitFor();
    // Escape cancels and gives focus back to the button that asked.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await send.evaluate((button) => button === document.activeElement)).toBe(true);
    await send.click();
    await dialog.getByRole('button', { name: 'Ablehnen' }).click();
    await page.getByRole('status').filter({ hasText: 'Der Vorschlag ist abgelehnt.' }).waitFor();
    expect(await page.getByTestId('tandem-status').getAttribute('data-status')).toBe('DECLINED');
    expect(await page.getByTestId('tandem-page').textContent()).toContain(
      'Wir sind gerade selbst im Umbruch.',
    );
    await saveScreenshot(page, 'tandems-declined');
  });

  it('shows the partner on both city pages', async () => {
    const page = pages[0] as Page;
    for (const [slug, other] of [
      [NEW_CITY.slug, partner.name],
      [partner.slug, NEW_CITY.name],
    ]) {
      await page.goto(`/${slug}`);
      const line = page.getByTestId('city-tandems');
      await line.waitFor();
      expect(await line.textContent()).toContain('Tandempartner:');
      await line.getByRole('link', { name: other, exact: true }).waitFor();
    }
    await saveScreenshot(page, 'tandems-city-page');
    // The link leads to the tandem, under this city.
    await page
      .getByTestId('city-tandems')
      .getByRole('link', { name: `zum Tandem mit ${NEW_CITY.name}` })
      .click();
    await page.waitForURL((url) => url.pathname === `/${partner.slug}/tandems/${tandemId}`);
  });
  it('lets a coordinator conclude the tandem with a summary; the exchange stays readable', async () => {
    const page = await open(coordinatorOf(partner.slug));
    await openTandem(page, partner.slug, tandemId);
    await page.getByRole('button', { name: 'Abschließen', exact: true }).click();
    await page.getByRole('button', { name: 'Tandem abschließen' }).click();
    // The summary is required: said in the summary box (which takes focus) and on the field.
    const box = page.getByRole('alert', { name: 'Das hat nicht geklappt' });
    await box.waitFor();
    expect(await box.textContent()).toContain(
      'Bitte fassen Sie das Ergebnis des Tandems zusammen.',
    );
    expect(await page.getByLabel('Ergebnis des Tandems').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Ergebnis des Tandems').fill('Das Freiwilligenzentrum ist eröffnet.');
    await page.getByRole('button', { name: 'Tandem abschließen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tandem abschließen?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Abschließen' }).click();
    await page.getByRole('status').filter({ hasText: 'Das Tandem ist abgeschlossen.' }).waitFor();
    expect(await page.getByTestId('tandem-status').getAttribute('data-status')).toBe('CONCLUDED');
    expect(await page.getByTestId('tandem-outcome').textContent()).toBe(
      'Das Freiwilligenzentrum ist eröffnet.',
    );
    // Notes stay readable, new ones are no longer possible.
    await page.getByTestId('tandem-note').filter({ hasText: 'Erster Besuch' }).waitFor();
    expect(await page.getByTestId('note-form').count()).toBe(0);
    await saveScreenshot(page, 'tandems-concluded');
  });
  it('marks alumni as partners first and filters the board by cohort (?jahrgang=)', async () => {
    const page = pages[0];
    await page.goto('/netzwerk/tandems?jahrgang=2015');
    const active = page.getByTestId('tandem-group-ACTIVE');
    await active.getByTestId('tandem-row').first().waitFor();
    // Herford (2024) pairs with Lemgo (2015); Ginsheim-Gustavsburg (2024) with Bitburg (2017).
    expect(await active.textContent()).toContain('Lemgo');
    expect(await active.textContent()).not.toContain('Bitburg');
    expect(await page.getByLabel('Jahrgang einer der beiden Kommunen').inputValue()).toBe('2015');

    await page.getByLabel('Neue Kommune').selectOption({ label: 'Zittau' });
    await page.getByTestId('suggestion').first().waitFor();
    const badges = await page
      .getByTestId('suggestion')
      .evaluateAll((items) =>
        items.map((item) => item.querySelector('[data-testid="suggestion-alumni"]') !== null),
      );
    // Alumni come first: no alumnus after a city still in its support period.
    expect(
      badges.indexOf(false) === -1 || !badges.slice(badges.indexOf(false)).includes(true),
    ).toBe(true);
    await page.getByRole('radio', { name: 'Andere Kommune' }).check();
    const alumni = await page.getByTestId('alumni-options').locator('option').allTextContents();
    expect(alumni).toContain('Lemgo');
    expect(alumni).not.toContain('Cloppenburg');
  });
});

/** The suggestions as the organizer's own session sees them. */
function graphqlAsOrganizer(page: Page, citySlug: string) {
  return pageGraphql<{ tandemSuggestions: Suggestion[] }>(
    page,
    'query ($slug: String!) { tandemSuggestions(citySlug: $slug, first: 5) { reasons city { slug name } } }',
    { slug: citySlug },
  );
}
