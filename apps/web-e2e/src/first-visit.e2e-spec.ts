import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { closePage, launchBrowser, newVisitorPage } from './support/browser';

/** Issue 18: the first visit to `/` downloads at most this much, compressed, in all. */
const BUDGET_BYTES = 200 * 1024;
const RESULTS_DIR = path.resolve(__dirname, '../../../bench/results');
/** Issue 15: first paint of `/` with the map within this (recorded, not asserted: no timing in tests). */
const MAP_PAINT_TARGET_MS = 1000;
/** Set by NetworkMap.tsx once its points are drawn. */
const MAP_DRAWN_MARK = 'wissensnetz:network-map-drawn';

/** scripts/compress-web.mjs leaves files smaller than this uncompressed (not worth it). */
const UNCOMPRESSED_BELOW_BYTES = 512;

interface Transfer {
  url: string;
  encoding: string;
  bytes: number;
  /** Content-Length of an uncompressed answer (the body alone). */
  bodyBytes?: number;
}

/**
 * What a first visit costs on the wire: every response's encodedDataLength (Chrome DevTools
 * Protocol, headers and compressed body) summed until the start page has settled, on a
 * fresh browser context (empty cache). The figure goes into
 * bench/results/first-visit-<date>.json.
 */
describe('first visit', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async () => {
    page = await newVisitorPage(browser, { bypassCSP: true });
  });
  afterEach(async () => {
    await closePage(page);
  });

  it('records what the start page with its map downloads and when it paints; scripts and styles as brotli', async () => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const responses = new Map<string, { url: string; encoding: string; bodyBytes?: number }>();
    const transfers: Transfer[] = [];
    cdp.on('Network.responseReceived', (event) => {
      const headers = Object.fromEntries(
        Object.entries(event.response.headers).map(([name, value]) => [name.toLowerCase(), value]),
      );
      responses.set(event.requestId, {
        url: event.response.url,
        encoding: String(headers['content-encoding'] ?? 'identity'),
        bodyBytes: headers['content-length'] ? Number(headers['content-length']) : undefined,
      });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const response = responses.get(event.requestId);
      transfers.push({
        url: response?.url ?? event.requestId,
        encoding: response?.encoding ?? 'unknown',
        bytes: event.encodedDataLength,
        bodyBytes: response?.bodyBytes,
      });
    });

    await page.goto('/', { waitUntil: 'networkidle' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByTestId('map-point').first().waitFor();
    const paint = await page.evaluate((mark) => {
      const at = (entries: PerformanceEntryList) =>
        entries[0] ? Math.round(entries[0].startTime) : null;
      return {
        firstContentfulPaintMs: at(performance.getEntriesByName('first-contentful-paint')),
        mapDrawnMs: at(performance.getEntriesByName(mark)),
      };
    }, MAP_DRAWN_MARK);

    const total = transfers.reduce((sum, transfer) => sum + transfer.bytes, 0);
    const date = new Date().toISOString().slice(0, 10);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(
      path.join(RESULTS_DIR, `first-visit-${date}.json`),
      `${JSON.stringify(
        {
          date: new Date().toISOString(),
          measure:
            'sum of Network.loadingFinished.encodedDataLength, first visit to / (empty cache)',
          budgetBytes: BUDGET_BYTES,
          totalBytes: total,
          totalKiB: Math.round((total / 1024) * 10) / 10,
          met: total <= BUDGET_BYTES,
          paint: {
            ...paint,
            targetMs: MAP_PAINT_TARGET_MS,
            met: paint.mapDrawnMs !== null && paint.mapDrawnMs <= MAP_PAINT_TARGET_MS,
            note: 'navigation start to the map points drawn, headless Chromium, same machine as the API',
          },
          transfers: transfers
            .map((transfer) => ({ ...transfer, url: new URL(transfer.url).pathname }))
            .sort((a, b) => b.bytes - a.bytes),
        },
        null,
        2,
      )}\n`,
    );

    const assets = transfers.filter((transfer) =>
      /\.(js|css)$/.test(new URL(transfer.url).pathname),
    );
    expect(assets.length).toBeGreaterThan(0);
    const tiny = (asset: Transfer) =>
      asset.encoding === 'identity' &&
      asset.bodyBytes !== undefined &&
      asset.bodyBytes < UNCOMPRESSED_BELOW_BYTES;
    expect(assets.filter((asset) => asset.encoding !== 'br' && !tiny(asset))).toEqual([]);
    expect(paint.mapDrawnMs).not.toBeNull();
    // The byte budget is a target like the paint time: recorded in the result file (`met`),
    // compared across runs in bench/README.md, not asserted here.
    expect(total).toBeGreaterThan(0);
  });
});
