import { escapeHtml, highlightToHtml } from './highlight';
import { HIGHLIGHT_END as END, HIGHLIGHT_START as START } from './search-index';

/** The <mark> tags of an HTML string in order: balanced means every open closes, none nests. */
function marksBalanced(html: string): boolean {
  let open = false;
  for (const [tag] of html.matchAll(/<\/?mark>/g)) {
    if ((tag === '<mark>') === open) return false;
    open = !open;
  }
  return !open;
}

describe('escapeHtml', () => {
  it.each([
    ['&', '&amp;'],
    ['<', '&lt;'],
    ['>', '&gt;'],
    ['"', '&quot;'],
    ["'", '&#39;'],
    ['&amp;', '&amp;amp;'],
    ['Städte & Gemeinden', 'Städte &amp; Gemeinden'],
    ['<img src=x onerror="alert(1)">', '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'],
    ['', ''],
  ])('%j → %j', (text, html) => {
    expect(escapeHtml(text)).toBe(html);
  });
});

describe('highlightToHtml', () => {
  it('turns the engine’s marks into <mark> around escaped text', () => {
    expect(highlightToHtml(`Das ${START}Ehrenamt${END} & die "${START}Jugend${END}"`)).toBe(
      'Das <mark>Ehrenamt</mark> &amp; die &quot;<mark>Jugend</mark>&quot;',
    );
  });

  it('escapes inside a match as well', () => {
    expect(highlightToHtml(`${START}<b>'x'</b>${END}`)).toBe(
      '<mark>&lt;b&gt;&#39;x&#39;&lt;/b&gt;</mark>',
    );
  });

  it('leaves text without marks as escaped text', () => {
    expect(highlightToHtml(`Omas' "Erzählcafé" <i>`)).toBe(
      'Omas&#39; &quot;Erzählcafé&quot; &lt;i&gt;',
    );
  });

  // Stored text may contain the marks' control characters (input refuses only NUL and
  // lone surrogates); whatever their order, the HTML must stay balanced.
  it.each([
    [`Treffpunkt${START} für alle`, 'Treffpunkt für alle'],
    [`Treffpunkt${END} für alle`, 'Treffpunkt für alle'],
    [`${END}a${START}`, 'a'],
    [`${START}${START}Jugend${END}`, '<mark>Jugend</mark>'],
    [`${START}Jugend${END}${END}`, '<mark>Jugend</mark>'],
    [`${START}a${START}b${END}c${END}`, 'a<mark>b</mark>c'],
    [`${START}a${END}${START}b`, '<mark>a</mark>b'],
  ])('keeps <mark> balanced for %j', (text, html) => {
    const result = highlightToHtml(text);
    expect(result).toBe(html);
    expect(marksBalanced(result)).toBe(true);
    expect(result).not.toContain(START);
    expect(result).not.toContain(END);
  });
});
