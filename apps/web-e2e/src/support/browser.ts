import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { baseUrl } from './platform';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../screenshots');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** One Chromium per test file; playwright gives it a fresh temporary user-data-dir. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

/**
 * A page in its own browser context: a first-time visitor with empty localStorage,
 * so the language starts German. The platform's Content-Security-Policy stays on,
 * so the tests also prove the app runs under it; only axe injection needs `bypassCSP`.
 */
export async function newVisitorPage(
  browser: Browser,
  options: { bypassCSP?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    bypassCSP: options.bypassCSP ?? false,
    viewport: { width: 1280, height: 900 },
    locale: 'de-DE',
  });
  return context.newPage();
}

export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
