import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CITY_ROUTES, NETWORK_ROUTES } from '@wissensnetz/domain';
import type { Browser, Page } from 'playwright-core';
import { signInQuietly } from './support/accounts';
import { seriousViolations, type AxeViolation } from './support/axe';
import { launchBrowser, newVisitorPage } from './support/browser';
import {
  findDemoIds,
  pageCases,
  ROLE_ACCOUNTS,
  ROLES,
  uncheckedRoutes,
  type DemoIds,
  type Role,
} from './support/route-checks';

const LANGUAGES = ['de', 'en'] as const;
const WIDTHS = [1280, 320] as const;
/** What the accessibility statement shows (apps/web/src/features/legal/AccessibilityStatementPage). */
const STATEMENT_FILE = path.resolve(
  __dirname,
  '../../web/src/features/legal/accessibility-check.json',
);
/** Every check of the last run, with the violations found (gitignored). */
const REPORT_FILE = path.resolve(__dirname, '../accessibility-report.json');

interface Checked {
  route: string;
  path: string;
  role: Role;
  language: (typeof LANGUAGES)[number];
  width: number;
  violations: AxeViolation[];
}

function axeVersion(): string {
  const file = require.resolve('axe-core/package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/**
 * JSON as Prettier writes it (short arrays of plain values on one line), so the committed
 * file passes `prettier --check`; Prettier itself does not load inside jest (dynamic import).
 */
function committedJson(value: unknown): string {
  const json = JSON.stringify(value, null, 2).replace(
    /\[\n\s+([^[\]{}]*?)\n\s*\]/g,
    (_match, items: string) => `[${items.split(/,\n\s+/).join(', ')}]`,
  );
  return `${json}\n`;
}

/** Waits until the page's data has arrived: no request running, no loading message. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="loading-pending"], .status--loading'),
  );
}

async function afterTwoFrames(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
      ),
  );
}

describe('every page, every role, both widths, both languages (axe-core, WCAG 2.1 AA)', () => {
  let browser: Browser;
  const pages = new Map<Role, Page>();
  const language = new Map<Role, string>();
  let ids: DemoIds;
  const results: Checked[] = [];
  const cases = pageCases();

  beforeAll(async () => {
    browser = await launchBrowser();
    // One context per role, each signed in once (sign-ins are throttled), pages reused.
    for (const role of ROLES) {
      const page = await newVisitorPage(browser, { bypassCSP: true });
      await page.goto('/');
      if (role !== 'anonymous') await signInQuietly(page, ROLE_ACCOUNTS[role]);
      pages.set(role, page);
      language.set(role, 'de');
    }
    ids = await findDemoIds(pages.get('coordinator') as Page, pages.get('organizer') as Page);
  }, 120_000);

  afterAll(async () => {
    const complete = results.length === cases.length * LANGUAGES.length * WIDTHS.length;
    const summary = {
      checkedOn: new Date().toISOString().slice(0, 10),
      tool: `axe-core ${axeVersion()}`,
      browser: browser ? `Chromium ${browser.version().split('.')[0]}` : 'Chromium',
      routes: NETWORK_ROUTES.length + CITY_ROUTES.length,
      roles: [...ROLES],
      widths: [...WIDTHS],
      languages: [...LANGUAGES],
      checks: results.length,
      seriousOrCritical: results.reduce((sum, result) => sum + result.violations.length, 0),
    };
    writeFileSync(REPORT_FILE, `${JSON.stringify({ ...summary, complete, results }, null, 2)}\n`);
    // RECORD_ACCESSIBILITY_CHECK=1 writes what the statement shows, from a complete run only.
    if (process.env.RECORD_ACCESSIBILITY_CHECK && complete)
      writeFileSync(STATEMENT_FILE, committedJson(summary));
    await browser?.close();
  });

  it('has a check for every route of web-routes.ts', () => {
    expect(uncheckedRoutes()).toEqual([]);
  });

  for (const lang of LANGUAGES) {
    it.each(cases)(
      `$route as $role (${lang}, 1280 and 320 px) has no serious or critical violations`,
      async ({ route, role, path: pathOf }) => {
        const page = pages.get(role) as Page;
        if (language.get(role) !== lang) {
          await page.evaluate((value) => localStorage.setItem('wissensnetz.language', value), lang);
          language.set(role, lang);
        }
        const target = pathOf(ids);
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(target);
        await settle(page);
        expect(await page.getAttribute('html', 'lang')).toBe(lang);
        expect(await page.locator('h1').count()).toBe(1);

        const found: AxeViolation[] = [];
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 900 });
          // Resize observers (ScrollRegion) answer in the next frames, as they would for a user.
          await afterTwoFrames(page);
          const violations = await seriousViolations(page);
          results.push({ route, path: target, role, language: lang, width, violations });
          found.push(
            ...violations.map((violation) => ({ ...violation, id: `${violation.id}@${width}` })),
          );
        }
        expect(found).toEqual([]);
      },
    );
  }
});
