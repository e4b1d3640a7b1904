import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, memberOf, pageGraphql, signInQuietly } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

/** Würzburg is no other spec's city: its member drafts here, its coordinator reviews. */
const CITY = 'wuerzburg';
const COMMENT = 'Bitte die Ansprechperson ergänzen.';

describe('review of members’ drafts', () => {
  let browser: Browser;
  let member: Page;
  let coordinator: Page;
  let practiceId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    // axe arrives as an inline script, which the platform's CSP rightly blocks.
    member = await newVisitorPage(browser, { bypassCSP: true });
    coordinator = await newVisitorPage(browser, { bypassCSP: true });
    // Sign-ins from one address are throttled: one after the other.
    await signInQuietly(member, memberOf(CITY));
    await signInQuietly(coordinator, coordinatorOf(CITY));
    const created = await pageGraphql<{ createPractice: { id: string } }>(
      member,
      'mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }',
      {
        input: {
          citySlug: CITY,
          title: `Leihladen ${Date.now()}`,
          summary: 'Teilen statt kaufen.',
        },
      },
    );
    practiceId = created.createPractice.id;
  });
  afterAll(async () => {
    await closePage(member);
    await closePage(coordinator);
    await browser?.close();
  });

  it('member submits, coordinator sends back, member resubmits, coordinator publishes', async () => {
    await member.goto(`/praxis/${practiceId}`);
    await member.getByRole('button', { name: 'Zur Prüfung einreichen' }).click();
    await member.getByTestId('review-notice').waitFor();
    expect(await member.getByTestId('status-badge').textContent()).toContain('In Prüfung');
    expect(await member.getByTestId('review-notice').textContent()).toContain(
      'Die Koordination Ihrer Kommune prüft',
    );
    // The member may take it back; the coordinator decides instead (send back, publish).
    expect(await member.getByRole('button', { name: 'Einreichung zurückziehen' }).count()).toBe(1);

    // The coordinator finds it in the city's "In Prüfung" tab and in the notifications.
    await coordinator.goto(`/${CITY}`);
    const tab = coordinator.getByTestId('practice-tab-IN_REVIEW');
    await tab.click();
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    await coordinator.getByRole('tab', { name: /^In Prüfung \(\d+\)$/ }).waitFor();
    await coordinator.getByTestId('city-practice-list').getByRole('link').first().waitFor();
    await saveScreenshot(coordinator, 'review-city-tabs');
    expect(await seriousViolations(coordinator)).toEqual([]);
    await coordinator.setViewportSize({ width: 320, height: 800 });
    await saveScreenshot(coordinator, 'review-city-tabs-320');
    await coordinator.setViewportSize({ width: 1280, height: 900 });

    await coordinator.goto('/benachrichtigungen');
    await coordinator.locator(`a[href="/praxis/${practiceId}"]`).first().click();
    await coordinator.getByTestId('practice-page').waitFor();
    await coordinator.getByRole('button', { name: 'Zurückgeben' }).waitFor();
    expect(
      await coordinator.getByRole('button', { name: 'Einreichung zurückziehen' }).count(),
    ).toBe(0);
    await coordinator.getByRole('button', { name: 'Zurückgeben' }).click();
    const dialog = coordinator.getByRole('dialog');
    // The page tells the coordinator that the decision is theirs.
    expect(await coordinator.getByTestId('review-notice').textContent()).toContain(
      'wartet auf Ihre Prüfung',
    );
    // An empty comment is refused with a field error at the field; the dialog stays open.
    const comment = dialog.getByLabel('Kommentar');
    await dialog.getByRole('button', { name: 'Zurückgeben' }).click();
    await dialog.locator('textarea[aria-invalid="true"]').waitFor();
    const described = (await comment.getAttribute('aria-describedby')) ?? '';
    expect(described).not.toBe('');
    const errorText = await coordinator
      .locator(
        described
          .split(' ')
          .map((id) => `[id="${id}"]`)
          .join(', '),
      )
      .allTextContents();
    expect(errorText.join(' ')).toContain('was sich ändern soll');
    expect(await dialog.isVisible()).toBe(true);
    await comment.fill(COMMENT);
    await saveScreenshot(coordinator, 'review-send-back-dialog');
    expect(await seriousViolations(coordinator)).toEqual([]);
    await dialog.getByRole('button', { name: 'Zurückgeben' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The member sees the comment, edits and resubmits.
    await member.goto(`/praxis/${practiceId}`);
    expect(await member.getByTestId('review-notice').textContent()).toContain(COMMENT);
    await saveScreenshot(member, 'review-returned');
    expect(await seriousViolations(member)).toEqual([]);
    await member.setViewportSize({ width: 320, height: 800 });
    await saveScreenshot(member, 'review-returned-320');
    await member.setViewportSize({ width: 1280, height: 900 });
    await member.getByRole('button', { name: 'Zur Prüfung einreichen' }).click();
    await member.getByText('In Prüfung:').waitFor();

    await coordinator.goto(`/praxis/${practiceId}`);
    await coordinator.getByRole('button', { name: 'Veröffentlichen' }).click();
    await coordinator.locator('[data-status="PUBLISHED"]').waitFor();

    // The member is told (notifications link to the practice).
    await member.goto('/benachrichtigungen');
    await member
      .getByRole('link', { name: /^Veröffentlicht:/ })
      .first()
      .waitFor();
    expect(await member.locator(`a[href="/praxis/${practiceId}"]`).count()).toBeGreaterThanOrEqual(
      2,
    );
    expect(await seriousViolations(member)).toEqual([]);
  });
});
