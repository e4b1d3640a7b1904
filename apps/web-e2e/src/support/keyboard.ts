import type { Page } from 'playwright-core';

export interface Focused {
  tag: string;
  /** The accessible name, roughly as a screen reader says it (aria-label, label, text). */
  name: string;
  type: string;
}

/** What has the keyboard focus now. */
export function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const text = (ids: string) =>
      ids
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
    const labelledBy = element.getAttribute('aria-labelledby');
    const labels = (element as HTMLInputElement).labels;
    const name =
      element.getAttribute('aria-label') ??
      (labelledBy ? text(labelledBy) : null) ??
      (labels && labels.length > 0
        ? [...labels].map((label) => label.textContent).join(' ')
        : null) ??
      element.textContent ??
      '';
    return {
      tag: element.tagName,
      name: name.replace(/\s+/g, ' ').trim(),
      type: element.getAttribute('type') ?? '',
    };
  });
}

/**
 * Presses Tab (or Shift+Tab) until the focused element's accessible name matches, as a
 * keyboard user moves through a page; fails when it is not reached within `max` steps.
 */
export async function tabTo(
  page: Page,
  name: RegExp,
  { max = 80, backwards = false }: { max?: number; backwards?: boolean } = {},
): Promise<Focused> {
  const seen: string[] = [];
  for (let step = 0; step < max; step += 1) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const now = await focused(page);
    if (now && name.test(now.name)) return now;
    seen.push(now ? `${now.tag} “${now.name.slice(0, 40)}”` : 'nothing');
  }
  throw new Error(`Tab never reached ${name}; passed: ${seen.join(', ')}`);
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, name: RegExp, text: string): Promise<void> {
  await tabTo(page, name);
  await page.keyboard.type(text);
}
