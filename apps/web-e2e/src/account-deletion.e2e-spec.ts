import type { Browser, Page } from 'playwright-core';
import {
  coordinatorOf,
  inviteAndReadLink,
  ORGANIZER,
  pageGraphql,
  signInQuietly,
  signInWithForm,
  uniqueEmail,
} from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

const PASSWORD = 'ein-langes-Passwort-2026';

/**
 * Erasure (Art. 17 DSGVO) in the browser: a freshly invited member of Wolfenbüttel deletes
 * their account on /konto and can no longer sign in; the dialog passes axe at 1280 and
 * 320 px. The demo accounts are never deleted (other specs use them).
 */
describe('deleting one’s own account', () => {
  let browser: Browser;
  let coordinator: Page;
  let member: Page;
  const email = uniqueEmail('loeschen');

  beforeAll(async () => {
    browser = await launchBrowser();
    coordinator = await newVisitorPage(browser);
    await coordinator.goto('/');
    await signInQuietly(coordinator, coordinatorOf('wolfenbuettel'));
    const link = await inviteAndReadLink(coordinator, 'wolfenbuettel', email);
    const token = new URL(link).pathname.split('/').pop();
    member = await newVisitorPage(browser, { bypassCSP: true });
    await member.goto('/');
    await pageGraphql(
      member,
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id } }',
      { input: { token, password: PASSWORD, displayName: 'Lotte Löschmich' } },
    );
  });
  afterAll(async () => {
    if (coordinator) await closePage(coordinator);
    if (member) await closePage(member);
    await browser?.close();
  });

  it('explains what goes and what stays; the password dialog has no serious axe violation', async () => {
    await member.goto('/konto');
    const section = member.getByRole('region', { name: 'Konto löschen' });
    await section.waitFor();
    expect(await section.textContent()).toContain('ehemaliges Mitglied von Wolfenbüttel');
    await section.getByRole('button', { name: 'Konto löschen …' }).click();
    const dialog = member.getByRole('dialog', { name: 'Konto endgültig löschen?' });
    await dialog.waitFor();
    // Focus starts in the password field.
    expect(await member.evaluate(() => document.activeElement?.getAttribute('type'))).toBe(
      'password',
    );
    await saveScreenshot(member, 'account-delete-dialog');
    expect(await seriousViolations(member)).toEqual([]);

    // A wrong password is refused on the field, and nothing is deleted.
    await dialog.getByLabel('Ihr Passwort').fill('falsch-falsch-falsch');
    await dialog.getByRole('button', { name: 'Konto löschen', exact: true }).click();
    await dialog.getByText('Das aktuelle Passwort stimmt nicht.').first().waitFor();
    expect(await seriousViolations(member)).toEqual([]);
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await member.setViewportSize({ width: 320, height: 740 });
    await section.getByRole('button', { name: 'Konto löschen …' }).click();
    await dialog.waitFor();
    await saveScreenshot(member, 'account-delete-dialog-mobile');
    expect(await seriousViolations(member)).toEqual([]);
    expect(await member.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    await member.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await member.setViewportSize({ width: 1280, height: 900 });
  });

  it('deletes the account with the password; the person is signed out and cannot sign in again', async () => {
    await member.goto('/konto');
    await member.getByRole('button', { name: 'Konto löschen …' }).click();
    const dialog = member.getByRole('dialog', { name: 'Konto endgültig löschen?' });
    await dialog.getByLabel('Ihr Passwort').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Konto löschen', exact: true }).click();
    await member.waitForURL((url) => url.pathname === '/anmelden');
    await member.getByText('Ihr Konto wurde gelöscht.').waitFor();
    await saveScreenshot(member, 'account-deleted');

    await signInWithForm(member, email, PASSWORD);
    await member.getByText('E-Mail-Adresse oder Passwort stimmen nicht.').first().waitFor();
    const { me } = await pageGraphql<{ me: unknown }>(member, '{ me { id } }');
    expect(me).toBeNull();
  });
});

describe('an organizer carrying out an erasure request', () => {
  let browser: Browser;
  let organizer: Page;
  const email = uniqueEmail('loeschantrag');

  beforeAll(async () => {
    browser = await launchBrowser();
    const coordinator = await newVisitorPage(browser);
    await coordinator.goto('/');
    await signInQuietly(coordinator, coordinatorOf('neuruppin'));
    const link = await inviteAndReadLink(coordinator, 'neuruppin', email);
    const token = new URL(link).pathname.split('/').pop();
    const guest = await newVisitorPage(browser);
    await guest.goto('/');
    await pageGraphql(
      guest,
      'mutation ($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { id } }',
      { input: { token, password: PASSWORD, displayName: 'Anton Antrag' } },
    );
    await closePage(guest);
    await closePage(coordinator);
    organizer = await newVisitorPage(browser, { bypassCSP: true });
    await organizer.goto('/');
    await signInQuietly(organizer, ORGANIZER);
  });
  afterAll(async () => {
    if (organizer) await closePage(organizer);
    await browser?.close();
  });

  it('erases a member of Neuruppin from the members page with a reason', async () => {
    await organizer.goto('/neuruppin/mitglieder');
    const table = organizer.getByTestId('member-table');
    await table.getByRole('rowheader', { name: 'Anton Antrag' }).waitFor();
    await table.getByRole('button', { name: 'Konto löschen Anton Antrag' }).click();
    const dialog = organizer.getByRole('dialog', { name: 'Konto von Anton Antrag löschen?' });
    await dialog.waitFor();
    // Without a reason it is refused on the field.
    await dialog.getByRole('button', { name: 'Konto löschen', exact: true }).click();
    await dialog.getByText('Bitte geben Sie einen Grund an').first().waitFor();
    await saveScreenshot(organizer, 'members-erase-dialog');
    expect(await seriousViolations(organizer)).toEqual([]);

    await dialog.getByLabel('Grund (z. B. Antrag vom …)').fill('Löschantrag per Brief (E2E)');
    await dialog.getByRole('button', { name: 'Konto löschen', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await organizer.getByText('Das Konto von Anton Antrag wurde gelöscht.').waitFor();
    await table.getByRole('rowheader', { name: 'Anton Antrag' }).waitFor({ state: 'detached' });
  });
});
