import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, memberOf, pageGraphql, signInQuietly } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

/** Dortmund-Nordstadt is no other spec's city: its member submits, its coordinator reads. */
const CITY = 'dortmund-nordstadt';

describe('grouped notifications, read when the thing is opened', () => {
  let browser: Browser;
  let member: Page;
  let coordinator: Page;
  let practiceId = '';
  const title = `Quartiersküche ${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    // axe arrives as an inline script, which the platform's CSP rightly blocks.
    member = await newVisitorPage(browser, { bypassCSP: true });
    coordinator = await newVisitorPage(browser, { bypassCSP: true });
    // Sign-ins from one address are throttled: one after the other.
    await signInQuietly(member, memberOf(CITY));
    await signInQuietly(coordinator, coordinatorOf(CITY));
    await pageGraphql(coordinator, 'mutation { markNotificationsRead }');
    const created = await pageGraphql<{ createPractice: { id: string } }>(
      member,
      'mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }',
      { input: { citySlug: CITY, title, summary: 'Gemeinsam kochen im Quartier.' } },
    );
    practiceId = created.createPractice.id;
    // Submitted twice (withdrawn in between): two notices about one practice.
    for (const mutation of [
      'submitPracticeForReview',
      'withdrawPracticeSubmission',
      'submitPracticeForReview',
    ])
      await pageGraphql(member, `mutation($id: ID!) { ${mutation}(id: $id) { id } }`, {
        id: practiceId,
      });
  });
  afterAll(async () => {
    await closePage(member);
    await closePage(coordinator);
    await browser?.close();
  });

  it('shows two notices about one practice as one entry, accessible at 1280 and 320 px', async () => {
    await coordinator.goto('/benachrichtigungen');
    const group = coordinator
      .getByTestId('notification-group')
      .filter({ has: coordinator.locator(`a[href="/praxis/${practiceId}"]`) });
    await group.waitFor({ timeout: 15_000 });
    expect(await group.getByRole('link').textContent()).toBe(`2 neue Benachrichtigungen: ${title}`);
    expect(await group.getAttribute('data-unread')).toBe('2');
    await coordinator
      .getByTestId('notifications-link')
      .filter({ hasText: /\(2 neu\)/ })
      .waitFor();
    expect(await seriousViolations(coordinator)).toEqual([]);
    await saveScreenshot(coordinator, 'notification-groups-1280');
    await coordinator.setViewportSize({ width: 320, height: 800 });
    expect(await seriousViolations(coordinator)).toEqual([]);
    await saveScreenshot(coordinator, 'notification-groups-320');
    await coordinator.setViewportSize({ width: 1280, height: 900 });
  });

  it('opening the practice marks its notices read and the header count follows', async () => {
    await coordinator.goto(`/praxis/${practiceId}`);
    await coordinator.getByRole('heading', { level: 1, name: title }).waitFor();
    await coordinator
      .getByTestId('notifications-link')
      .filter({ hasText: /^Benachrichtigungen$/ })
      .waitFor();
    await coordinator.goto('/benachrichtigungen');
    const group = coordinator
      .getByTestId('notification-group')
      .filter({ has: coordinator.locator(`a[href="/praxis/${practiceId}"]`) });
    await group.waitFor();
    expect(await group.getAttribute('data-unread')).toBe('0');
    expect(await group.getByRole('link').textContent()).toBe(`2 Benachrichtigungen: ${title}`);
  });
});
