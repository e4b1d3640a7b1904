import type { Browser, Page } from 'playwright-core';
import { graphql } from './support/api';
import { seriousViolations } from './support/axe';
import {
  closePage,
  launchBrowser,
  newVisitorPage,
  saveScreenshot,
  SCREENSHOT_DIR,
} from './support/browser';
import { tabTo } from './support/keyboard';

interface ApiCity {
  slug: string;
  name: string;
  cohort: number;
  supportPhase: string;
  latitude: number | null;
}

/** Every member city as the API tells an anonymous visitor (the network is under 100 in the demo). */
async function apiCities(filter: Record<string, unknown> | null = null): Promise<ApiCity[]> {
  const { cities } = await graphql<{ cities: { edges: Array<{ node: ApiCity }> } }>(
    `
      query ($filter: CityFilter) {
        cities(first: 100, filter: $filter) {
          edges {
            node {
              slug
              name
              cohort
              supportPhase
              latitude
            }
          }
        }
      }
    `,
    { filter },
  );
  return cities.edges.map((edge) => edge.node);
}

async function openMap(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await page.getByTestId('map-point').first().waitFor();
}

describe('the network map on the start page (anonymous visitor)', () => {
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

  it('shows one point per city and lists every city in the text alternative', async () => {
    await openMap(page);
    const cities = await apiCities();
    const placed = cities.filter((city) => city.latitude !== null).map((city) => city.slug);
    const points = await page
      .getByTestId('map-point')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-slug')));
    expect(points.sort()).toEqual(placed.sort());
    const rows = await page
      .getByTestId('map-table-row')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-slug')));
    expect(rows.sort()).toEqual(cities.map((city) => city.slug).sort());
    // The state borders and the public tandems are drawn too.
    expect(await page.locator('.network-map__state').count()).toBe(16);
    expect(await page.getByTestId('map-tandem').count()).toBeGreaterThan(0);
    const herford = page.locator('[data-testid="map-table-row"][data-slug="herford"]');
    expect(await herford.locator('td').nth(3).textContent()).toBe('Lemgo');
  });

  it('names a point on keyboard focus and opens its city with Enter', async () => {
    await openMap(page);
    const reached = await tabTo(page, /^Cloppenburg: /, { max: 200 });
    expect(reached.name).toMatch(
      /^Cloppenburg: Stadt, Niedersachsen, Jahrgang 2024, (Förderjahr \d von 3|Alumni)$/,
    );
    const tooltip = page.getByTestId('map-tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toContain('Cloppenburg');
    expect(await tooltip.textContent()).toContain('Jahrgang 2024');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/cloppenburg');
    await page.locator('h1', { hasText: 'Cloppenburg' }).waitFor();
    expect(await page.getByTestId('city-phase').textContent()).toMatch(
      /^Jahrgang 2024 · (Förderjahr [123] von 3|Alumni seit 2027)$/,
    );
  });

  it('switches colour and shape from cohort to kind, with the legend', async () => {
    await openMap(page);
    const legend = page.getByTestId('map-legend');
    expect(await legend.textContent()).toContain('Jahrgang 2024');
    const colourBefore = await page
      .getByTestId('map-point')
      .first()
      .locator('path')
      .getAttribute('fill');
    await page.getByRole('radio', { name: 'Art', exact: true }).check();
    await page.getByTestId('network-map').and(page.locator('[data-mode="kind"]')).waitFor();
    expect(await legend.textContent()).toContain('Stadtteil');
    expect(await legend.textContent()).not.toContain('Jahrgang 2024');
    const shapes = await page
      .getByTestId('map-point')
      .evaluateAll(
        (elements) => new Set(elements.map((e) => e.querySelector('path')?.getAttribute('d'))).size,
      );
    expect(shapes).toBeGreaterThan(1);
    expect(colourBefore).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('filters map and table by cohort from the URL (?jahrgang=2024)', async () => {
    await openMap(page, '?jahrgang=2015');
    const cohort = (await apiCities({ joinedYear: 2015 })).map((city) => city.slug);
    expect(cohort.length).toBeGreaterThan(0);
    const points = await page
      .getByTestId('map-point')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-slug')));
    expect(points.sort()).toEqual(cohort.sort());
    expect(await page.getByTestId('map-table-row').count()).toBe(cohort.length);
    expect(await page.getByLabel('Beitrittsjahr').inputValue()).toBe('2015');
    // Choosing another cohort writes it into the address.
    await page.getByLabel('Beitrittsjahr').selectOption('2024');
    await page.waitForURL(/jahrgang=2024/);
  });

  it('has no serious accessibility violations, at 1280 and at 320 px', async () => {
    await openMap(page);
    await page.getByTestId('map-table').locator('summary').click();
    expect(await seriousViolations(page)).toEqual([]);
    await saveScreenshot(page, 'network-map-1280');
    await page.getByRole('link', { name: /^Husum: / }).focus();
    await page
      .locator('.network-map')
      .screenshot({ path: `${SCREENSHOT_DIR}/network-map-1280-focus.png` });
    await page.setViewportSize({ width: 320, height: 800 });
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    await saveScreenshot(page, 'network-map-320');
    await page
      .locator('.network-map')
      .screenshot({ path: `${SCREENSHOT_DIR}/network-map-320-map.png` });
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
