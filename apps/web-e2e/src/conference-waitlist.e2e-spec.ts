import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, ORGANIZER, pageGraphql } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, saveScreenshot } from './support/browser';
import { waitForHeading } from './support/practices';
import { signedInPage } from './support/tandems';

/** Cities no other spec signs in with. */
const FIRST = 'wolfsburg';
const SPLIT = { slug: 'neuruppin', name: 'Neuruppin' };
const LATE = { slug: 'puchheim', name: 'Puchheim' };
const STALE = 'suederbrarup';
const QUICK = 'loerrach';

const run = Date.now().toString(36);
const TITLE = `Warteliste-Werkstatt ${run}`;

const person = (n: number, city: string) => ({
  name: `Person ${n} ${city}`,
  email: `p${n}@${city}.example`,
});

describe('conference waitlist offers and the month view', () => {
  let browser: Browser;
  const pages: Page[] = [];
  let id = '';

  const open = async (email: string) => {
    const page = await signedInPage(browser, email, { bypassCSP: true });
    pages.push(page);
    return page;
  };
  const fillPerson = async (page: Page, index: number, city: string) => {
    const row = page.getByTestId('participant-row').nth(index);
    await row.getByLabel('Name', { exact: true }).fill(`Person ${index + 1} ${city}`);
    await row.getByLabel('E-Mail-Adresse').fill(`p${index + 1}@${city}.example`);
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const page of pages) await closePage(page);
    await browser?.close();
  });

  it('an organizer opens a small conference; the first city takes two of four places', async () => {
    const organizer = await open(ORGANIZER);
    const created = await pageGraphql<{ createConference: { id: string } }>(
      organizer,
      'mutation($i: ConferenceInput!) { createConference(input: $i) { id } }',
      {
        i: {
          title: TITLE,
          kind: 'TRAINING',
          startsAt: '2028-09-12T10:00',
          endsAt: '2028-09-13T15:00',
          capacity: 4,
          venue: 'Rathaus',
        },
      },
    );
    id = created.createConference.id;
    await pageGraphql(
      organizer,
      'mutation($i: UpdateConferenceInput!) { updateConference(input: $i) { id } }',
      {
        i: { id, status: 'OPEN' },
      },
    );
    const first = await open(coordinatorOf(FIRST));
    const registered = await pageGraphql<{ registerForConference: { status: string } }>(
      first,
      'mutation($i: RegisterForConferenceInput!) { registerForConference(input: $i) { status } }',
      {
        i: {
          conferenceId: id,
          citySlug: FIRST,
          participants: [person(1, FIRST), person(2, FIRST)],
        },
      },
    );
    expect(registered.registerForConference.status).toBe('CONFIRMED');
  });

  it('offers the two free places to a city of three: two confirmed, one on the waitlist, told as a warning', async () => {
    const page = await open(coordinatorOf(SPLIT.slug));
    await page.goto(`/konferenzen/${id}`);
    await waitForHeading(page, TITLE);
    const panel = page.getByTestId('registration-panel');
    await fillPerson(page, 0, SPLIT.slug);
    // Two of two free: no offer yet.
    await panel.getByRole('button', { name: 'Weitere Person hinzufügen' }).click();
    await fillPerson(page, 1, SPLIT.slug);
    expect(await panel.getByTestId('registration-offer').count()).toBe(0);
    await panel.getByRole('button', { name: 'Weitere Person hinzufügen' }).click();
    await fillPerson(page, 2, SPLIT.slug);
    const offer = panel.getByTestId('registration-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('Nicht alle passen: 2 Plätze frei');
    const split = offer.getByLabel('2 bestätigen, 1 auf die Warteliste');
    expect(await split.isChecked()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'conference-waitlist-offer');
    await panel.getByRole('button', { name: 'Verbindlich anmelden' }).click();

    const notice = panel.getByTestId('waitlist-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Warteliste:');
    expect(await notice.textContent()).toContain('Bestätigt: 2. Auf der Warteliste: 1.');
    expect(await notice.getAttribute('class')).toContain('notice--warning');
    const status = panel.getByTestId('registration-status');
    await status.getByText('Rest auf der Warteliste, Platz 1 (1 Person).').waitFor();
    expect(await status.textContent()).toContain('Angemeldet und bestätigt: 2 Personen.');
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'conference-waitlist-split');
    await page.setViewportSize({ width: 320, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await saveScreenshot(page, 'conference-waitlist-split-320');
  });

  it('tells a later city that registering now queues it, not that places are free', async () => {
    const page = await open(coordinatorOf(LATE.slug));
    await page.goto(`/konferenzen/${id}`);
    await waitForHeading(page, TITLE);
    const panel = page.getByTestId('registration-panel');
    expect(await panel.getByTestId('waitlist-notice').textContent()).toContain(
      'Es warten schon Städte auf Plätze',
    );
    await fillPerson(page, 0, LATE.slug);
    await panel.getByRole('button', { name: 'Verbindlich anmelden' }).click();
    await panel.getByText('Ihre Stadt steht auf der Warteliste, Platz 2.').waitFor();
  });

  it('lets an organizer move a city up and refuses to confirm beyond the capacity', async () => {
    const page = await open(ORGANIZER);
    await page.goto(`/konferenzen/${id}`);
    await waitForHeading(page, TITLE);
    const overview = page.getByTestId('registrations-overview');
    await overview.getByRole('button', { name: `${LATE.name} nach oben` }).click();
    await overview.getByText('Die Reihenfolge der Warteliste wurde geändert.').waitFor();
    const late = overview.getByTestId('registration-row').filter({ hasText: LATE.name });
    await late.getByText('Warteliste, Platz 1').waitFor();
    await overview.getByRole('button', { name: `${LATE.name} jetzt bestätigen` }).click();
    await page.getByTestId('error-summary').waitFor();
    expect(await page.getByTestId('error-summary').textContent()).toContain(
      'Erhöhen Sie zuerst die Kapazität',
    );
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'conference-waitlist-organizer');
  });

  it('tells a city whose offer went stale meanwhile, and shows the places as they are now', async () => {
    const organizer = await open(ORGANIZER);
    const created = await pageGraphql<{ createConference: { id: string } }>(
      organizer,
      'mutation($i: ConferenceInput!) { createConference(input: $i) { id } }',
      {
        i: {
          title: `${TITLE} klein`,
          kind: 'ONLINE_EXCHANGE',
          startsAt: '2028-10-05T10:00',
          endsAt: '2028-10-05T12:00',
          capacity: 2,
        },
      },
    );
    const small = created.createConference.id;
    await pageGraphql(
      organizer,
      'mutation($i: UpdateConferenceInput!) { updateConference(input: $i) { id } }',
      { i: { id: small, status: 'OPEN' } },
    );
    const page = await open(coordinatorOf(STALE));
    await page.goto(`/konferenzen/${small}`);
    await waitForHeading(page, `${TITLE} klein`);
    const panel = page.getByTestId('registration-panel');
    for (let i = 0; i < 3; i++) {
      if (i > 0) await panel.getByRole('button', { name: 'Weitere Person hinzufügen' }).click();
      await fillPerson(page, i, STALE);
    }
    await panel.getByTestId('registration-offer').waitFor();
    // Another city takes both places before this one submits.
    const quick = await open(coordinatorOf(QUICK));
    await pageGraphql(
      quick,
      'mutation($i: RegisterForConferenceInput!) { registerForConference(input: $i) { status } }',
      {
        i: {
          conferenceId: small,
          citySlug: QUICK,
          participants: [person(1, QUICK), person(2, QUICK)],
        },
      },
    );
    await panel.getByRole('button', { name: 'Verbindlich anmelden' }).click();
    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Inzwischen ist kein Platz mehr frei');
    await panel.getByTestId('registration-offer').waitFor({ state: 'detached' });
    // Nothing was written: the form is still there with the three people.
    expect(await panel.getByTestId('participant-row').count()).toBe(3);
  });

  it('shows the month as a table, navigated by keyboard, kept in the URL', async () => {
    const page = await open(ORGANIZER);
    // An empty month says when the next conference (same filter) is and links its month.
    await page.goto('/konferenzen?ansicht=monat&monat=2028-08&art=TRAINING');
    const calendar = page.getByTestId('conference-calendar');
    await calendar.getByRole('heading', { name: 'August 2028' }).waitFor();
    const hint = calendar.getByTestId('calendar-next-conference');
    await hint.waitFor();
    expect(await hint.textContent()).toContain('12. September 2028');
    await hint.getByRole('link', { name: 'Zu diesem Monat' }).click();
    await calendar.getByRole('heading', { name: 'September 2028' }).waitFor();
    expect(new URL(page.url()).searchParams.get('art')).toBe('TRAINING');
    expect(await calendar.locator('thead th').first().textContent()).toBe('Mo');
    const link = calendar.getByRole('link', { name: new RegExp(TITLE) });
    await link.first().waitFor();
    expect(await calendar.getByTestId('calendar-next-conference').count()).toBe(0);
    // A two-day conference stands on both days.
    expect(await link.count()).toBe(2);
    expect(await calendar.locator('td[data-date="2028-09-13"]').textContent()).toContain(TITLE);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'conference-calendar');

    // Tab reaches the conference from the month navigation, Enter opens it.
    await calendar.getByRole('link', { name: 'Voriger Monat' }).focus();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(
        (title) => document.activeElement?.textContent?.includes(title) ?? false,
        TITLE,
      );
    }
    expect(reached).toBe(true);

    // Next month by keyboard; the URL keeps month and filter, a reload too.
    await calendar.getByRole('link', { name: 'Nächster Monat' }).focus();
    await page.keyboard.press('Enter');
    await calendar.getByRole('heading', { name: 'Oktober 2028' }).waitFor();
    const url = new URL(page.url());
    expect(url.searchParams.get('monat')).toBe('2028-10');
    expect(url.searchParams.get('art')).toBe('TRAINING');
    await page.reload();
    await page
      .getByTestId('conference-calendar')
      .getByRole('heading', { name: 'Oktober 2028' })
      .waitFor();
    expect(await page.getByLabel('Art', { exact: true }).inputValue()).toBe('TRAINING');

    await page.setViewportSize({ width: 320, height: 740 });
    await page.goto('/konferenzen?ansicht=monat&monat=2028-09');
    await page
      .getByTestId('conference-calendar')
      .getByRole('heading', { name: 'September 2028' })
      .waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    // Narrow: the days with conferences as a list instead of a grid to scroll sideways.
    const agenda = page.getByTestId('calendar-agenda');
    await agenda.waitFor();
    expect(await page.locator('table.calendar').isVisible()).toBe(false);
    expect(await agenda.getByRole('link', { name: new RegExp(TITLE) }).count()).toBe(2);
    expect(await agenda.getByRole('heading', { level: 3 }).first().textContent()).toMatch(
      /September/,
    );
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'conference-calendar-320');
  });
});
