import type { Browser, Page } from 'playwright-core';
import {
  coordinatorOf,
  ORGANIZER,
  pageGraphql,
  signInQuietly,
  signInWithForm,
  uniqueEmail,
} from './support/accounts';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

/**
 * One story in order: a coordinator invites, the invitee accepts from the mail in a
 * fresh browser, and the organizer finds the invitation in the audit log.
 */
describe('inviting a new member', () => {
  let browser: Browser;
  let coordinator: Page;
  const invitee = uniqueEmail('neue.kollegin');
  let invitationLink = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    coordinator = await newVisitorPage(browser);
  });
  afterAll(async () => {
    if (coordinator) await closePage(coordinator);
    await browser?.close();
  });

  it('lets the coordinator invite an address and shows it under open invitations', async () => {
    await coordinator.goto('/anmelden?ziel=%2Fcloppenburg%2Fmitglieder');
    await signInWithForm(coordinator, coordinatorOf('cloppenburg'));
    await coordinator.waitForURL((url) => url.pathname === '/cloppenburg/mitglieder');
    await coordinator.getByTestId('member-table').waitFor();

    const form = coordinator.getByTestId('invite-form');
    await form.getByLabel('E-Mail-Adresse').fill(invitee);
    await form.getByLabel('Rolle').selectOption('MEMBER');
    await form.getByRole('button', { name: 'Einladung verschicken' }).click();
    await form.getByText(`Die Einladung an ${invitee} ist verschickt.`).waitFor();

    const open = coordinator.getByTestId('open-invitations');
    await open.getByTestId('invitation').filter({ hasText: invitee }).waitFor();
    await saveScreenshot(coordinator, 'members-coordinator');

    // Inviting the same address again as a member of the city is refused in German, on the field.
    await form.getByLabel('E-Mail-Adresse').fill(coordinatorOf('cloppenburg'));
    await form.getByRole('button', { name: 'Einladung verschicken' }).click();
    await coordinator.getByTestId('error-email').waitFor();
    expect(await coordinator.getByTestId('error-email').textContent()).toContain(
      'Diese Person gehört schon zu dieser Kommune.',
    );
  });

  it('shows the invitation mail in the development outbox with a clickable link', async () => {
    await coordinator.goto('/dev/mailbox');
    const mail = coordinator.getByTestId('mail').filter({ hasText: invitee }).first();
    await mail.waitFor();
    expect(await coordinator.getByTestId('dev-note').textContent()).toContain(
      'nur in der Entwicklungsumgebung',
    );
    expect(await mail.locator('h2').textContent()).toBe('Einladung ins Wissensnetz: Cloppenburg');
    expect(await mail.getByTestId('mail-recipient').textContent()).toBe(invitee);
    const href = await mail.getByTestId('mail-link').first().getAttribute('href');
    expect(href).toMatch(/^\/einladung\/[A-Za-z0-9_-]{43}$/);
    invitationLink = href ?? '';
    await saveScreenshot(coordinator, 'dev-mailbox');
  });

  it('accepts the invitation in a fresh browser and arrives signed in on the city page', async () => {
    expect(invitationLink).not.toBe('');
    const page = await newVisitorPage(browser);
    try {
      await page.goto(invitationLink);
      await page.getByTestId('invitation-page').waitFor();
      expect(await page.getByTestId('invitation-city').textContent()).toBe('Cloppenburg');
      expect(await page.getByTestId('invitation-role').textContent()).toBe('Mitglied');
      await saveScreenshot(page, 'invitation');

      // Passwords that differ are caught before anything is sent.
      await page.getByLabel('Ihr Name').fill('Neue Kollegin');
      await page.getByLabel('Neues Passwort', { exact: true }).fill('ein-gutes-passwort-42');
      await page.getByLabel('Neues Passwort wiederholen').fill('ein-anderes-passwort-42');
      await page.getByRole('button', { name: 'Einladung annehmen' }).click();
      await page.getByTestId('error-passwordRepeat').waitFor();
      expect(await page.getByLabel('Neues Passwort wiederholen').getAttribute('aria-invalid')).toBe(
        'true',
      );

      await page.getByLabel('Neues Passwort wiederholen').fill('ein-gutes-passwort-42');
      await page.getByRole('button', { name: 'Einladung annehmen' }).click();
      // Accepted: the city's workspace welcomes them with the first three things to do.
      await page.waitForURL((url) => url.pathname === '/cloppenburg/arbeitsbereich');
      await page.getByTestId('workspace-welcome').waitFor();
      expect(await page.getByTestId('account-name').textContent()).toBe('Neue Kollegin');
      expect(await page.getByTestId('acting-city').textContent()).toBe('Cloppenburg');
      // Now a member: the city page links to its members.
      await page.goto('/cloppenburg');
      await page.getByTestId('members-link').click();
      await page.waitForURL((url) => url.pathname === '/cloppenburg/mitglieder');
      // Members see their colleagues' names and roles; e-mail addresses only the city's
      // coordinators and organizers (the new member is a member).
      await page.getByTestId('member-table').getByText('Neue Kollegin').waitFor();
      expect(await page.getByTestId('member-table').getByText(invitee).count()).toBe(0);

      const { me } = await pageGraphql<{
        me: { email: string; memberships: Array<{ role: string; city: { slug: string } }> };
      }>(page, 'query { me { email memberships { role city { slug } } } }');
      expect(me.email).toBe(invitee);
      expect(me.memberships).toEqual([{ role: 'MEMBER', city: { slug: 'cloppenburg' } }]);

      // The link is used up now.
      await page.goto(invitationLink);
      const unavailable = page.getByTestId('invitation-unavailable');
      await unavailable.waitFor();
      expect(await unavailable.getAttribute('data-reason')).toBe('accepted');
    } finally {
      await closePage(page);
    }
  });

  it('shows an unknown invitation link clearly', async () => {
    const page = await newVisitorPage(browser);
    try {
      await page.goto(`/einladung/${'x'.repeat(43)}`);
      await page.getByRole('heading', { level: 1, name: 'Einladung nicht gefunden' }).waitFor();
    } finally {
      await closePage(page);
    }
  });

  it('lists the invitation in the audit log for the organizer', async () => {
    const page = await newVisitorPage(browser);
    try {
      await page.goto('/');
      await signInQuietly(page, ORGANIZER);
      await page.goto('/netzwerk/protokoll');
      const row = page.getByTestId('audit-row').filter({ hasText: invitee });
      await row.first().waitFor();
      const actions = await row.evaluateAll((rows) =>
        rows.map((r) => r.getAttribute('data-action')),
      );
      expect(actions).toEqual(
        expect.arrayContaining(['INVITATION_CREATED', 'INVITATION_ACCEPTED']),
      );
      const created = row.and(page.locator('[data-action="INVITATION_CREATED"]'));
      expect(await created.textContent()).toContain('Einladung verschickt');
      expect(await created.textContent()).toContain('Koordination Cloppenburg');
      expect(await created.textContent()).toContain('Cloppenburg');

      // Filtering by another city hides it.
      await page.getByTestId('audit-city-filter').selectOption('goch');
      await page.waitForURL((url) => url.searchParams.get('stadt') === 'goch');
      await page.waitForFunction(
        () =>
          document.querySelector('[role="status"].status--loading') === null &&
          [...document.querySelectorAll<HTMLElement>('[data-testid="audit-row"]')].every(
            (row) => row.dataset.city === 'goch',
          ),
      );
      expect(await page.getByTestId('audit-row').filter({ hasText: invitee }).count()).toBe(0);

      await page.getByTestId('audit-city-filter').selectOption('cloppenburg');
      await page.getByTestId('audit-row').filter({ hasText: invitee }).first().waitFor();
      await saveScreenshot(page, 'audit-log');
    } finally {
      await closePage(page);
    }
  });

  it('keeps the audit log from anyone who is not an organizer', async () => {
    const page = await newVisitorPage(browser);
    try {
      await page.goto('/');
      await signInQuietly(page, coordinatorOf('goch'));
      await page.goto('/netzwerk/protokoll');
      await page.getByTestId('no-access').waitFor();
      expect(await page.locator('h1').textContent()).toBe('Kein Zugriff');
    } finally {
      await closePage(page);
    }
  });
});
