import type { Browser, Page } from 'playwright-core';
import { memberOf, pageGraphql } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';
import { signedInPage } from './support/tandems';

/** Cities no other spec signs in for (issue 16: follow and digest). */
const CITY = 'wuerzburg';
const OTHER = 'landsberg-am-lech';
/** The member who follows one of each kind from its own page (issue 16, point 4). */
const FOLLOWER = 'blankenburg-harz';

/** Presses the follow toggle named `name folgen` by keyboard and waits for it to be pressed. */
async function followByKeyboard(page: Page, name: string): Promise<void> {
  const button = page.getByRole('button', { name: `${name} folgen`, exact: true });
  await button.waitFor();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="follow-button"][disabled]'),
  );
  // A run before may have left it followed: start from not following.
  if ((await button.getAttribute('aria-pressed')) === 'true') {
    await button.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('button', { name: `${name} folgen`, exact: true, pressed: false })
      .waitFor();
  }
  await button.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: `${name} folgen`, exact: true, pressed: true }).waitFor();
  await page
    .getByRole('status')
    .filter({ hasText: `Sie folgen jetzt ${name}` })
    .waitFor();
}

/** axe at 1280 and 320 px, a screenshot of each. */
async function accessibleAtBothWidths(page: Page, name: string): Promise<void> {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 740 : 900 });
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('follow and e-mail digest settings', () => {
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const page of pages) await closePage(page);
    await browser?.close();
  });

  it('follows a topic with the keyboard (aria-pressed) and lists it on /konto/folge-ich', async () => {
    const page = await signedInPage(browser, memberOf(CITY), { bypassCSP: true });
    pages.push(page);
    await page.goto('/themen');
    const button = page.getByRole('button', { name: 'Nachhaltigkeit folgen', exact: true });
    await button.waitFor();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="follow-button"][disabled]'),
    );
    const before = await button.getAttribute('aria-pressed');
    if (before === 'true') {
      await button.focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="follow-button"][aria-pressed="false"]').first().waitFor();
    }
    await button.focus();
    await page.keyboard.press('Space');
    await page
      .getByRole('button', { name: 'Nachhaltigkeit folgen', exact: true, pressed: true })
      .waitFor();
    await page.getByRole('status').filter({ hasText: 'Sie folgen jetzt Nachhaltigkeit' }).waitFor();
    await accessibleAtBothWidths(page, 'follows-topics');

    await page.goto('/konto/folge-ich');
    await page.getByRole('heading', { level: 1, name: 'Dem folge ich' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^(Thema|Themen) \(\d+\)$/ }).waitFor();
    await page
      .getByRole('main')
      .getByRole('link', { name: 'Nachhaltigkeit', exact: true })
      .waitFor();
    // Her city, by membership.
    await page.getByRole('main').getByRole('link', { name: 'Würzburg', exact: true }).waitFor();
    await accessibleAtBothWidths(page, 'follows-list');

    const stop = page.getByRole('button', { name: 'Nachhaltigkeit nicht mehr folgen' });
    await stop.focus();
    await page.keyboard.press('Enter');
    await stop.waitFor({ state: 'detached' });
  });

  it('follows a city, a practice, a conference and a topic from their pages by keyboard, lists and unfollows them', async () => {
    const page = await signedInPage(browser, memberOf(FOLLOWER), { bypassCSP: true });
    pages.push(page);
    const { searchPractices } = await pageGraphql<{
      searchPractices: { hits: Array<{ practice: { id: string; title: string } }> };
    }>(
      page,
      'query { searchPractices(filter: { citySlugs: ["halberstadt"] }, first: 1) { hits { practice { id title } } } }',
    );
    const practice = searchPractices.hits[0].practice;
    const { conferences } = await pageGraphql<{
      conferences: { edges: Array<{ node: { id: string; title: string } }> };
    }>(page, 'query { conferences(first: 1) { edges { node { id title } } } }');
    const conference = conferences.edges[0].node;

    await page.goto('/halberstadt');
    await followByKeyboard(page, 'Halberstadt');
    await page.goto(`/praxis/${practice.id}`);
    await followByKeyboard(page, practice.title);
    await page.goto(`/konferenzen/${conference.id}`);
    await followByKeyboard(page, conference.title);
    // The search filtered to one topic (where a followed topic links to) has its button.
    await page.goto('/suche?thema=beteiligung');
    await followByKeyboard(page, 'Beteiligungsprozesse');
    await saveScreenshot(page, 'follows-search-topic-1280');

    await page.goto('/konto/folge-ich');
    await page.getByRole('heading', { level: 1, name: 'Dem folge ich' }).waitFor();
    const main = page.getByRole('main');
    for (const name of ['Halberstadt', practice.title, conference.title, 'Beteiligungsprozesse'])
      await main.getByRole('link', { name, exact: true }).waitFor();
    await accessibleAtBothWidths(page, 'follows-list-all-kinds');

    // Unfollow each by keyboard; her own city (by membership) stays.
    for (const name of ['Halberstadt', practice.title, conference.title, 'Beteiligungsprozesse']) {
      const stop = page.getByRole('button', { name: `${name} nicht mehr folgen`, exact: true });
      await stop.focus();
      await page.keyboard.press('Enter');
      await stop.waitFor({ state: 'detached' });
    }
    await main.getByRole('link', { name: 'Blankenburg (Harz)', exact: true }).waitFor();
  });

  it('sets the e-mail cadence per stream with the keyboard on /benachrichtigungen', async () => {
    const page = await signedInPage(browser, memberOf(OTHER), { bypassCSP: true });
    pages.push(page);
    await pageGraphql(
      page,
      'mutation { updateMe(input: { mailTandem: IMMEDIATE, mailCity: IMMEDIATE, mailNetwork: WEEKLY }) { id } }',
    );
    await page.goto('/benachrichtigungen');
    const network = page.getByRole('group', { name: 'Neues aus dem Netzwerk' });
    const weekly = network.getByRole('radio', { name: 'Wöchentlich (Zusammenfassung)' });
    await weekly.waitFor();
    expect(await weekly.isChecked()).toBe(true);
    // Arrow keys move through a radio group and choose.
    await weekly.focus();
    await page.keyboard.press('ArrowDown');
    await page
      .getByRole('status')
      .filter({ hasText: 'Gespeichert: Neues aus dem Netzwerk – Nie.' })
      .waitFor();
    await accessibleAtBothWidths(page, 'mail-settings');

    await page.reload();
    await network.getByRole('radio', { name: 'Nie' }).waitFor();
    expect(await network.getByRole('radio', { name: 'Nie' }).isChecked()).toBe(true);
    await pageGraphql(page, 'mutation { updateMe(input: { mailNetwork: WEEKLY }) { id } }');
  });

  it('unsubscribes without signing in only by the button; a wrong link says so', async () => {
    const page = await newVisitorPage(browser, { bypassCSP: true });
    pages.push(page);
    await page.goto(`/abbestellen/${'x'.repeat(43)}`);
    await page.getByRole('heading', { level: 1, name: 'Zusammenfassung abbestellen' }).waitFor();
    await accessibleAtBothWidths(page, 'unsubscribe');
    const button = page.getByRole('button', { name: 'Abbestellen' });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'nicht gültig' }).waitFor();
  });
});
