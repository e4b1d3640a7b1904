import type { Page } from 'playwright-core';
import type { AxeResults, Result } from 'axe-core';

const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  targets: string[];
}

declare global {
  interface Window {
    axe: { run: (context?: unknown, options?: unknown) => Promise<AxeResults> };
  }
}

/** Violations of impact serious or critical, WCAG 2.1 A/AA rules plus axe best practices. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Once per document; passes and incomplete results are not needed, which saves most of the time.
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SCRIPT });
  const results = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  return results.violations
    .filter(
      (violation: Result) => violation.impact === 'serious' || violation.impact === 'critical',
    )
    .map((violation: Result) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}
