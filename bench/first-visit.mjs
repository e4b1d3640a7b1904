#!/usr/bin/env node
// First visit to the start page (bench/README.md, "first-visit.mjs"): the built platform
// with the demo network (as `npm start`), headless Chromium with the e2e suite's flags,
// FIRST_VISIT_ROUNDS (default 15) visits to `/` on a fresh browser context each (empty
// cache), each next to a visit to `/health` (the floor: navigation and first paint of a
// page without any script, same server, same browser, same moment).
// Records the bytes on the wire per response, first contentful paint, when the map's
// points are drawn (the mark NetworkMap.tsx sets), when each script and GraphQL request
// finished, and Chromium's own task/script/layout durations.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import {
  load,
  machine,
  median,
  percentile,
  root,
  round,
  startDemoPlatform,
} from './demo-platform.mjs';

const ROUNDS = Number(process.env.FIRST_VISIT_ROUNDS ?? 15);
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Those of apps/web-e2e/src/support/browser.ts.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const MAP_DRAWN_MARK = 'wissensnetz:network-map-drawn';
const MAP_PAINT_TARGET_MS = 1000;
const BUDGET_BYTES = 200 * 1024;

async function visit(browser, url, path) {
  const context = await browser.newContext({
    baseURL: url,
    viewport: { width: 1280, height: 900 },
    locale: 'de-DE',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Performance.enable');
  const urls = new Map();
  const transfers = [];
  cdp.on('Network.responseReceived', (event) => {
    const headers = Object.fromEntries(
      Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]),
    );
    urls.set(event.requestId, {
      url: new URL(event.response.url).pathname,
      encoding: String(headers['content-encoding'] ?? 'identity'),
    });
  });
  cdp.on('Network.loadingFinished', (event) => {
    transfers.push({ ...urls.get(event.requestId), bytes: event.encodedDataLength });
  });
  try {
    await page.goto(path, { waitUntil: 'load' });
    if (path === '/') await page.getByTestId('map-point').first().waitFor();
    else
      await page.waitForFunction(
        () => performance.getEntriesByName('first-contentful-paint').length > 0,
      );
    // Every request of the start page has finished (the tandems' lines come after the points).
    await page.waitForLoadState('networkidle');
    const timings = await page.evaluate((mark) => {
      const at = (name) => {
        const entry = performance.getEntriesByName(name)[0];
        return entry ? Math.round(entry.startTime) : null;
      };
      const navigation = performance.getEntriesByType('navigation')[0];
      return {
        firstContentfulPaintMs: at('first-contentful-paint'),
        mapDrawnMs: at(mark),
        htmlResponseEndMs: Math.round(navigation.responseEnd),
        domContentLoadedMs: Math.round(navigation.domContentLoadedEventEnd),
        resources: performance.getEntriesByType('resource').map((entry) => ({
          path: new URL(entry.name).pathname,
          startMs: Math.round(entry.startTime),
          endMs: Math.round(entry.responseEnd),
        })),
      };
    }, MAP_DRAWN_MARK);
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name) => round((metrics.find((m) => m.name === name)?.value ?? 0) * 1000);
    return {
      ...timings,
      chromium: {
        taskMs: metric('TaskDuration'),
        scriptMs: metric('ScriptDuration'),
        layoutMs: metric('LayoutDuration'),
        styleMs: metric('RecalcStyleDuration'),
      },
      totalBytes: transfers.reduce((sum, t) => sum + t.bytes, 0),
      transfers: transfers.sort((a, b) => b.bytes - a.bytes),
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const loadBefore = load();
  const platform = await startDemoPlatform('first-visit');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    headless: true,
  });
  const samples = [];
  try {
    // Warm-up: the API's first requests (and the OS file cache) are not a visitor's.
    await visit(browser, platform.url, '/');
    await visit(browser, platform.url, '/health');
    for (let i = 0; i < ROUNDS; i++) {
      const order = i % 2 === 0 ? ['/', '/health'] : ['/health', '/'];
      const sample = { load: load() };
      for (const path of order)
        sample[path === '/' ? 'start' : 'floor'] = await visit(browser, platform.url, path);
      samples.push(sample);
      console.log(
        `round ${i + 1}: map drawn ${sample.start.mapDrawnMs} ms, FCP ${sample.start.firstContentfulPaintMs} ms, floor FCP ${sample.floor.firstContentfulPaintMs} ms, ${sample.start.totalBytes} B, load ${sample.load[0]}`,
      );
    }
  } finally {
    await browser.close();
    await platform.stop();
  }
  const of = (pick) => samples.map(pick).filter((v) => v !== null);
  const stat = (pick) => ({ p50: median(of(pick)), p95: percentile(of(pick), 95) });
  const mapDrawn = stat((s) => s.start.mapDrawnMs);
  const floor = stat((s) => s.floor.firstContentfulPaintMs);
  const last = samples[samples.length - 1].start;
  const commit = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root }).stdout?.toString().trim();
  const dirty =
    spawnSync('git', ['status', '--porcelain', 'apps/web'], { cwd: root })
      .stdout?.toString()
      .trim() !== '';
  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    commit,
    uncommittedWebChanges: dirty,
    loadavg: { before: loadBefore, perRound: samples.map((s) => s.load[0]), after: load() },
    rounds: ROUNDS,
    mapDrawnMs: {
      ...mapDrawn,
      targetMs: MAP_PAINT_TARGET_MS,
      met: mapDrawn.p50 <= MAP_PAINT_TARGET_MS,
    },
    firstContentfulPaintMs: stat((s) => s.start.firstContentfulPaintMs),
    floorFirstContentfulPaintMs: floor,
    ratioMapDrawnToFloorP50: round(mapDrawn.p50 / floor.p50),
    chromiumMs: {
      task: stat((s) => s.start.chromium.taskMs).p50,
      script: stat((s) => s.start.chromium.scriptMs).p50,
      layout: stat((s) => s.start.chromium.layoutMs).p50,
      style: stat((s) => s.start.chromium.styleMs).p50,
    },
    bytes: {
      total: last.totalBytes,
      totalKiB: round(last.totalBytes / 1024),
      budget: BUDGET_BYTES,
      met: last.totalBytes <= BUDGET_BYTES,
      scripts: last.transfers
        .filter((t) => t.url.endsWith('.js'))
        .reduce((sum, t) => sum + t.bytes, 0),
    },
    lastVisit: last,
    samples,
  };
  const date = results.date.slice(0, 10);
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `first-visit-bench-${date}${process.env.FIRST_VISIT_SUFFIX ?? ''}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  const { samples: _samples, lastVisit: _last, ...summary } = results;
  console.log(JSON.stringify(summary, null, 2));
  console.log(`written to ${relative(root, file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
