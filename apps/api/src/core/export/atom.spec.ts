import { describe, expect, it } from 'vitest';
import { child, childrenNamed, parseXml } from '../../../test/xml-reader';
import { escapeXml, toAtom, type AtomFeed } from './atom';

const feed = (title: string, entries: AtomFeed['entries'] = []): AtomFeed => ({
  id: 'https://wn.example/feeds/praxis.atom',
  title,
  self: 'https://wn.example/feeds/praxis.atom',
  page: 'https://wn.example/suche',
  author: 'Wissensnetz',
  lang: 'de',
  entries,
});

describe('Atom feeds', () => {
  it('escapes the characters XML gives a meaning and drops those it cannot hold', () => {
    expect(escapeXml(`a<b>&"c'\u0000\u0008d`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;d');
  });

  it('keeps markup in titles, summaries and links as text', () => {
    const xml = toAtom(
      feed('Kita <&> Schule', [
        {
          id: 'https://wn.example/praxis/1',
          title: '</title><script>alert(1)</script> & "mehr"',
          link: 'https://wn.example/praxis/1?a=1&b=2',
          updated: new Date('2026-11-30T10:00:00Z'),
          published: new Date('2026-11-29T10:00:00Z'),
          author: 'Goch',
          summary: 'Ein <b>fetter</b> Satz\u0001',
          categories: [{ term: 'jugend', label: 'Jugend & Schule' }],
        },
      ]),
    );
    const root = parseXml(xml);
    expect(root.name).toBe('feed');
    expect(root.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(child(root, 'title').text).toBe('Kita <&> Schule');
    expect(child(root, 'updated').text).toBe('2026-11-30T10:00:00.000Z');
    const [entry] = childrenNamed(root, 'entry');
    expect(child(entry, 'title').text).toBe('</title><script>alert(1)</script> & "mehr"');
    expect(child(entry, 'link').attributes.href).toBe('https://wn.example/praxis/1?a=1&b=2');
    expect(child(entry, 'summary').text).toBe('Ein <b>fetter</b> Satz');
    expect(child(child(entry, 'author'), 'name').text).toBe('Goch');
    expect(child(entry, 'category').attributes.label).toBe('Jugend & Schule');
  });

  it('gives an empty feed a stable updated date', () => {
    const root = parseXml(toAtom(feed('Leer')));
    expect(child(root, 'updated').text).toBe('1970-01-01T00:00:00.000Z');
    expect(childrenNamed(root, 'entry')).toEqual([]);
  });

  it('the test reader refuses what is not well-formed', () => {
    expect(() => parseXml('<a>x & y</a>')).toThrow(/bare/);
    expect(() => parseXml('<a><b></a></b>')).toThrow(/closes/);
    expect(() => parseXml('<a>1 < 2</a>')).toThrow();
    expect(() => parseXml('<a x=1/>')).toThrow(/malformed/);
    expect(() => parseXml('<a>&nbsp;</a>')).toThrow(/unknown entity/);
    expect(() => parseXml('<a/><b/>')).toThrow(/second root/);
  });
});
