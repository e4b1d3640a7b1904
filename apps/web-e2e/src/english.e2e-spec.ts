import type { Browser, Page } from 'playwright-core';
import { coordinatorOf, signInQuietly } from './support/accounts';
import { somePublicPracticeId } from './support/practices';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

/**
 * In English no German words show (umlauts alone prove nothing: Wolfenbüttel and
 * Baden-Württemberg are names in English too), except user content: that carries lang="de"
 * (practices), which is also what screen readers need to pronounce it.
 */
const GERMAN =
  /\b(und|oder|nicht|mit|für|der|die|das|ein|eine|Kommunen?|Praxisbeispiele?|Themen?|Suche|Anmeldung|Anmelden|Mitglieder|Konferenzen?|Benachrichtigungen|weitere|Plätze|Protokoll|Änderungsprotokoll|Seite|Zur|Alle|Zurück|Bundesländern?|Mitgliedskommunen?|Schwerpunktthemen|veröffentlicht|Entwurf|Öffentlich|Tandems?vorschläge|Einträge)\b/;

/** Visible text nodes outside elements marked as German, with their German words. */
async function germanTexts(page: Page): Promise<string[]> {
  return page.evaluate((source) => {
    const pattern = new RegExp(source);
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      // A text area's text is what a person typed (or will edit), not the app's words.
      if (!text || !parent || parent.closest('[lang="de"], script, style, textarea, [hidden]'))
        continue;
      if (parent.getClientRects().length === 0 && !parent.closest('.visually-hidden')) continue;
      if (pattern.test(text)) found.push(text);
    }
    return found;
  }, GERMAN.source);
}

describe('English everywhere', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newVisitorPage(browser);
    await page.goto('/');
    await page.evaluate(() => window.localStorage.setItem('wissensnetz.language', 'en'));
  });
  afterAll(async () => {
    await closePage(page);
    await browser?.close();
  });

  async function visit(path: string, ready: string): Promise<string[]> {
    await page.goto(path);
    await page
      .locator(ready)
      .first()
      .waitFor()
      .catch(async (error: unknown) => {
        await saveScreenshot(page, 'english-failed');
        throw error;
      });
    await page.waitForLoadState('networkidle');
    return germanTexts(page);
  }

  it('shows no German on the public pages', async () => {
    // The search index is filled a moment after the platform starts.
    await somePublicPracticeId();
    expect(await visit('/', '.state-card')).toEqual([]);
    expect(await visit('/cloppenburg', 'h1')).toEqual([]);
    expect(await visit('/themen', '.topic-card')).toEqual([]);
    const topicNames = await page.getByTestId('topic-link').allTextContents();
    expect(topicNames).toContain('Prevention');
    expect(await visit('/suche', '[data-testid="practice-item"]')).toEqual([]);
    // The topic facet names topics as /themen does in English (it showed the German names).
    const facet = await page
      .locator('[data-facet="topics"] label > span:first-child')
      .allTextContents();
    expect(facet.length).toBeGreaterThan(0);
    expect(facet.filter((label) => !topicNames.includes(label))).toEqual([]);
    await page.locator('[data-testid="practice-item"] a').first().click();
    await page.getByTestId('practice-page').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await germanTexts(page)).toEqual([]);
    expect(await visit('/konferenzen', '[data-testid="conference-item"]')).toEqual([]);
    await page.locator('[data-testid="conference-item"] a').first().click();
    await page.locator('h1').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await germanTexts(page)).toEqual([]);
    expect(await visit('/anmelden', 'form')).toEqual([]);
  });

  it('shows no German on the pages of a signed-in coordinator', async () => {
    await signInQuietly(page, coordinatorOf('greifswald'));
    expect(await visit('/konto', 'h1')).toEqual([]);
    expect(await visit('/greifswald/mitglieder', 'h1')).toEqual([]);
    expect(await visit('/netzwerk/tandems', 'h1')).toEqual([]);
    expect(await visit('/benachrichtigungen', 'h1')).toEqual([]);
    expect(await visit('/greifswald/arbeitsbereich', 'h1')).toEqual([]);
    expect(await visit('/greifswald/profil/bearbeiten', 'form')).toEqual([]);
  });

  it('shows no German in the practice editor, its toolbar, preview and form errors', async () => {
    expect(await visit('/praxis/neu?stadt=greifswald', 'form')).toEqual([]);
    // Saving without a title and summary: the summary and the field errors are English too.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('alert', { name: 'Please check your entries' }).waitFor();
    expect(await germanTexts(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Preview' }).click();
    expect(await germanTexts(page)).toEqual([]);
    await saveScreenshot(page, 'english-editor-errors');
  });

  it('shows no German in a confirmation dialog', async () => {
    await visit('/greifswald/mitglieder', 'h1');
    // Leaving the city asks first (the dialog names what happens).
    const opener = page.getByRole('button', { name: /^(Remove|Leave|Change role)/ }).first();
    await opener.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await germanTexts(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
  });
});
