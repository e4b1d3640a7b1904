import type { Page } from 'playwright-core';
import { graphql } from './api';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until the search index holds what the test needs: the outbox worker fills it
 * a moment after a write (and after the platform starts), so asking once is not enough.
 */
export async function eventually<T>(
  probe: () => Promise<T | null | undefined>,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(400);
  }
}

/** A published, public demo practice (anonymous search), for pages that need one. */
export async function somePublicPracticeId(): Promise<string> {
  return eventually(
    async () => {
      const { searchPractices } = await graphql<{
        searchPractices: { hits: Array<{ practice: { id: string } }> };
      }>('query { searchPractices(query: "", first: 1) { hits { practice { id } } } }');
      return searchPractices.hits[0]?.practice.id;
    },
    'the demo practices in the search index',
    30_000,
  );
}

/** A published, public demo practice of one city (anonymous search), with what pages show of it. */
export async function somePublicPracticeOf(
  citySlug: string,
): Promise<{ id: string; title: string; city: { name: string } }> {
  return eventually(
    async () => {
      const { searchPractices } = await graphql<{
        searchPractices: {
          hits: Array<{ practice: { id: string; title: string; city: { name: string } } }>;
        };
      }>(
        `
          query ($filter: PracticeSearchFilter) {
            searchPractices(query: "", filter: $filter, first: 1) {
              hits {
                practice {
                  id
                  title
                  city {
                    name
                  }
                }
              }
            }
          }
        `,
        { filter: { citySlugs: [citySlug] } },
      );
      return searchPractices.hits[0]?.practice;
    },
    `a public practice of ${citySlug} in the search index`,
    30_000,
  );
}

/** The smallest file the API accepts as PDF: it checks the leading bytes. */
export function tinyPdf(): Buffer {
  return Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n' +
      '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    'latin1',
  );
}

/** Waits for a page's h1 (the app moves focus there once the data is in). */
export async function waitForHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}
