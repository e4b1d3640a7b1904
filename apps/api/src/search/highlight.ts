import { HIGHLIGHT_END, HIGHLIGHT_START } from './search-index';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML: every character with a meaning in markup or in an attribute is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

const MARKED = new RegExp(
  `${HIGHLIGHT_START}([^${HIGHLIGHT_START}${HIGHLIGHT_END}]*)${HIGHLIGHT_END}`,
  'g',
);
const STRAY_MARK = new RegExp(`[${HIGHLIGHT_START}${HIGHLIGHT_END}]`, 'g');

/**
 * A highlighted copy from the engine (matches between HIGHLIGHT_START and HIGHLIGHT_END)
 * as HTML: escaped text, matches in <mark>. Stored text may hold the marks' control
 * characters itself (only NUL and lone surrogates are refused at input), so only a
 * START closed by an END becomes a <mark> pair and every other mark character is
 * dropped: the result never leaves a <mark> open or closes one that was not opened.
 */
export function highlightToHtml(text: string): string {
  return escapeHtml(text).replace(MARKED, '<mark>$1</mark>').replace(STRAY_MARK, '');
}
