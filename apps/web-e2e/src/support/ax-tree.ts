import type { Locator, Page } from 'playwright-core';

/** One element as Chromium's accessibility tree presents it to screen readers. */
export interface AxNode {
  role: string;
  name: string;
  /** Read after the name: hints and error messages (aria-describedby). */
  description: string;
  invalid: boolean;
  focused: boolean;
}

interface RawAxNode {
  role?: { value?: string };
  name?: { value?: string };
  description?: { value?: string };
  properties?: Array<{ name: string; value: { value?: unknown } }>;
}

/** Asks Chromium (DevTools protocol) for the accessible role, name, description and state. */
export async function axNode(page: Page, locator: Locator): Promise<AxNode> {
  const marker = `ax-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await locator.evaluate((element, value) => element.setAttribute('data-ax-probe', value), marker);
  const client = await page.context().newCDPSession(page);
  try {
    const { root } = (await client.send('DOM.getDocument', { depth: 0 })) as {
      root: { nodeId: number };
    };
    const { nodeId } = (await client.send('DOM.querySelector', {
      nodeId: root.nodeId,
      selector: `[data-ax-probe="${marker}"]`,
    })) as { nodeId: number };
    const { nodes } = (await client.send('Accessibility.getPartialAXTree', {
      nodeId,
      fetchRelatives: false,
    })) as { nodes: RawAxNode[] };
    const node = nodes[0] ?? {};
    const property = (name: string) =>
      node.properties?.find((entry) => entry.name === name)?.value.value;
    const invalid = property('invalid');
    return {
      role: node.role?.value ?? '',
      name: node.name?.value ?? '',
      description: node.description?.value ?? '',
      invalid: invalid !== undefined && invalid !== 'false' && invalid !== false,
      focused: property('focused') === true,
    };
  } finally {
    await client.detach();
    await locator.evaluate((element) => element.removeAttribute('data-ax-probe'));
  }
}
