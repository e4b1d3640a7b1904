import type { Browser, Locator, Page } from 'playwright-core';
import { coordinatorOf, pageGraphql, signInQuietly } from './support/accounts';
import { axNode } from './support/ax-tree';
import { launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

/** Lörrach's coordinator opens forms and sends them empty: nothing is written. */
const CITY = 'loerrach';

/**
 * What a screen reader gets after a failed submit, read from Chromium's accessibility tree:
 * the error summary is an alert with focus, and the field is invalid with its message as
 * its description (aria-describedby), so it is read again when the field gets focus.
 */
async function expectAnnounced(page: Page, field: Locator, error: Locator): Promise<void> {
  const summary = page.locator('[role="alert"][data-testid="error-summary"]');
  await summary.waitFor();
  const alert = await axNode(page, summary);
  expect(alert.role).toBe('alert');
  expect(alert.name).not.toBe('');
  expect(alert.focused).toBe(true);

  const message = (await error.textContent())?.trim() ?? '';
  expect(message).not.toBe('');
  const control = await axNode(page, field);
  expect(control.invalid).toBe(true);
  expect(control.description).toContain(message);
  // The summary names the field's problem too (without the field's hidden "Fehler:" prefix).
  expect(await summary.textContent()).toContain(message.replace(/^(Fehler|Error):\s*/, ''));
}

/** The message below a field (ui/FormErrors: `<p data-testid="error-<name>">`). */
const errorOf = (page: Page, name: string) => page.locator(`p[data-testid="error-${name}"]`);

describe('forms announce their errors to screen readers', () => {
  let browser: Browser;
  let visitor: Page;
  let coordinator: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    visitor = await newVisitorPage(browser);
    coordinator = await newVisitorPage(browser);
    await coordinator.goto('/');
    await signInQuietly(coordinator, coordinatorOf(CITY));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the sign-in form', async () => {
    await visitor.goto('/anmelden');
    const email = visitor.getByLabel('E-Mail-Adresse');
    await email.waitFor();
    // Before sending, nothing is invalid.
    expect((await axNode(visitor, email)).invalid).toBe(false);
    await email.press('Enter');
    await expectAnnounced(visitor, email, errorOf(visitor, 'email'));
    await saveScreenshot(visitor, 'form-errors-login');
  });

  it('the practice editor', async () => {
    await coordinator.goto(`/praxis/neu?stadt=${CITY}`);
    const title = coordinator.getByLabel(/^Titel/);
    await title.waitFor();
    await coordinator.getByRole('button', { name: 'Entwurf speichern' }).press('Enter');
    await expectAnnounced(coordinator, title, errorOf(coordinator, 'title'));
    await expectAnnounced(
      coordinator,
      coordinator.getByLabel(/^Zusammenfassung/),
      errorOf(coordinator, 'summary'),
    );
    await saveScreenshot(coordinator, 'form-errors-practice-editor');
  });

  it('the conference registration form', async () => {
    const { conferences } = await pageGraphql<{
      conferences: { edges: Array<{ node: { id: string; title: string; status: string } }> };
    }>(coordinator, 'query { conferences(first: 50) { edges { node { id title status } } } }');
    const open = conferences.edges.find(
      ({ node }) => node.title === 'Regionalkonferenz Süd' && node.status === 'OPEN',
    )?.node;
    if (!open) throw new Error('the demo conference “Regionalkonferenz Süd” is not open');
    await coordinator.goto(`/konferenzen/${open.id}`);
    const panel = coordinator.getByTestId('registration-panel');
    const name = panel.getByLabel('Name', { exact: true });
    await name.waitFor();
    // Seen on the way: an agenda line's time may not run into its title beside it.
    const overlap = await coordinator
      .getByTestId('agenda-day')
      .locator('li')
      .first()
      .evaluate((item) => {
        const [time, title] = [...item.children];
        const text = document.createRange();
        text.selectNodeContents(time as Element);
        return text.getBoundingClientRect().right - (title as Element).getBoundingClientRect().left;
      });
    expect(overlap).toBeLessThanOrEqual(0);
    await panel.getByRole('button', { name: 'Verbindlich anmelden' }).press('Enter');
    await coordinator.locator('[role="alert"][data-testid="error-summary"]').waitFor();
    // Each person's row has its own fields; the first row's name is the one left empty.
    const described = (await name.getAttribute('aria-describedby')) ?? '';
    const ids = described.split(/\s+/).filter(Boolean);
    expect(ids.length).toBeGreaterThan(0);
    const error = coordinator.locator(ids.map((id) => `p.field__error[id="${id}"]`).join(', '));
    await expectAnnounced(coordinator, name, error);
    await saveScreenshot(coordinator, 'form-errors-registration');
  });
});

