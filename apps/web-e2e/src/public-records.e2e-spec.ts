import type { Browser, Page } from 'playwright-core';
import { ORGANIZER, pageGraphql } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';
import { signedInPage } from './support/tandems';

const SAVE = `mutation($i: SaveConferenceRecordInput!) { saveConferenceRecord(input: $i) { id } }`;

/** axe at 1280 and 320 px, a screenshot of each. */
async function accessibleAtBothWidths(page: Page, name: string): Promise<void> {
  for (const width of [1280, 320]) {
    await page.setViewportSize({ width, height: width === 320 ? 740 : 900 });
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, `${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * Issue 16: an organizer makes a final record public with the keyboard; a visitor without
 * an account then reads it on the conference page (never the draft next to it), and the
 * records feed is announced in the head of /konferenzen and the conference page.
 */
describe('public conference records', () => {
  let browser: Browser;
  const pages: Page[] = [];
  const marker = `Öffentlich-${Date.now().toString(36)}`;
  let conferenceId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const page of pages) await closePage(page);
    await browser?.close();
  });

  it('the organizer makes a final record public by keyboard', async () => {
    const page = await signedInPage(browser, ORGANIZER, { bypassCSP: true });
    pages.push(page);
    const created = await pageGraphql<{ createConference: { id: string } }>(
      page,
      'mutation($i: ConferenceInput!) { createConference(input: $i) { id } }',
      {
        i: {
          title: `Protokolltreffen ${marker}`,
          kind: 'ONLINE_EXCHANGE',
          startsAt: '2026-10-05T10:00',
          endsAt: '2026-10-05T12:00',
          capacity: 30,
        },
      },
    );
    conferenceId = created.createConference.id;
    const session = await pageGraphql<{ addAgendaSession: { id: string } }>(
      page,
      'mutation($i: AgendaSessionInput!) { addAgendaSession(input: $i) { id } }',
      {
        i: {
          conferenceId,
          title: 'Austausch',
          startsAt: '2026-10-05T10:30',
          endsAt: '2026-10-05T11:30',
        },
      },
    );
    const final = await pageGraphql<{ saveConferenceRecord: { id: string } }>(page, SAVE, {
      i: {
        conferenceId,
        agendaSessionId: session.addAgendaSession.id,
        decisions: `Beschluss ${marker}`,
      },
    });
    await pageGraphql(page, 'mutation($id: ID!) { finalizeConferenceRecord(id: $id) { id } }', {
      id: final.saveConferenceRecord.id,
    });
    await pageGraphql(page, SAVE, { i: { conferenceId, decisions: `Entwurf ${marker}` } });

    await page.goto(`/konferenzen/${conferenceId}`);
    const publish = page.getByRole('button', { name: 'Öffentlich machen' });
    await publish.waitFor();
    await publish.focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: 'Das Protokoll ist jetzt öffentlich.' })
      .waitFor();
    await page.getByRole('button', { name: 'Nicht mehr öffentlich' }).waitFor();
    await page.getByTestId('conference-records').scrollIntoViewIfNeeded();
    await accessibleAtBothWidths(page, 'public-records-organizer');
  });

  it('a visitor reads the public record, not the draft, and finds the feed in the head', async () => {
    const page = await newVisitorPage(browser, { bypassCSP: true });
    pages.push(page);
    await page.goto(`/konferenzen/${conferenceId}`);
    const records = page.getByTestId('conference-records');
    await records.getByText(`Beschluss ${marker}`).waitFor();
    expect(await records.getByText(`Entwurf ${marker}`).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Öffentlich machen' }).count()).toBe(0);
    const head = page.locator('head link[rel="alternate"][type="application/atom+xml"]');
    expect(await head.getAttribute('href')).toBe('/feeds/protokolle.atom');
    await records.scrollIntoViewIfNeeded();
    await accessibleAtBothWidths(page, 'public-records-visitor');

    await page.goto('/konferenzen');
    await page.getByTestId('records-feed-link').waitFor();
    expect(
      await page.locator('head link[rel="alternate"][href="/feeds/protokolle.atom"]').count(),
    ).toBe(1);
    const feed = await page.context().request.get('/feeds/protokolle.atom');
    expect(feed.status()).toBe(200);
    const body = await feed.text();
    expect(body).toContain(`Beschluss ${marker}`);
    expect(body).not.toContain(`Entwurf ${marker}`);
  });
});
