import MarkdownIt from 'markdown-it';

/**
 * The editors' preview. Raw HTML stays text (`html: false`), and markdown-it refuses
 * `javascript:` and similar links, so the preview cannot run anything; the saved page
 * shows the server's own sanitized rendering.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: false });

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export interface RenderOptions {
  /**
   * The level a `#` heading becomes, as the API renders the saved text (practice body h3,
   * tandem notes h4, conference minutes h5). Deeper ones follow in order and stop at h6.
   */
  topHeading?: HeadingLevel;
}

export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  const shift = (options.topHeading ?? 1) - 1;
  if (shift === 0) return markdown.render(source);
  const tokens = markdown.parse(source, {});
  for (const token of tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + shift)}`;
    }
  }
  return markdown.renderer.render(tokens, markdown.options, {});
}
