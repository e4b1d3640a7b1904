import type { Browser, Page } from 'playwright-core';
import {
  coordinatorOf,
  memberOf,
  ORGANIZER,
  pageGraphql,
  signInQuietly,
  signInWithForm,
  uniqueEmail,
} from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

/** Cities no other spec uses: Lörrach (new city) in a fresh tandem with Bad Hersfeld. */
const CITY = 'loerrach';
const PARTNER = 'bad-hersfeld';
const ACCEPT = 'mutation ($id: ID!) { acceptTandem(id: $id) { status } }';

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await newVisitorPage(browser, { bypassCSP: true });
  await page.goto('/');
  await signInQuietly(page, email);
  return page;
}

async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

async function screenshots(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, `${name}-1280`);
  await page.setViewportSize({ width: 320, height: 800 });
  await page.getByTestId('workspace').waitFor();
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(widths.scroll).toBeLessThanOrEqual(widths.client);
  await saveScreenshot(page, `${name}-320`);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('a city workspace', () => {
  let browser: Browser;
  let tandemId = '';
  let partnerCoordinator: Page;
  const invited = uniqueEmail('arbeitsbereich');

  beforeAll(async () => {
    browser = await launchBrowser();
    // A fresh tandem, active: proposed by the office, accepted by both coordinators.
    const office = await signedIn(browser, ORGANIZER);
    const { proposeTandem } = await pageGraphql<{ proposeTandem: { id: string } }>(
      office,
      'mutation ($i: ProposeTandemInput!) { proposeTandem(input: $i) { id } }',
      { i: { newCitySlug: CITY, partnerCitySlug: PARTNER } },
    );
    tandemId = proposeTandem.id;
    await closePage(office);
    partnerCoordinator = await signedIn(browser, coordinatorOf(PARTNER));
    await pageGraphql(partnerCoordinator, ACCEPT, { id: tandemId });
  });
  afterAll(async () => {
    if (partnerCoordinator) await closePage(partnerCoordinator);
    await browser?.close();
  });

  it('lands a coordinator on the workspace after sign-in, with the pending invitation', async () => {
    const page = await newVisitorPage(browser, { bypassCSP: true });
    await page.goto('/anmelden');
    await signInWithForm(page, coordinatorOf(CITY));
    await page.waitForURL((url) => url.pathname === `/${CITY}/arbeitsbereich`);
    await page.getByRole('heading', { level: 1, name: 'Arbeitsbereich Lörrach' }).waitFor();
    await pageGraphql(page, ACCEPT, { id: tandemId });
    // Active now: the partner writes a note, new for Lörrach until someone there opens it.
    await pageGraphql(
      partnerCoordinator,
      'mutation ($i: AddTandemNoteInput!) { addTandemNote(input: $i) { id } }',
      { i: { tandemId, kind: 'NOTE', body: 'Willkommen im Tandem, Lörrach!' } },
    );
    await pageGraphql(
      page,
      'mutation ($i: InviteToCityInput!) { inviteToCity(input: $i) { id } }',
      { i: { citySlug: CITY, email: invited, role: 'MEMBER' } },
    );
    await page.reload();
    await page.getByTestId('workspace-invitation').filter({ hasText: invited }).waitFor();
    await page.getByTestId('workspace-tandem').filter({ hasText: 'Bad Hersfeld' }).waitFor();
    await page.getByTestId('workspace-invite').waitFor();
    // The acting city in the header leads here.
    expect(await page.getByTestId('acting-city').getAttribute('href')).toBe(
      `/${CITY}/arbeitsbereich`,
    );
    await expectNoSeriousViolations(page);
    await screenshots(page, 'workspace-coordinator');
    await closePage(page);
  });

  it('shows a member the partner’s note as new until they open the tandem, and no invitations', async () => {
    const page = await newVisitorPage(browser, { bypassCSP: true });
    await page.goto('/anmelden');
    await signInWithForm(page, memberOf(CITY));
    await page.waitForURL((url) => url.pathname === `/${CITY}/arbeitsbereich`);
    const tandem = page.getByTestId('workspace-tandem').filter({ hasText: 'Bad Hersfeld' });
    await tandem.getByTestId('workspace-new-notes').waitFor();
    expect(await tandem.getByTestId('workspace-new-notes').textContent()).toBe(
      '1 neuer Eintrag seit Ihrem letzten Besuch',
    );
    // E-mail addresses of invitations are for coordinators.
    expect(await page.getByTestId('workspace-invitations').count()).toBe(0);
    expect(await page.getByText(invited).count()).toBe(0);
    expect(await page.getByTestId('workspace-invite').count()).toBe(0);
    await expectNoSeriousViolations(page);
    await screenshots(page, 'workspace-member');

    // After accepting an invitation the workspace welcomes with the first three things to do.
    await page.goto(`/${CITY}/arbeitsbereich?willkommen`);
    const welcome = page.getByTestId('workspace-welcome');
    await welcome.waitFor();
    expect(await welcome.getByRole('link').count()).toBe(4);
    await expectNoSeriousViolations(page);
    await saveScreenshot(page, 'workspace-welcome-1280');

    const seen = page.waitForResponse((response) =>
      (response.request().postData() ?? '').includes('markTandemSeen'),
    );
    await tandem.getByRole('link').click();
    await page.getByTestId('tandem-page').waitFor();
    await page.getByText('Willkommen im Tandem, Lörrach!').waitFor();
    await seen;
    // Back through the header link: nothing new any more.
    await page.getByTestId('acting-city').click();
    await page.waitForURL((url) => url.pathname === `/${CITY}/arbeitsbereich`);
    await page
      .getByTestId('workspace-tandem')
      .filter({ hasText: 'Bad Hersfeld' })
      .getByTestId('workspace-no-new-notes')
      .waitFor();
    await closePage(page);
  });

  it('takes a member of two cities to the other city’s workspace when they switch', async () => {
    const page = await newVisitorPage(browser);
    await page.goto('/');
    await signInQuietly(page, memberOf('ingolstadt'));
    await page.goto('/konferenzen');
    const start = (await page.getByTestId('acting-city').textContent()) ?? '';
    const [other, slug] =
      start === 'Ingolstadt' ? ['Puchheim', 'puchheim'] : ['Ingolstadt', 'ingolstadt'];
    await page.getByTestId('acting-city-select').selectOption({ label: other });
    await page.getByRole('button', { name: 'Wechseln' }).click();
    await page.waitForURL((url) => url.pathname === `/${slug}/arbeitsbereich`);
    await page.getByRole('heading', { level: 1, name: `Arbeitsbereich ${other}` }).waitFor();
    expect(await page.getByTestId('acting-city').getAttribute('href')).toBe(
      `/${slug}/arbeitsbereich`,
    );
    await closePage(page);
  });

  it('keeps a return path given at sign-in, and refuses a foreign city’s workspace', async () => {
    const page = await newVisitorPage(browser);
    await page.goto('/anmelden?ziel=%2Fkonferenzen');
    await signInWithForm(page, memberOf(PARTNER));
    await page.waitForURL((url) => url.pathname === '/konferenzen');
    await page.goto(`/${CITY}/arbeitsbereich`);
    await page.getByTestId('no-access').waitFor();
    await closePage(page);
  });
});
