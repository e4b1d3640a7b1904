import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { memberOf, ORGANIZER, signInQuietly, signInWithForm } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';
import { baseUrl } from './support/platform';

/** This file's own city (files run in parallel; sign-ins are throttled per address). */
const CITY = 'neuruppin';

const LEGAL_PAGES = [
  { path: '/impressum', link: 'Impressum', heading: 'Impressum', linkEn: 'Legal notice' },
  {
    path: '/datenschutz',
    link: 'Datenschutz',
    heading: 'Datenschutzerklärung',
    linkEn: 'Privacy',
  },
  {
    path: '/barrierefreiheit',
    link: 'Barrierefreiheit',
    heading: 'Erklärung zur Barrierefreiheit',
    linkEn: 'Accessibility',
  },
  { path: '/kontakt', link: 'Kontakt', heading: 'Kontakt', linkEn: 'Contact' },
];

const footerLinks = (page: Page) => page.getByRole('navigation', { name: /Rechtliches|Legal/ });

describe('legal pages: Impressum, Datenschutz, Barrierefreiheit, Kontakt', () => {
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

  it('links the four pages from the footer of every kind of page', async () => {
    page = await newVisitorPage(browser);
    for (const start of ['/', '/themen', '/konferenzen', '/cloppenburg', '/gibt-es-nicht-hausen']) {
      for (const target of LEGAL_PAGES) {
        await page.goto(start);
        await footerLinks(page).getByRole('link', { name: target.link, exact: true }).click();
        await page.waitForURL(`**${target.path}`);
        await page.getByRole('heading', { level: 1, name: target.heading }).waitFor();
      }
    }
    // The demo says its operator details are invented.
    await page.goto('/impressum');
    await page.getByTestId('operator-demo').waitFor();
    expect(await page.getByText(/Demo-Betreiber .*keine echten Angaben/).count()).toBeGreaterThan(
      0,
    );
  });

  it('shows the privacy policy made from the register and names the only cookie', async () => {
    page = await newVisitorPage(browser);
    await page.goto('/datenschutz');
    await page.getByRole('heading', { level: 3, name: 'Benutzerkonten' }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toMatch(/wn_session/);
    expect(text).toMatch(/Art\. 6 Abs\. 1 lit\. e DSGVO/);
    expect(await page.getByRole('link', { name: 'als CSV herunterladen' }).count()).toBe(1);
  });

  it('takes accessibility feedback by keyboard alone and confirms it with a due date', async () => {
    page = await newVisitorPage(browser);
    await page.goto('/barrierefreiheit');
    await page.getByTestId('last-check').waitFor();
    expect(await page.getByTestId('conformance-status').innerText()).toMatch(/teilweise vereinbar/);
    const focusedName = () =>
      page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? '');
    for (let i = 0; i < 120 && (await focusedName()) !== 'message'; i += 1)
      await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('message');
    await page.keyboard.type(
      'Die Tabelle der Anmeldungen ist mit dem Bildschirmleser kaum nutzbar.',
    );
    await page.keyboard.press('Tab');
    await page.keyboard.type('/konferenzen');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Testperson Legal');
    await page.keyboard.press('Tab');
    await page.keyboard.type('legal-e2e@person.example');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Rückmeldung senden',
    );
    await page.keyboard.press('Enter');
    const confirmation = page.getByRole('heading', {
      name: 'Vielen Dank, Ihre Rückmeldung ist angekommen',
    });
    await confirmation.waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('feedback-sent');
    expect(await page.getByTestId('feedback-sent').innerText()).toMatch(
      /Nummer \d+\. Wir antworten bis zum \d{2}\.\d{2}\.\d{4}/,
    );
  });

  it('shows the feedback to organizers in their inbox (the link of the notification)', async () => {
    page = await newVisitorPage(browser, { bypassCSP: true });
    await signInQuietly(page, ORGANIZER);
    await page.goto('/netzwerk/rueckmeldungen');
    await page.getByTestId('feedback-inbox').waitFor();
    await page.getByText('legal-e2e@person.example').first().waitFor();
    expect(
      await page.getByRole('heading', { level: 2, name: /Antwort bis/ }).count(),
    ).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'legal-feedback-inbox-1280');
  });

  it('announces a missing message and puts focus on the error summary', async () => {
    page = await newVisitorPage(browser);
    await page.goto('/kontakt');
    await page.getByRole('button', { name: 'Rückmeldung senden' }).click();
    await page.getByText('Bitte beschreiben Sie, was nicht barrierefrei ist').first().waitFor();
    expect(await page.locator('textarea[name="message"]').getAttribute('aria-invalid')).toBe(
      'true',
    );
  });

  it.each(
    LEGAL_PAGES.flatMap((legal) => [
      { ...legal, language: 'de' as const },
      { ...legal, language: 'en' as const },
    ]),
  )(
    '$path ($language) has no serious or critical axe violations',
    async ({ path: route, language }) => {
      page = await newVisitorPage(browser, { bypassCSP: true });
      if (language === 'en')
        await page.addInitScript(() => localStorage.setItem('wissensnetz.language', 'en'));
      await page.goto(route);
      await page.locator('.legal-contact, [data-testid="last-check"]').first().waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(language);
      expect(await page.locator('h1').count()).toBe(1);
      const violations = await seriousViolations(page);
      const name = `legal-${route.slice(1)}-${language}`;
      await saveScreenshot(page, `${name}-1280`);
      await page.setViewportSize({ width: 320, height: 800 });
      expect(await seriousViolations(page)).toEqual([]);
      await saveScreenshot(page, `${name}-320`);
      expect(violations).toEqual([]);
    },
  );

  it('shows the date and result of the last complete route check (accessibility-routes)', async () => {
    const file = path.resolve(__dirname, '../../web/src/features/legal/accessibility-check.json');
    const check = JSON.parse(readFileSync(file, 'utf8')) as {
      checkedOn: string;
      tool: string;
      routes: number;
      checks: number;
      seriousOrCritical: number;
    };
    page = await newVisitorPage(browser);
    await page.goto('/barrierefreiheit');
    const text = await page.getByTestId('last-check').innerText();
    const [year, month, day] = check.checkedOn.split('-').map(Number);
    expect(text).toContain(
      `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`,
    );
    expect(text).toContain(check.tool);
    expect(text).toContain(`alle ${check.routes} Seitenadressen`);
    expect(text).toContain(`${check.checks} Prüfungen`);
    expect(await page.getByTestId('last-check-result').innerText()).toMatch(
      new RegExp(`^Ergebnis: ${check.seriousOrCritical} schwerwiegender? `),
    );
  });

  it('serves security.txt beside the web app, not the web app in its place', async () => {
    page = await newVisitorPage(browser);
    const response = await page.request.get('/.well-known/security.txt');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^text\/plain/);
    expect(await response.text()).toMatch(/^Contact: mailto:kontakt@betreiber\.example$/m);
  });

  it('sets no cookie for visitors and only the session cookie after signing in', async () => {
    page = await newVisitorPage(browser);
    for (const route of ['/', '/themen', '/konferenzen', '/cloppenburg', '/datenschutz', '/suche'])
      await page.goto(route, { waitUntil: 'networkidle' });
    expect(await page.context().cookies()).toEqual([]);

    await signInWithForm(page, memberOf(CITY));
    await page.waitForURL((url) => !url.pathname.startsWith('/anmelden'));
    for (const route of ['/konto', `/${CITY}`, '/benachrichtigungen'])
      await page.goto(route, { waitUntil: 'networkidle' });
    const cookies = await page.context().cookies();
    expect(cookies.map((cookie) => cookie.name)).toEqual(['wn_session']);
    expect(cookies[0]).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      // Secure whenever the request came over HTTPS (production); this run is plain HTTP.
      secure: baseUrl().startsWith('https:'),
    });
  });

  it('sends every request of a walk through the main pages to the platform itself', async () => {
    page = await newVisitorPage(browser);
    const origin = new URL(baseUrl()).origin;
    const requested: string[] = [];
    page.context().on('request', (request) => {
      requested.push(request.url());
    });
    for (const route of [
      '/',
      '/themen',
      '/konferenzen',
      '/suche?q=Jugend',
      '/cloppenburg',
      '/impressum',
      '/datenschutz',
      '/barrierefreiheit',
      '/kontakt',
      '/anmelden',
    ])
      await page.goto(route, { waitUntil: 'networkidle' });
    const foreign = requested.filter(
      (url) =>
        !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin,
    );
    expect(requested.length).toBeGreaterThan(10);
    expect(foreign).toEqual([]);
  });
});
