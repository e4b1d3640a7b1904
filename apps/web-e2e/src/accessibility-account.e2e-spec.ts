import type { Browser, Page } from 'playwright-core';
import {
  coordinatorOf,
  inviteAndReadLink,
  ORGANIZER,
  signInQuietly,
  uniqueEmail,
} from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

interface Case {
  name: string;
  /** Who is signed in; none: a visitor. */
  as?: string;
  /** The path, or a function that prepares what the page needs and returns it. */
  path: string | ((page: Page) => Promise<string>);
  /** Something that only shows once the page's data has arrived. */
  ready: string;
}

const PAGES: Case[] = [
  { name: 'a11y-login', path: '/anmelden', ready: 'form' },
  { name: 'a11y-password-forgotten', path: '/passwort-vergessen', ready: 'form' },
  {
    name: 'a11y-account',
    as: coordinatorOf('bitburg'),
    path: '/konto',
    ready: '[data-testid="session"]',
  },
  {
    name: 'a11y-members-cloppenburg',
    as: coordinatorOf('cloppenburg'),
    path: '/cloppenburg/mitglieder',
    ready: '[data-testid="open-invitations"] h2 + *:not(.status)',
  },
  {
    name: 'a11y-invitation',
    as: coordinatorOf('lemgo'),
    path: async (page) => {
      const link = await inviteAndReadLink(page, 'lemgo', uniqueEmail('a11y'));
      // Seen by the invitee, who is not signed in.
      await page.context().clearCookies();
      return new URL(link).pathname;
    },
    ready: '[data-testid="invitation-page"]',
  },
  { name: 'a11y-dev-mailbox', path: '/dev/mailbox', ready: '[data-testid="mail"]' },
  {
    name: 'a11y-audit-log',
    as: ORGANIZER,
    path: '/netzwerk/protokoll',
    ready: '[data-testid="audit-table"]',
  },
];

describe('accessibility of the account pages (axe-core, WCAG 2.1 AA)', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    // axe arrives as an inline script, which the platform's CSP rightly blocks.
    page = await newVisitorPage(browser, { bypassCSP: true });
    await page.goto('/');
  });
  afterEach(async () => {
    await closePage(page);
  });

  for (const { name, as, path, ready } of PAGES) {
    it(`${name} has no serious or critical violations`, async () => {
      if (as) await signInQuietly(page, as);
      const target = typeof path === 'string' ? path : await path(page);
      await page.goto(target);
      await page.locator(ready).first().waitFor();
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.getAttribute('html', 'lang')).toBe('de');

      await saveScreenshot(page, name);
      expect(await seriousViolations(page)).toEqual([]);
    });
  }

  it('a form with errors stays free of serious violations', async () => {
    await page.goto('/anmelden');
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
    await page.getByTestId('error-summary').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('the confirmation dialog is labelled and free of serious violations', async () => {
    await signInQuietly(page, coordinatorOf('bitburg'));
    await page.goto('/konto');
    await page.getByTestId('session').first().waitFor();
    await page.getByRole('button', { name: 'Überall abmelden' }).click();
    await page.getByRole('dialog', { name: 'Überall abmelden?' }).waitFor();
    await saveScreenshot(page, 'a11y-account-dialog');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Abbrechen' }).click();
  });

  it('the header stays usable on a phone-sized screen when signed in', async () => {
    await signInQuietly(page, ORGANIZER);
    await page.setViewportSize({ width: 320, height: 740 });
    await page.goto('/konto');
    // On a phone the account part sits in the header's menu.
    await page.getByRole('button', { name: 'Menü' }).click();
    await page.getByTestId('account-name').waitFor();
    await saveScreenshot(page, 'a11y-account-mobile');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
    expect(await seriousViolations(page)).toEqual([]);
  });
});
