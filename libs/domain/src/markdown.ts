/** A heading level: what `#` becomes when Markdown is shown below a page's own headings. */
export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Moves the heading tokens of a parsed Markdown text (markdown-it's `heading_open` /
 * `heading_close`) so that `#` becomes `topHeading`; deeper ones follow in order and stop
 * at h6. The API's rendering and the web's editor preview both use it, so they agree.
 */
export function shiftHeadings(
  tokens: ReadonlyArray<{ type: string; tag: string }>,
  topHeading: HeadingLevel = 1,
): void {
  const shift = topHeading - 1;
  if (shift === 0) return;
  for (const token of tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      (token as { tag: string }).tag = `h${Math.min(6, Number(token.tag.slice(1)) + shift)}`;
    }
  }
}

export interface RenderOptions {
  /**
   * The level a `#` heading becomes on the page: the practice body sits under an h2
   * (h3), tandem notes under an h3 (h4), conference minutes under an h4 (h5).
   */
  topHeading?: HeadingLevel;
}

/** What renderWithHeadings needs of a markdown-it instance (kept structural: no dependency here). */
interface MarkdownRenderer<Token extends { type: string; tag: string }, Options> {
  parse(source: string, env: object): Token[];
  renderer: { render(tokens: Token[], options: Options, env: object): string };
  options: Options;
}

/** Renders with the given markdown-it instance, headings shifted (see shiftHeadings). */
export function renderWithHeadings<Token extends { type: string; tag: string }, Options>(
  markdown: MarkdownRenderer<Token, Options>,
  source: string,
  options: RenderOptions = {},
): string {
  const tokens = markdown.parse(source, {});
  shiftHeadings(tokens, options.topHeading);
  return markdown.renderer.render(tokens, markdown.options, {});
}