describe('motion and zoom', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newVisitorPage(browser);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** Elements that move: a running animation or a transition with a duration. */
  const moving = () =>
    page.evaluate(() => {
      // The loading spinner is the one animation; show one to see what it does.
      const spinner = document.createElement('span');
      spinner.className = 'spinner';
      document.querySelector('main')?.append(spinner);
      const found = [...document.querySelectorAll('*')]
        .filter((element) => {
          const style = getComputedStyle(element);
          const durations = style.transitionDuration.split(',').map((value) => parseFloat(value));
          return style.animationName !== 'none' || durations.some((value) => value > 0);
        })
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
      spinner.remove();
      return found;
    });

  it('moves nothing when the system asks for reduced motion', async () => {
    await page.goto('/');
    await page.locator('.state-card').first().waitFor();
    // Without the preference the spinner turns, so the check below can fail.
    expect(await moving()).toContain('span.spinner');

    await page.emulateMedia({ reducedMotion: 'reduce' });
    expect(await moving()).toEqual([]);
    await page.emulateMedia({ reducedMotion: null });
  });

  it.each([
    { path: '/', ready: '.state-card' },
    { path: `/${CITY}`, ready: '[data-testid="city-page"]' },
    { path: '/themen', ready: '.topic-card' },
    { path: '/suche?q=Engagement', ready: 'main h1' },
    { path: '/konferenzen', ready: 'main h1' },
    { path: '/anmelden', ready: 'main form' },
    { path: '/barrierefreiheit', ready: '[data-testid="last-check"]' },
  ])('$path at 200 % zoom: no sideways scrolling, nothing cut off', async ({ path, ready }) => {
    // 200 % of a 1280 px window: 640 CSS px at two device pixels each.
    const zoomed = await browser.newContext({
      baseURL: new URL(page.url()).origin,
      viewport: { width: 640, height: 450 },
      deviceScaleFactor: 2,
      locale: 'de-DE',
    });
    const view = await zoomed.newPage();
    await view.goto(path);
    await view.locator(ready).first().waitFor();
    await view.waitForLoadState('networkidle');
    const layout = await view.evaluate(() => {
      const width = document.documentElement.clientWidth;
      // Parts that scroll on their own (wide tables in a scroll region) may be wider.
      const clipped = (element: Element) => {
        for (let up = element.parentElement; up; up = up.parentElement) {
          if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(up).overflowX))
            return up !== document.documentElement && up !== document.body;
        }
        return false;
      };
      const cut = [...document.body.querySelectorAll('*')]
        .filter((element) => {
          const box = element.getBoundingClientRect();
          return box.width > 0 && (box.right > width + 1 || box.left < -1) && !clipped(element);
        })
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
      return { scroll: document.documentElement.scrollWidth, client: width, cut };
    });
    await saveScreenshot(view, `zoom-200-${path.replace(/[^a-z]+/g, '-')}`);
    await zoomed.close();
    expect(layout.cut).toEqual([]);
    expect(layout.scroll).toBeLessThanOrEqual(layout.client);
  });
});
