/**
 * The one way the platform writes Atom feeds (RFC 4287). Small on purpose: a feed of
 * entries with an id, a title, a link, an author, dates, a plain-text summary and
 * categories. Every text goes through escapeXml, so a title like `Kita <&> Schule` is
 * text in the feed, never markup.
 */

export interface AtomEntry {
  /** A stable IRI that never changes for this entry (here: the page's address). */
  id: string;
  title: string;
  /** The page in the web app (rel="alternate"). */
  link: string;
  updated: Date;
  published?: Date | null;
  /** Who the entry is from: a city, never a person. */
  author: string;
  summary: string;
  categories?: ReadonlyArray<{ term: string; label: string }>;
}

export interface AtomFeed {
  /** A stable IRI of the feed (here: its own address). */
  id: string;
  title: string;
  subtitle?: string;
  /** Where the feed is served (rel="self"). */
  self: string;
  /** The page the feed belongs to (rel="alternate"). */
  page: string;
  author: string;
  lang: string;
  /** Newest first. */
  entries: readonly AtomEntry[];
}

// XML 1.0 allows tab, line feed, carriage return and the characters from U+0020 on,
// except the surrogates (handled by the u flag) and U+FFFE/U+FFFF.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text for an XML element or a quoted attribute: the five special characters as entities, characters XML cannot hold left out. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function element(name: string, text: string, attributes = ''): string {
  return `<${name}${attributes}>${escapeXml(text)}</${name}>`;
}

function link(rel: string, href: string, type: string): string {
  return `<link rel="${rel}" type="${type}" href="${escapeXml(href)}"/>`;
}

/** When the feed last changed: its newest entry, or the start of the epoch for an empty one (stable, so its ETag is). */
export function feedUpdated(feed: Pick<AtomFeed, 'entries'>): Date {
  return feed.entries.reduce(
    (newest, entry) => (entry.updated > newest ? entry.updated : newest),
    new Date(0),
  );
}

export function toAtom(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.lang)}">`,
    `  ${element('id', feed.id)}`,
    `  ${element('title', feed.title, ' type="text"')}`,
    ...(feed.subtitle ? [`  ${element('subtitle', feed.subtitle, ' type="text"')}`] : []),
    `  ${element('updated', feedUpdated(feed).toISOString())}`,
    `  ${link('self', feed.self, 'application/atom+xml')}`,
    `  ${link('alternate', feed.page, 'text/html')}`,
    `  <author>${element('name', feed.author)}</author>`,
    `  ${element('generator', 'Wissensnetz')}`,
  ];
  for (const entry of feed.entries) {
    lines.push(
      '  <entry>',
      `    ${element('id', entry.id)}`,
      `    ${element('title', entry.title, ' type="text"')}`,
      `    ${link('alternate', entry.link, 'text/html')}`,
      `    ${element('updated', entry.updated.toISOString())}`,
      ...(entry.published ? [`    ${element('published', entry.published.toISOString())}`] : []),
      `    <author>${element('name', entry.author)}</author>`,
      ...(entry.categories ?? []).map(
        (category) =>
          `    <category term="${escapeXml(category.term)}" label="${escapeXml(category.label)}"/>`,
      ),
      `    ${element('summary', entry.summary, ' type="text"')}`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
