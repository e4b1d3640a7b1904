import { shiftHeadings, type HeadingLevel } from '@wissensnetz/domain';
import MarkdownIt from 'markdown-it';

// Raw HTML off: whatever an editor types is escaped. markdown-it also refuses
// javascript:, vbscript: and data: links (except images of safe types).
const markdown = new MarkdownIt({ html: false, linkify: true, typographer: true, breaks: false });

const defaultLinkOpen =
  markdown.renderer.rules.link_open ??
  ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index].attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, index, options, env, self);
};

export interface RenderOptions {
  /**
   * The level a `#` heading becomes: the page already has headings above the text
   * (a practice body sits under an h2, so its headings start at h3). Deeper ones
   * follow in order and stop at h6, so the outline never jumps back up.
   */
  topHeading?: HeadingLevel;
}

export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  const tokens = markdown.parse(source, {});
  shiftHeadings(tokens, options.topHeading);
  return markdown.renderer.render(tokens, markdown.options, {});
}
