import { renderWithHeadings, type HeadingLevel, type RenderOptions } from '@wissensnetz/domain';
import MarkdownIt from 'markdown-it';

/**
 * The editors' preview. Raw HTML stays text (`html: false`), and markdown-it refuses
 * `javascript:` and similar links, so the preview cannot run anything; the saved page
 * shows the server's own sanitized rendering.
 */
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false });

export type { HeadingLevel, RenderOptions };

export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  return renderWithHeadings(markdown, source, options);
}

/** markdown-it's token stream of a text, for code that reads its structure (the history's diff). */
export function parseMarkdown(source: string): ReturnType<MarkdownIt['parse']> {
  return markdown.parse(source, {});
}
