import type { Browser, Page } from 'playwright-core';
import { graphql } from './api';
import { signInQuietly } from './accounts';
import { newVisitorPage } from './browser';

/** The tandem of two cities in a status, from the public API (who pairs with whom is public). */
export async function tandemIdOf(
  citySlug: string,
  partnerSlug: string,
  status: 'PROPOSED' | 'ACTIVE' | 'CONCLUDED' | 'DECLINED',
): Promise<string> {
  const { tandems } = await graphql<{
    tandems: {
      edges: Array<{
        node: { id: string; newCity: { slug: string }; partnerCity: { slug: string } };
      }>;
    };
  }>(
    `
      query ($filter: TandemFilter) {
        tandems(first: 100, filter: $filter) {
          edges {
            node {
              id
              newCity {
                slug
              }
              partnerCity {
                slug
              }
            }
          }
        }
      }
    `,
    { filter: { citySlug, status } },
  );
  const found = tandems.edges.find(
    ({ node }) => node.newCity.slug === partnerSlug || node.partnerCity.slug === partnerSlug,
  );
  if (!found) throw new Error(`no ${status} tandem of ${citySlug} with ${partnerSlug}`);
  return found.node.id;
}

/** A fresh browser context signed in as `email`, already on the site. */
export async function signedInPage(
  browser: Browser,
  email: string,
  options: { bypassCSP?: boolean } = {},
): Promise<Page> {
  const page = await newVisitorPage(browser, options);
  await page.goto('/');
  await signInQuietly(page, email);
  return page;
}

/** Opens a tandem's page and waits until its data (and, for members, the timeline) is in. */
export async function openTandem(page: Page, citySlug: string, tandemId: string): Promise<void> {
  await page.goto(`/${citySlug}/tandems/${tandemId}`);
  await page.getByTestId('tandem-page').waitFor();
}
