import { renderWithHeadings, type RenderOptions } from '@wissensnetz/domain';
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

export function renderMarkdown(source: string, options: RenderOptions = {}): string {
  return renderWithHeadings(markdown, source, options);
}
