import { shiftHeadings, type HeadingLevel } from '@wissensnetz/domain';
import MarkdownIt from 'markdown-it';

/**
 * The editors' preview. Raw HTML stays text (`html: false`), and markdown-it refuses
 * `javascript:` and similar links, so the preview cannot run anything; the saved page
 * shows the server's own sanitized rendering.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false });

export type { HeadingLevel };

export interface RenderOptions {
  /**
   * The level a `#` heading becomes, as the API renders the saved text (practice body h3,
   * tandem notes h4, conference minutes h5). Deeper ones follow in order and stop at h6.
   */
  topHeading?: HeadingLevel;
}

export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  const tokens = markdown.parse(source, {});
  shiftHeadings(tokens, options.topHeading);
  return markdown.renderer.render(tokens, markdown.options, {});
}
