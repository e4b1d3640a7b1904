/**
 * Markdown as plain text for a search document: markup characters only disturb matching
 * and snippets. Code blocks and images go, a link keeps its label.
 *
 * Every pattern runs in linear time, whatever the text: stored text is the input (a
 * record's minutes hold up to 20,000 characters) and the outbox worker runs in the API
 * process, so a pattern that backtracks over the rest of the text at every `[` would
 * hold the event loop for seconds. A label stops at the next bracket, a link target at
 * the next parenthesis that does not close one pair nested inside it.
 */
const CODE_BLOCK = /```[\s\S]*?```/g;
const TARGET = String.raw`\((?:[^()]|\([^()]*\))*\)`;
const IMAGE = new RegExp(String.raw`!\[[^[\]]*\]${TARGET}`, 'g');
const LINK = new RegExp(String.raw`\[([^[\]]*)\]${TARGET}`, 'g');
const MARKUP = /[#>*_`~|-]+/g;

export function stripMarkdown(markdown: string): string {
  return markdown
    .replace(CODE_BLOCK, ' ')
    .replace(IMAGE, ' ')
    .replace(LINK, '$1')
    .replace(MARKUP, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
