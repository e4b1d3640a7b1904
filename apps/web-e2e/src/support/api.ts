import { baseUrl } from './platform';

/**
 * Asks the running API directly, so the browser tests compare what the page shows
 * with what the platform holds instead of with numbers copied into the test.
 */
export async function graphql<T>(
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (!response.ok || body.errors?.length || !body.data) {
    throw new Error(
      `GraphQL request failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body)}`,
    );
  }
  return body.data;
}
