import type { Browser, Page } from 'playwright-core';
import { ORGANIZER, pageGraphql, signInQuietly } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

/** A tiny MP4 built here: ftyp, a movie header saying 83.5 s (timescale 1000), filler media. */
function tinyMp4(): Buffer {
  const box = (type: string, ...body: Buffer[]) => {
    const content = Buffer.concat(body);
    const header = Buffer.alloc(8);
    header.writeUInt32BE(8 + content.length);
    header.write(type, 4, 'latin1');
    return Buffer.concat([header, content]);
  };
  const u32 = (...values: number[]) => {
    const out = Buffer.alloc(values.length * 4);
    values.forEach((value, index) => out.writeUInt32BE(value, index * 4));
    return out;
  };
  const mvhd = box('mvhd', u32(0, 0, 0, 1000, 83_500), Buffer.alloc(80));
  return Buffer.concat([
    box('ftyp', Buffer.from('isom'), u32(0x200), Buffer.from('isomiso2avc1mp41')),
    box('moov', mvhd),
    box('mdat', Buffer.alloc(3000, 0x2a)),
  ]);
}

async function clearVideo(page: Page): Promise<void> {
  const { signLanguage } = await pageGraphql<{ signLanguage: { video: { id: string } | null } }>(
    page,
    '{ signLanguage { video { id } } }',
  );
  if (signLanguage.video)
    await pageGraphql(page, 'mutation($id: ID!) { removeSignLanguageVideo(id: $id) }', {
      id: signLanguage.video.id,
    });
}

describe('Leichte Sprache and Gebärdensprache', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    if (page) await closePage(page);
  });

  it('leads from the start page to the page in Leichte Sprache, and from the footer', async () => {
    page = await newVisitorPage(browser);
    await page.goto('/');
    await page.getByTestId('easy-read-link').waitFor();
    await saveScreenshot(page, 'easy-read-start-page-1280');
    await page.getByRole('link', { name: 'Leichte Sprache', exact: true }).first().click();
    await page.waitForURL('**/leichte-sprache');
    await page
      .getByRole('heading', { level: 1, name: 'Das Wissens·netz in Leichter Sprache' })
      .waitFor();
    expect(
      await page
        .getByRole('heading', { level: 2, name: /Schlichtungs·stelle|unzufrieden/ })
        .count(),
    ).toBe(1);
    await page.goto('/themen');
    await page
      .getByRole('navigation', { name: 'Rechtliches' })
      .getByRole('link', { name: 'Gebärdensprache' })
      .click();
    await page.waitForURL('**/gebaerdensprache');
    await page.getByRole('heading', { level: 1, name: /Gebärdensprache/ }).waitFor();
  });

  it.each([
    {
      path: '/leichte-sprache',
      language: 'de' as const,
      h1: 'Das Wissens·netz in Leichter Sprache',
    },
    { path: '/leichte-sprache', language: 'en' as const, h1: 'The Wissensnetz in Easy Read' },
    {
      path: '/gebaerdensprache',
      language: 'de' as const,
      h1: 'Informationen in Deutscher Gebärdensprache',
    },
    {
      path: '/gebaerdensprache',
      language: 'en' as const,
      h1: 'Information in German Sign Language',
    },
  ])(
    '$path ($language) has no serious or critical axe violations at 1280 and 320 px',
    async ({ path, language, h1 }) => {
      page = await newVisitorPage(browser, { bypassCSP: true });
      if (language === 'en')
        await page.addInitScript(() => localStorage.setItem('wissensnetz.language', 'en'));
      await page.goto(path);
      await page.getByRole('heading', { level: 1, name: h1 }).waitFor();
      await page
        .locator(
          '[data-testid="easy-read-page"] section, [data-testid="sign-language-page"] section',
        )
        .first()
        .waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect(await seriousViolations(page)).toEqual([]);
      const name = `easy-read${path.replace('/', '-')}-${language}`;
      await saveScreenshot(page, `${name}-1280`);
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, `${name}-320`);
    },
  );

  it('shows a placeholder until the organizer uploads the video, then its size and length', async () => {
    page = await newVisitorPage(browser, { bypassCSP: true });
    await signInQuietly(page, ORGANIZER);
    await clearVideo(page);
    await page.goto('/gebaerdensprache');
    await page.getByTestId('sign-language-placeholder').waitFor();
    expect(await page.getByTestId('sign-language-placeholder').innerText()).toMatch(/vorbereitet/);
    expect(
      await page.getByRole('link', { name: 'Das Wissensnetz in Leichter Sprache' }).count(),
    ).toBe(1);

    const file = tinyMp4();
    await page
      .getByLabel('Videodatei')
      .setInputFiles({ name: 'wissensnetz-dgs.mp4', mimeType: 'video/mp4', buffer: file });
    await page
      .getByLabel('Beschreibung')
      .fill('Eine Gebärdensprachdolmetscherin erklärt das Wissensnetz.');
    await page.getByRole('button', { name: 'Video hochladen' }).click();
    await page.getByText('Das Video ist hochgeladen.').waitFor();
    await page.getByTestId('sign-language-video').waitFor();
    const facts = await page.getByTestId('sign-language-facts').innerText();
    expect(facts).toMatch(/1 Min\. 24 Sek\./);
    expect(facts).toMatch(/3,1 kB/);
    expect(facts).toMatch(/MP4/);
    expect(await page.getByTestId('sign-language-download').innerText()).toMatch(
      /herunterladen \(MP4, 3,1 kB\)/,
    );
    const download = await page.request.get(
      (await page.getByTestId('sign-language-download').getAttribute('href'))!,
    );
    expect(download.headers()['content-disposition']).toMatch(/attachment/);
    expect((await download.body()).length).toBe(file.length);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'easy-read-sign-language-video-1280');
    await page.setViewportSize({ width: 320, height: 800 });
    await saveScreenshot(page, 'easy-read-sign-language-video-320');

    // A visitor sees the same video, without the upload form.
    const visitor = await newVisitorPage(browser);
    await visitor.goto('/gebaerdensprache');
    await visitor.getByTestId('sign-language-video').waitFor();
    expect(await visitor.getByTestId('sign-language-manager').count()).toBe(0);
    await closePage(visitor);
    await clearVideo(page);
  });
});
