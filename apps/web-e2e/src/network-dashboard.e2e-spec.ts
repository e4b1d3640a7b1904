import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { ORGANIZER, signInQuietly } from './support/accounts';
import { seriousViolations } from './support/axe';
import { closePage, launchBrowser, newVisitorPage, saveScreenshot } from './support/browser';

/**
 * The network in numbers (/netzwerk/zahlen): a visitor sees the public figures as charts,
 * tables and CSV; the organizer sees the network office's figures too. Reads only; signs
 * in once, as the organizer.
 */
describe('network figures and dashboard', () => {
  let browser: Browser;
  let visitor: Page;
  let organizer: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    // The platform's Content-Security-Policy stays on for the visitor: the charts draw under it.
    visitor = await newVisitorPage(browser);
    organizer = await newVisitorPage(browser, { bypassCSP: true });
    await organizer.goto('/');
    await signInQuietly(organizer, ORGANIZER);
  }, 60_000);
  afterAll(async () => {
    await closePage(visitor);
    await closePage(organizer);
    await browser?.close();
  });

  it('links the figures from the start page; a visitor sees the public charts, not the office’s', async () => {
    const refused: string[] = [];
    visitor.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy'))
        refused.push(message.text());
    });
    await visitor.goto('/');
    await visitor.getByTestId('figures-link').click();
    await visitor.waitForURL('**/netzwerk/zahlen');
    await visitor.getByRole('heading', { level: 1, name: 'Das Netzwerk in Zahlen' }).waitFor();
    const cities = visitor.getByTestId('figure-staedte-nach-bundesland');
    await cities.locator('figcaption', { hasText: 'Mitgliedskommunen je Bundesland' }).waitFor();
    await cities.locator('svg[role="img"]').waitFor();
    await visitor.getByTestId('chart-praxis-nach-thema').locator('svg').waitFor();
    expect(await visitor.getByRole('heading', { name: 'Für das Netzwerkbüro' }).count()).toBe(0);
    expect(await visitor.getByTestId('figure-suchen-ohne-treffer').count()).toBe(0);
    // Plot's own <style> element is taken out before the chart is shown: nothing refused.
    expect(refused).toEqual([]);
    await saveScreenshot(visitor, 'network-figures-visitor-1280');
  });

  it('offers every chart as a table and as CSV with German column names', async () => {
    const cities = visitor.getByTestId('figure-staedte-nach-bundesland');
    await cities.getByText('Als Tabelle').click();
    const table = cities.getByRole('table');
    await table.getByRole('columnheader', { name: 'Bundesland' }).waitFor();
    expect(await table.getByRole('rowheader').count()).toBeGreaterThan(0);
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      cities.getByTestId('csv-staedte-nach-bundesland').click(),
    ]);
    expect(download.suggestedFilename()).toBe('staedte-nach-bundesland.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv.startsWith('\uFEFFBundesland;Jahrgang;Kommunen\r\n')).toBe(true);
    expect(csv.split('\r\n').length).toBeGreaterThan(2);
  });

  it('shows where the cities stand in their support period, the same cities as per state', async () => {
    const phases = visitor.getByTestId('figure-staedte-nach-foerderphase');
    await phases.locator('figcaption', { hasText: 'je Förderphase' }).waitFor();
    await phases.getByText('Als Tabelle').click();
    const phaseNames = await phases
      .locator('tbody tr > :first-child')
      .evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim()));
    expect(phaseNames).toEqual([
      'Förderjahr 1 von 3',
      'Förderjahr 2 von 3',
      'Förderjahr 3 von 3',
      'Alumni',
    ]);
    const sum = async (figure: string, column: number) =>
      (
        await visitor
          .getByTestId(`figure-${figure}`)
          .locator(`tbody tr > :nth-child(${column})`)
          .evaluateAll((cells) => cells.map((cell) => Number(cell.textContent)))
      ).reduce((total, value) => total + value, 0);
    const perPhase = await sum('staedte-nach-foerderphase', 2);
    expect(perPhase).toBeGreaterThan(0);
    expect(perPhase).toBe(await sum('staedte-nach-bundesland', 3));
  });

  it('narrows the figures to a cohort (?jahrgang=)', async () => {
    const filter = visitor.getByTestId('cohort-filter');
    const years = await filter
      .locator('option')
      .evaluateAll((options) =>
        options.map((option) => (option as HTMLOptionElement).value).filter(Boolean),
      );
    expect(years.length).toBeGreaterThan(0);
    await filter.selectOption(years[0]);
    await visitor.waitForURL(`**/netzwerk/zahlen?jahrgang=${years[0]}`);
    const cities = visitor.getByTestId('figure-staedte-nach-bundesland');
    // Opened by the test before; it stays open while the figures change.
    await cities.locator('details[open]').waitFor();
    // Until the narrowed answer is drawn the table still shows every cohort.
    await visitor.waitForFunction((year) => {
      const cells = [
        ...document.querySelectorAll(
          '[data-testid="figure-staedte-nach-bundesland"] tbody tr td:nth-child(2)',
        ),
      ];
      return cells.length > 0 && cells.every((cell) => cell.textContent === year);
    }, years[0]);
    const cohorts = await cities
      .locator('tbody tr td:nth-child(2)')
      .evaluateAll((cells) => cells.map((cell) => cell.textContent));
    expect(new Set(cohorts)).toEqual(new Set([years[0]]));
  });

  it('shows the organizer the office’s figures, with 0 serious axe violations, also at 320 px', async () => {
    await organizer.goto('/netzwerk/zahlen');
    await organizer.getByRole('heading', { level: 2, name: 'Für das Netzwerkbüro' }).waitFor();
    // The demo network has tandems; the other figures may be empty there ("Noch keine Daten").
    await organizer.getByTestId('chart-tandems-nach-status').locator('svg').waitFor();
    for (const name of [
      'tandems-nach-dauer',
      'anmeldungen-nach-bundesland',
      'folgeaufgaben-nach-stadt',
      'suchen-ohne-treffer',
    ])
      await organizer.getByTestId(`figure-${name}`).waitFor();
    await saveScreenshot(organizer, 'network-dashboard-organizer-1280');
    expect(await seriousViolations(organizer)).toEqual([]);
    await organizer.setViewportSize({ width: 320, height: 800 });
    // Two frames, so the charts have been drawn again at the new width.
    await organizer.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    await organizer.getByTestId('chart-tandems-nach-status').locator('svg').waitFor();
    const overflow = await organizer.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(organizer, 'network-dashboard-organizer-320');
    expect(await seriousViolations(organizer)).toEqual([]);
  });
});
