import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, memberOf, pageGraphql, signInQuietly } from './support/accounts';
import { closePage, launchBrowser, newVisitorPage } from './support/browser';
import { focused as focusedElement, tabTo, typeInto } from './support/keyboard';

describe('keyboard use', () => {
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
    await page.goto('/');
    await page.locator('.state-card').first().waitFor();
  });
  afterEach(async () => {
    await closePage(page);
  });

  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement;
      if (!element) return null;
      const box = element.getBoundingClientRect();
      return {
        tag: element.tagName,
        id: element.id,
        text: element.textContent?.trim() ?? '',
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
        inMain: Boolean(element.closest('main')),
      };
    });

  it('reaches the skip link first, and the skip link moves focus to main', async () => {
    await page.keyboard.press('Tab');
    const skip = await focused();
    expect(skip).toMatchObject({ tag: 'A', text: 'Zum Inhalt springen', visible: true });

    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ tag: 'MAIN', id: 'main' });

    // The next Tab continues inside main, past header and navigation.
    await page.keyboard.press('Tab');
    expect((await focused())?.inMain).toBe(true);
  });

  it('navigates with the keyboard and puts focus on the new page heading', async () => {
    await page.keyboard.press('Tab'); // skip link
    await page.keyboard.press('Tab'); // brand link
    await page.keyboard.press('Tab'); // language switch (beside the brand, as it is seen)
    expect((await focused())?.text).toBe('English');
    await page.keyboard.press('Tab'); // "Netzwerk"
    await page.keyboard.press('Tab'); // "Themen"
    expect((await focused())?.text).toBe('Themen');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/themen');
    await page.locator('.topic-card').first().waitFor();
    expect(await focused()).toMatchObject({ tag: 'H1', text: 'Themen des Netzwerks' });
  });

  it('shows a visible focus indicator', async () => {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { width: style.outlineWidth, style: style.outlineStyle };
    });
    expect(outline.style).not.toBe('none');
    expect(parseFloat(outline.width)).toBeGreaterThanOrEqual(2);
  });
});

/**
 * Whole tasks with the keyboard alone: Tab, Shift+Tab, typing, Space, Enter, arrow keys;
 * no mouse call anywhere. Sign-ins go through GraphQL once per person (not a mouse action).
 */
describe('keyboard-only journeys', () => {
  /** Rudolstadt's coordinator publishes and registers; Herford's member writes in its demo tandem. */
  const COORDINATOR_CITY = 'rudolstadt';
  const TANDEM_CITY = 'herford';
  const stamp = Date.now().toString(36);
  let browser: Browser;
  let coordinator: Page;
  let member: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    coordinator = await newVisitorPage(browser);
    await coordinator.goto('/');
    await signInQuietly(coordinator, coordinatorOf(COORDINATOR_CITY));
    member = await newVisitorPage(browser);
    await member.goto('/');
    await signInQuietly(member, memberOf(TANDEM_CITY));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator writes and publishes a practice', async () => {
    const title = `Tastatur-Praxis ${stamp}`;
    await coordinator.goto(`/praxis/neu?stadt=${COORDINATOR_CITY}`);
    await coordinator.getByRole('heading', { level: 1, name: /Neues Praxisbeispiel/ }).waitFor();
    await typeInto(coordinator, /^Titel/, title);
    await typeInto(
      coordinator,
      /^Zusammenfassung/,
      'Alles mit der Tastatur: vom Entwurf bis zur Veröffentlichung.',
    );
    await typeInto(coordinator, /^Beschreibung$/, 'Ein Beispiel, ganz ohne Maus erfasst.');
    // Topics are checkboxes: Space ticks the focused one.
    await tabTo(coordinator, /^Digitalisierung/);
    await coordinator.keyboard.press('Space');
    await tabTo(coordinator, /^Speichern und veröffentlichen$/);
    await coordinator.keyboard.press('Enter');

    await coordinator.waitForURL(/\/praxis\/[^/]+$/);
    await coordinator.getByRole('heading', { level: 1, name: title }).waitFor();
    await coordinator.getByText('Gespeichert und veröffentlicht.').waitFor();
    expect(await coordinator.getByTestId('status-badge').textContent()).toContain('Veröffentlicht');
    // After the navigation the keyboard starts on the new page's heading.
    expect((await focusedElement(coordinator))?.tag).toBe('H1');
  });

  it('a member adds a note to the tandem', async () => {
    const { tandems } = await pageGraphql<{ tandems: { edges: Array<{ node: { id: string } }> } }>(
      member,
      'query ($f: TandemFilter) { tandems(filter: $f, first: 1) { edges { node { id } } } }',
      { f: { citySlug: TANDEM_CITY, status: 'ACTIVE' } },
    );
    const tandemId = tandems.edges[0]?.node.id;
    if (!tandemId) throw new Error(`no active demo tandem of ${TANDEM_CITY}`);
    const text = `Per Tastatur notiert ${stamp}`;
    await member.goto(`/${TANDEM_CITY}/tandems/${tandemId}`);
    await member.getByTestId('note-form').waitFor();
    await typeInto(member, /^Text der Notiz/, text);
    await tabTo(member, /^Eintrag speichern$/);
    await member.keyboard.press('Enter');
    const note = member.getByTestId('tandem-note').filter({ hasText: text });
    await note.waitFor();
    expect(await note.getAttribute('data-kind')).toBe('NOTE');
  });

  it('a coordinator registers the city for a conference', async () => {
    const { conferences } = await pageGraphql<{
      conferences: { edges: Array<{ node: { id: string; title: string; status: string } }> };
    }>(coordinator, 'query { conferences(first: 50) { edges { node { id title status } } } }');
    const conference = conferences.edges.find(
      ({ node }) => node.title === 'Regionalkonferenz Süd' && node.status === 'OPEN',
    )?.node;
    if (!conference) throw new Error('the demo conference “Regionalkonferenz Süd” is not open');
    await coordinator.goto(`/konferenzen/${conference.id}`);
    const panel = coordinator.getByTestId('registration-panel');
    await panel.getByRole('heading', { name: 'Anmeldung für Rudolstadt' }).waitFor();
    await typeInto(coordinator, /^Name$/, 'Tara Tastatur');
    await typeInto(coordinator, /^E-Mail-Adresse$/, `tara.${stamp}@teilnahme.example`);
    await tabTo(coordinator, /^Verbindlich anmelden$/);
    await coordinator.keyboard.press('Enter');
    await panel.getByText('Die Anmeldung ist bestätigt.').waitFor();
    expect(await panel.getByTestId('registration-status').textContent()).toContain(
      'Angemeldet und bestätigt: 1 Person.',
    );
  });
});
