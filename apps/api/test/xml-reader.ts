/**
 * A strict reader of the XML the platform writes (feeds), for tests: no package in the
 * tree parses XML, so this one checks what a feed reader relies on and throws on anything
 * not well-formed — unbalanced or crossed tags, a bare `&` or `<` in text, unquoted or
 * repeated attributes, unknown entities, text outside the root, characters XML forbids.
 * No DTDs, no CDATA, no processing instructions but the declaration (the feeds use none).
 */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (entities decoded), without its children's. */
  text: string;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function decode(raw: string, at: number): string {
  if (raw.includes('<')) throw new Error(`"<" in text near ${at}`);
  return raw.replace(/&([^;]*);|&/g, (match, name: string | undefined) => {
    if (name === undefined) throw new Error(`bare "&" near ${at}`);
    const numeric = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(name);
    if (numeric) {
      const code = numeric[1].startsWith('x')
        ? parseInt(numeric[1].slice(1), 16)
        : parseInt(numeric[1], 10);
      return String.fromCodePoint(code);
    }
    const value = ENTITIES[name];
    if (value === undefined) throw new Error(`unknown entity &${name}; near ${at}`);
    return value;
  });
}

export function parseXml(xml: string): XmlElement {
  if (FORBIDDEN.test(xml)) throw new Error('a character XML does not allow');
  let at = 0;
  const declaration = /^<\?xml [^?]*\?>\s*/.exec(xml);
  if (declaration) at = declaration[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  while (at < xml.length) {
    const next = xml.indexOf('<', at);
    const text = xml.slice(at, next === -1 ? xml.length : next);
    if (stack.length === 0) {
      if (text.trim() !== '') throw new Error(`text outside the root near ${at}`);
    } else stack[stack.length - 1].text += decode(text, at);
    if (next === -1) break;
    at = next;
    if (xml.startsWith('<!--', at)) {
      const end = xml.indexOf('-->', at);
      if (end === -1) throw new Error('unclosed comment');
      at = end + 3;
      continue;
    }
    if (xml.startsWith('</', at)) {
      const end = xml.indexOf('>', at);
      const name = xml.slice(at + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name)
        throw new Error(`</${name}> closes ${open?.name} near ${at}`);
      at = end + 1;
      continue;
    }
    const name = NAME.exec(xml.slice(at + 1))?.[0];
    if (!name) throw new Error(`"<" without a name near ${at}`);
    if (root && stack.length === 0) throw new Error('a second root element');
    at += 1 + name.length;
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      const attribute = /^\s+([A-Za-z_][\w.:-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(xml.slice(at));
      if (!attribute) break;
      if (attribute[1] in element.attributes) throw new Error(`repeated ${attribute[1]}`);
      element.attributes[attribute[1]] = decode(attribute[3] ?? attribute[4], at);
      at += attribute[0].length;
    }
    const close = /^\s*(\/?)>/.exec(xml.slice(at));
    if (!close) throw new Error(`malformed tag <${name}> near ${at}`);
    at += close[0].length;
    if (stack.length) stack[stack.length - 1].children.push(element);
    else root = element;
    if (!close[1]) stack.push(element);
  }
  if (stack.length) throw new Error(`<${stack[stack.length - 1].name}> is not closed`);
  if (!root) throw new Error('no root element');
  return root;
}

/** The children called `name`. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

/** The one child called `name` (throws when there is none or several). */
export function child(element: XmlElement, name: string): XmlElement {
  const found = childrenNamed(element, name);
  if (found.length !== 1) throw new Error(`${found.length} <${name}> in <${element.name}>`);
  return found[0];
}
