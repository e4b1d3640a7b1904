/**
 * A NUL, or a UTF-16 surrogate without its partner. PostgreSQL text cannot store a NUL,
 * the search engine refuses JSON with a lone surrogate, and HTTP headers hold neither:
 * left in, each would surface as a 500 (or as a search "outage") deep inside a feature.
 * Complete surrogate pairs (emoji) are ordinary characters and stay allowed.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasInvalidCharacters(value: string): boolean {
  return value.includes('\u0000') || LONE_SURROGATE.test(value);
}

/**
 * The first string inside a decoded JSON value (variables of a GraphQL request) that
 * holds an invalid character, as a dotted path below `root` (`input.links.1.label`).
 * Iterative: a deeply nested payload must not overflow the stack before coercion
 * would refuse it.
 */
export function findInvalidString(value: unknown, root: string): string | undefined {
  const stack: Array<[unknown, string]> = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (hasInvalidCharacters(current)) return path;
    } else if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--)
        stack.push([current[index], `${path}.${index}`]);
    } else if (typeof current === 'object' && current !== null) {
      const entries = Object.entries(current);
      for (let index = entries.length - 1; index >= 0; index--)
        stack.push([entries[index][1], `${path}.${entries[index][0]}`]);
    }
  }
  return undefined;
}
