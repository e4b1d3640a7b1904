// What an answer must never show a caller (used on malformed requests and on the answers
// given during outages).

/**
 * Patterns that show internals: stack frames, file paths, SQL and driver errors, runtime
 * error names, connection strings. A match that merely repeats the request is not a leak.
 */
const LEAK_PATTERNS = [
  ['stack trace', /\bat [\w$.<>[\] ]+ \((?:\/|node:|file:)[^)]*:\d+:\d+\)|\n\s+at \S+:\d+:\d+/],
  [
    'file path',
    /(?:\/(?:work|home|root|usr|opt|tmp|var|app|srv)\/[\w.@-]+\/[\w./@-]+)|node_modules\/|dist\/api\/|\.(?:ts|js|mjs):\d+/,
  ],
  [
    'SQL',
    /\b(?:SELECT\s+[\w*"., ]+\s+FROM|INSERT INTO|UPDATE\s+"?\w+"?\s+SET|DELETE FROM|syntax error at or near|invalid byte sequence for encoding|violates (?:not-null|foreign key|unique|check) constraint|duplicate key value|relation "[^"]+" does not exist|column "[^"]+"|null value in column|invalid input syntax for type|unterminated quoted|current transaction is aborted)/i,
  ],
  [
    'database or engine',
    /QueryFailedError|EntityNotFoundError|TypeORMError|EntityMetadataNotFound|\bpg_(?:catalog|stat)|postgres(?:ql)?:\/\/|ECONNREFUSED|ECONNRESET|[Cc]onnection terminated|too many clients|MeiliSearch\w*Error|Meilisearch\w*Error/,
  ],
  // Not "is not defined": GraphQL's own validation says `Variable "$s" is not defined`.
  [
    'runtime error',
    /\b(?:TypeError|ReferenceError|RangeError|InternalError)\b|Cannot read propert(?:y|ies) of|is not a function|Maximum call stack|out of memory/,
  ],
];

export function findLeaks(body, requestText = '') {
  const found = [];
  for (const [name, pattern] of LEAK_PATTERNS) {
    const match = pattern.exec(body);
    if (match && !requestText.includes(match[0]))
      found.push({ kind: name, match: match[0].slice(0, 120) });
  }
  return found;
}

/** The leaks of an answer as short strings (for the result file), or undefined. */
export function leakSummary(body) {
  const found = findLeaks(body ?? '');
  return found.length ? found.map((leak) => `${leak.kind}: ${leak.match}`) : undefined;
}
