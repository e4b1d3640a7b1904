import type { Browser, Page, WebSocket } from 'playwright-core';
import {
  coordinatorOf,
  inviteAndReadLink,
  memberOf,
  pageGraphql,
  signInWithForm,
  uniqueEmail,
} from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';
import { openTandem, signedInPage, tandemIdOf } from './support/tandems';

/** Password of the accounts this file creates by invitation. */
const PASSWORD = 'live-ende-2026-e2e';

/**
 * A fresh member of `citySlug` (by the coordinator's invitation), signed in in a browser of
 * its own: the sessions this file ends must be no other file's demo account.
 */
async function newMemberPage(
  browser: Browser,
  coordinator: Page,
  citySlug: string,
  prefix: string,
  options: { bypassCSP?: boolean } = {},
): Promise<{ page: Page; email: string }> {
  const email = uniqueEmail(prefix);
  const link = await inviteAndReadLink(coordinator, citySlug, email);
  const token = new URL(link).pathname.split('/').pop();
  const page = await newVisitorPage(browser, options);
  await page.goto('/');
  await pageGraphql(
    page,
    'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id } }',
    { input: { token, password: PASSWORD, displayName: `Live ${prefix}` } },
  );
  return { page, email };
}

/**
 * Opens the tandem page and waits until its live subscription is on the socket; returns every
 * WebSocket the page opens from then on (the first one included).
 */
async function openLive(page: Page, citySlug: string, tandemId: string): Promise<WebSocket[]> {
  const sockets: WebSocket[] = [];
  page.on('websocket', (socket) => sockets.push(socket));
  const subscribed = page.waitForEvent('websocket').then((socket) =>
    socket.waitForEvent('framesent', {
      predicate: (frame) => String(frame.payload).includes('"subscribe"'),
    }),
  );
  await openTandem(page, citySlug, tandemId);
  await page.getByTestId('timeline').waitFor();
  await subscribed;
  return sockets;
}

/** The API re-reads a live socket's session every WS_SESSION_CHECK_SECONDS (15 s by default). */
const SESSION_CHECK_BOUND_MS = 30_000;

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
    for (const page of pages) await closePage(page).catch(() => undefined);
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

  it('tells a member whose session was ended elsewhere, stops, and brings them back after sign-in', async () => {
    const coordinator = await signedInPage(browser, coordinatorOf(NEW_CITY));
    pages.push(coordinator);
    const { page: watcher, email } = await newMemberPage(
      browser,
      coordinator,
      NEW_CITY,
      'live.ende',
      // axe-core on the notice arrives as an inline script (see README).
      { bypassCSP: true },
    );
    pages.push(watcher);
    const sockets = await openLive(watcher, NEW_CITY, tandemId);

    // The same person on another device: "Überall abmelden" on /konto.
    const other = await newVisitorPage(browser);
    pages.push(other);
    await other.goto('/anmelden?ziel=%2Fkonto');
    await signInWithForm(other, email, PASSWORD);
    await other.waitForURL((url) => url.pathname === '/konto');
    await other.getByRole('button', { name: 'Überall abmelden' }).click();
    await other.getByRole('dialog').getByRole('button', { name: 'Überall abmelden' }).click();
    await other.getByTestId('signed-out').waitFor();

    const notice = watcher.getByTestId('live-ended');
    await notice.waitFor({ timeout: SESSION_CHECK_BOUND_MS });
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.getAttribute('data-reason')).toBe('session-ended');
    expect(await notice.textContent()).toContain('Ihre Anmeldung ist beendet');
    expect(await notice.textContent()).toContain('Neue Einträge erscheinen hier nicht mehr');
    // The header no longer pretends the person is signed in.
    await watcher.getByTestId('sign-in-link').waitFor();
    expect(await watcher.getByTestId('account').count()).toBe(0);
    // The private entries are no longer on the screen of a signed-out browser.
    await watcher.getByTestId('notes-private').waitFor();
    expect(await watcher.getByTestId('timeline').count()).toBe(0);
    await saveScreenshot(watcher, 'tandems-live-session-ended');

    // Keyboard: the notice has focus (the part of the page that had it is gone), and the
    // next Tab is its sign-in link, which keeps this page as the way back.
    expect(await watcher.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'live-ended',
    );
    await watcher.keyboard.press('Tab');
    const focused = await watcher.evaluate(() => ({
      text: document.activeElement?.textContent,
      href: document.activeElement?.getAttribute('href'),
    }));
    const here = `/${NEW_CITY}/tandems/${tandemId}`;
    expect(focused).toEqual({
      text: 'Erneut anmelden',
      href: `/anmelden?ziel=${encodeURIComponent(here)}`,
    });
    // graphql-ws treats the session's end as final: no second socket with the dead cookie.
    expect(sockets).toHaveLength(1);
    expect(await seriousViolations(watcher)).toEqual([]);

    await watcher.keyboard.press('Enter');
    await watcher.waitForURL((url) => url.pathname === '/anmelden');
    await signInWithForm(watcher, email, PASSWORD);
    await watcher.waitForURL((url) => url.pathname === here);
    await watcher.getByTestId('timeline').waitFor();
    expect(await watcher.getByTestId('live-ended').count()).toBe(0);
  });

  it('tells a member removed from the city that the entries are no longer theirs, without reconnecting', async () => {
    const coordinator = await signedInPage(browser, coordinatorOf(NEW_CITY));
    pages.push(coordinator);
    const { page: watcher, email } = await newMemberPage(
      browser,
      coordinator,
      NEW_CITY,
      'live.entfernt',
    );
    pages.push(watcher);
    const sockets = await openLive(watcher, NEW_CITY, tandemId);

    const { cityMembers } = await pageGraphql<{
      cityMembers: Array<{ id: string; email: string | null }>;
    }>(coordinator, 'query ($slug: String!) { cityMembers(citySlug: $slug) { id email } }', {
      slug: NEW_CITY,
    });
    const membership = cityMembers.find((member) => member.email === email);
    if (!membership) throw new Error(`${email} is not among the members of ${NEW_CITY}`);
    await pageGraphql(coordinator, 'mutation ($id: ID!) { removeMembership(membershipId: $id) }', {
      id: membership.id,
    });

    const notice = watcher.getByTestId('live-ended');
    await notice.waitFor({ timeout: SESSION_CHECK_BOUND_MS });
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.getAttribute('data-reason')).toBe('access-lost');
    expect(await notice.textContent()).toContain(
      'Sie haben keinen Zugriff mehr auf die Einträge dieses Tandems',
    );
    // Still signed in, but the entries are gone from the screen, as for any outsider.
    await watcher.getByTestId('notes-private').waitFor();
    expect(await watcher.getByTestId('timeline').count()).toBe(0);
    expect(await watcher.getByTestId('account').count()).toBe(1);
    expect(await watcher.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'live-ended',
    );
    await saveScreenshot(watcher, 'tandems-live-access-lost');

    // graphql-ws would reconnect after 4403 within a few seconds (its back-off starts at 1 s
    // plus up to 3 s of jitter) and be refused again: give it that long, then count sockets.
    await watcher.waitForTimeout(6000);
    expect(sockets).toHaveLength(1);
    expect(await watcher.getByTestId('live-ended').count()).toBe(1);
  });
});
