// Part 4, the requests: generated malformed GraphQL and HTTP requests. The generator is
// seeded (RESILIENCE_SEED), so a run can be repeated request for request. The cases of
// HTTP itself (cookies, paths, multipart, raw bytes) are in malformed-http.mjs.
import { httpCases } from './malformed-http.mjs';

/** mulberry32: a small seeded PRNG; the same seed gives the same requests. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Strings no input may turn into a 500: NUL, lone surrogates, controls, odd sizes. */
const NASTY_STRINGS = {
  nul: ['a\u0000b', '\u0000', 'cloppenburg\u0000', '\u0000'.repeat(64)],
  surrogate: ['\ud800', 'a\udfffb', '\udc00\ud800', 'Ehrenamt \ud83d'],
  other: [
    '',
    '   ',
    '\u0001\u001f\u007f',
    '\r\n\t',
    '\u202e\ufeff\uffff\ufffe',
    'e\u0301\u0301\u0301',
    '😀'.repeat(500),
    "x' OR '1'='1",
    '"; --',
    '../../../../etc/passwd',
    '%00%ff',
    '<script>alert(1)</script>',
    '{{7*7}}${7*7}',
    '\\u0000',
    'a'.repeat(100_000),
  ],
};
/** Values of the wrong type for a String variable. */
const WRONG_TYPES = [123, 1.5, true, null, {}, [], ['a'], { $ne: 1 }];

/** Places a string reaches: every kind of argument, read and write, with and without session. */
function stringSlots(ctx) {
  const v = 'query($v: String!)';
  const id = 'query($v: ID!)';
  const m = (input) => `mutation($v: String!) { ${input} }`;
  return [
    ['city(slug)', `${v} { city(slug: $v) { name } }`],
    ['cities(filter.search)', `${v} { cities(filter: { search: $v }) { totalCount } }`],
    ['cities(after)', `${v} { cities(after: $v) { totalCount } }`],
    [
      'practices(filter.citySlug)',
      `${v} { practices(filter: { citySlug: $v }) { edges { node { id } } } }`,
    ],
    [
      'practices(filter.topicSlugs)',
      `${v} { practices(filter: { topicSlugs: [$v] }) { edges { node { id } } } }`,
    ],
    ['practices(after)', `${v} { practices(after: $v) { edges { node { id } } } }`],
    ['practice(id)', `${id} { practice(id: $v) { id } }`],
    ['practiceRevisions(id)', `${id} { practiceRevisions(id: $v) { number } }`],
    ['similarPractices(id)', `${id} { similarPractices(id: $v) { id } }`],
    ['searchPractices(query)', `${v} { searchPractices(query: $v) { totalHits } }`],
    [
      'searchPractices(filter.citySlugs)',
      `${v} { searchPractices(query: "Ehrenamt", filter: { citySlugs: [$v] }) { totalHits } }`,
    ],
    [
      'searchPractices(after)',
      `${v} { searchPractices(query: "Ehrenamt", after: $v) { totalHits } }`,
    ],
    ['searchRecords(query)', `${v} { searchRecords(query: $v) { snippetHtml } }`, 'member'],
    [
      'tandemSuggestions(citySlug)',
      `${v} { tandemSuggestions(citySlug: $v) { score } }`,
      'organizer',
    ],
    ['tandem(id)', `${id} { tandem(id: $v) { id } }`],
    ['tandemNotes(tandemId)', `${id} { tandemNotes(tandemId: $v) { totalCount } }`, 'member'],
    ['conference(id)', `${id} { conference(id: $v) { id } }`],
    ['conferences(filter.from)', `${v} { conferences(filter: { from: $v }) { totalCount } }`],
    ['cityMembers(citySlug)', `${v} { cityMembers(citySlug: $v) { id } }`, 'coordinator'],
    ['invitation(token)', `${v} { invitation(token: $v) { email } }`],
    ['login(email)', m('login(input: { email: $v, password: "falsch-aber-lang" }) { id }')],
    ['requestPasswordReset(email)', m('requestPasswordReset(input: { email: $v })')],
    [
      'createPractice(title)',
      m('createPractice(input: { citySlug: "bitburg", title: $v, summary: "Test" }) { id }'),
      'coordinator',
    ],
    [
      'createPractice(citySlug)',
      m('createPractice(input: { citySlug: $v, title: "Ein Titel" }) { id }'),
      'coordinator',
    ],
    [
      'createPractice(body)',
      m('createPractice(input: { citySlug: "bitburg", title: "Ein Titel", body: $v }) { id }'),
      'coordinator',
    ],
    [
      'createPractice(tags)',
      m('createPractice(input: { citySlug: "bitburg", title: "Ein Titel", tags: [$v] }) { id }'),
      'coordinator',
    ],
    [
      'createPractice(links.url)',
      m(
        'createPractice(input: { citySlug: "bitburg", title: "Ein Titel", links: [{ label: "L", url: $v }] }) { id }',
      ),
      'coordinator',
    ],
    [
      'createPractice(periodFrom)',
      m(
        'createPractice(input: { citySlug: "bitburg", title: "Ein Titel", periodFrom: $v }) { id }',
      ),
      'coordinator',
    ],
    [
      'createPractice(contactEmail)',
      m(
        'createPractice(input: { citySlug: "bitburg", title: "Ein Titel", contactEmail: $v }) { id }',
      ),
      'coordinator',
    ],
    [
      'updatePractice(title)',
      `mutation($v: String!) { updatePractice(input: { id: "${ctx.practiceId}", expectedRevision: 1, title: $v }) { id } }`,
      'coordinator',
    ],
    ['updateMe(displayName)', m('updateMe(input: { displayName: $v }) { id }'), 'coordinator'],
    ['updateMe(locale)', m('updateMe(input: { locale: $v }) { id }'), 'coordinator'],
    [
      'addTandemNote(body)',
      `mutation($v: String!) { addTandemNote(input: { tandemId: "${ctx.tandemId}", kind: NOTE, body: $v }) { id } }`,
      'member',
    ],
    [
      'saveConferenceRecord(minutes)',
      `mutation($v: String!) { saveConferenceRecord(input: { conferenceId: "${ctx.conferenceId}", minutes: $v }) { id } }`,
      'organizer',
    ],
  ];
}

/** Valid documents that the mutator garbles. No logout: the suite's sessions must survive. */
const BASE_QUERIES = [
  '{ cities(first: 5) { totalCount edges { node { slug name federalState } } } }',
  '{ city(slug: "cloppenburg") { name profile tandems { id status } focusTopics { slug } } }',
  '{ practices(first: 10, filter: { citySlug: "cloppenburg" }) { edges { node { id title topics { slug } } } pageInfo { hasNextPage endCursor } } }',
  'query($q: String!) { searchPractices(query: $q, first: 5, filter: { topicSlugs: ["digitalisierung"] }) { totalHits hits { titleHtml } facets { topics { value count } } } }',
  '{ searchRecords(query: "Treffen") { snippetHtml record { id } } }',
  '{ topics { slug name children { slug } } }',
  '{ conferences(first: 5) { edges { node { id title freePlaces startsAtLocal } } } }',
  '{ tandems(first: 5, filter: { status: ACTIVE }) { edges { node { id newCity { slug } partnerCity { slug } } } } }',
  '{ me { id displayName memberships { role city { slug } } } }',
  'mutation { createPractice(input: { citySlug: "bitburg", title: "Zufallstitel", summary: "Test", tags: ["a", "b"] }) { id } }',
  'mutation { login(input: { email: "niemand@demo.wissensnetz.example", password: "falsch-aber-lang" }) { id } }',
  'query Q($first: Int = 3) { cities(first: $first) { edges { cursor node { id } } } } query R { __typename }',
  'fragment C on City { slug name } { cities(first: 2) { edges { node { ...C } } } }',
];
const PUNCTUATION = [
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ':',
  '$',
  '@',
  '!',
  '"',
  '\\',
  '...',
  '#',
  ',',
  '=',
  '|',
  '&',
  '\u0000',
  '\ud800',
  '\u00e4',
  '\n',
];

function mutate(text, random) {
  let out = text;
  const steps = 1 + Math.floor(random() * 4);
  for (let s = 0; s < steps; s++) {
    const at = Math.floor(random() * (out.length + 1));
    const op = Math.floor(random() * 6);
    if (op === 0) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 8));
    else if (op === 1)
      out =
        out.slice(0, at) + PUNCTUATION[Math.floor(random() * PUNCTUATION.length)] + out.slice(at);
    else if (op === 2) {
      const len = 1 + Math.floor(random() * 20);
      out =
        out.slice(0, at) +
        out.slice(at, at + len).repeat(2 + Math.floor(random() * 5)) +
        out.slice(at);
    } else if (op === 3) out = out.slice(0, at);
    else if (op === 4) {
      const other = Math.floor(random() * (out.length + 1));
      const [a, b] = at < other ? [at, other] : [other, at];
      out = out.slice(0, a) + out.slice(b) + out.slice(a, b);
    } else
      out = out.slice(0, at) + String.fromCharCode(Math.floor(random() * 0x3000)) + out.slice(at);
  }
  return out;
}

export const jsonBody = (query, variables) => JSON.stringify({ query, variables });

/**
 * Builds the requests. Each: { category, label, as, method, path, headers, body } (sent with
 * node:http) or { category, label, raw } (bytes over a plain socket). `as` names the session.
 */
export function generateMalformed(ctx, minimum, seed) {
  const random = prng(seed);
  const list = [];
  const gqlPost = (category, label, body, as, headers = {}) =>
    list.push({
      category,
      label,
      as,
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  // 1. Strings with NUL, lone surrogates and other oddities in every kind of argument,
  //    as variables and (NUL, surrogates) as literals in the document.
  for (const [slot, query, as] of stringSlots(ctx)) {
    for (const [kind, values] of Object.entries(NASTY_STRINGS)) {
      for (const value of values) {
        const category =
          kind === 'other' ? 'odd-string' : kind === 'nul' ? 'nul-byte' : 'lone-surrogate';
        gqlPost(
          category,
          `${slot} = ${JSON.stringify(value.slice(0, 24))}`,
          jsonBody(query, { v: value }),
          as,
        );
        if (kind !== 'other') {
          const inline = query
            .replace(/^(query|mutation)\(\$v: (String|ID)!\)/, '$1')
            .replace(/\$v/g, JSON.stringify(value));
          gqlPost(
            category,
            `${slot} literal ${JSON.stringify(value.slice(0, 24))}`,
            jsonBody(inline),
            as,
          );
        }
      }
    }
    for (const value of WRONG_TYPES)
      gqlPost(
        'wrong-type',
        `${slot} = ${JSON.stringify(value)}`,
        jsonBody(query, { v: value }),
        as,
      );
  }

  // 2. Huge and deep documents, abuse of the language.
  const deep = (n) =>
    `{ cities { edges { node { ${'tandems { newCity { '.repeat(n)}slug${' } }'.repeat(n)} } } } }`;
  const documents = [
    ['depth 12', deep(6)],
    ['depth 60', deep(30)],
    ['10,000 nested braces', `${'{'.repeat(10_000)}a${'}'.repeat(10_000)}`],
    ['100,000 tokens', `{ ${'__typename '.repeat(100_000)}}`],
    [
      '1,000 aliases',
      `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`,
    ],
    [
      '16 aliases of a search',
      `{ ${Array.from({ length: 16 }, (_, i) => `s${i}: searchPractices(query: "Ehrenamt") { totalHits }`).join(' ')} }`,
    ],
    ['fragment cycle', 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }'],
    ['1,000 directives', `{ __typename ${'@skip(if: false) '.repeat(1000)}}`],
    ['first: 2^31', '{ cities(first: 2147483648) { totalCount } }'],
    ['first: -1', '{ cities(first: -1) { totalCount } }'],
    ['first: 1,000,000', '{ practices(first: 1000000) { edges { node { id body } } } }'],
    ['1 MB string literal', `{ searchPractices(query: "${'a'.repeat(1_000_000)}") { totalHits } }`],
    ['200 KB string literal', `{ city(slug: "${'b'.repeat(200_000)}") { name } }`],
    [
      '10,000 topic slugs',
      `{ practices(filter: { topicSlugs: [${Array.from({ length: 10_000 }, () => '"x"').join(',')}] }) { totalCount } }`,
    ],
    [
      'subscription over HTTP',
      `subscription { tandemNoteAdded(tandemId: "${ctx.tandemId}") { id } }`,
    ],
    [
      'introspection',
      '{ __schema { types { name fields { name type { name ofType { name ofType { name } } } } } } }',
    ],
    ['two operations, no name', 'query A { __typename } query B { __typename }'],
    ['unknown operationName', '{ __typename }', 'Nope'],
    ['empty document', ''],
    ['only a comment', '# nichts'],
    ['unterminated string', '{ city(slug: "cloppenburg) { name } }'],
    ['invalid escape', '{ city(slug: "\\x00") { name } }'],
    ['invalid unicode escape', '{ city(slug: "\\uD800") { name } }'],
    ['block string with NUL', '{ city(slug: """a\u0000b""") { name } }'],
    ['variable never declared', '{ city(slug: $s) { name } }'],
    ['enum as string', '{ practices(filter: { status: "PUBLISHED" }) { totalCount } }'],
    ['unknown enum', '{ practices(filter: { status: GELÖSCHT }) { totalCount } }'],
  ];
  for (const [label, query, operationName] of documents)
    gqlPost(
      'huge-or-deep',
      label,
      JSON.stringify({ query, operationName }),
      label.includes('search') ? 'member' : undefined,
    );
  const deepList = (n) => `${'['.repeat(n)}"x"${']'.repeat(n)}`;
  const deepObject = (n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
  for (const [label, variables] of [
    ['variables: list nested 40,000 deep', `{"v":${deepList(40_000)}}`],
    ['variables: object nested 16,000 deep', `{"v":${deepObject(16_000)}}`],
    [
      'variables: 100,000 list items',
      `{"v":[${Array.from({ length: 100_000 }, () => '"x"').join(',')}]}`,
    ],
    ['variables: number 1e999', '{"v":1e999}'],
    ['variables: 5 MB string', `{"v":"${'c'.repeat(5_000_000)}"}`],
  ]) {
    gqlPost(
      'huge-or-deep',
      label,
      `{"query":"query($v: [String!]) { practices(filter: { topicSlugs: $v }) { totalCount } }","variables":${variables}}`,
    );
  }

  // 3. Bodies that are not the JSON they claim to be.
  const badBodies = [
    '',
    '{',
    '{"query":',
    '{"query": "{ __typename }"',
    '{"query": "{ __typename }"}}',
    "{'query': '{ __typename }'}",
    '{"query": 1}',
    '{"query": null}',
    '{"query": ["{ __typename }"]}',
    '{"query": {}}',
    'null',
    'true',
    '1',
    '"{ __typename }"',
    '[]',
    '[{"query": "{ __typename }"}]',
    '{"query": "{ __typename }", "variables": "x"}',
    '{"query": "{ __typename }", "variables": [1]}',
    '{"query": "{ __typename }", "operationName": 5}',
    '{"query": "{ __typename }", "extensions": "x"}',
    '{"query": "{ __typename }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}',
    `{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "${'a'.repeat(64)}"}}}`,
    '\ufeff{"query": "{ __typename }"}',
    '{"query": "{ __typename }"}\u0000',
    '{"query": "{ __typename }", "__proto__": {"polluted": 1}}',
    '{"constructor": {"prototype": {"polluted": 1}}, "query": "{ __typename }"}',
    '{"query": "{ __typename }", "query": "{ me { id } }"}',
    '{"query": "\\ud800"}',
    '{"query": "{ city(slug: \\"\\u0000\\") { name } }"}',
    '{"query": NaN}',
    '{"query": "{ __typename }", "variables": {"v": Infinity}}',
  ];
  for (const body of badBodies) gqlPost('bad-json', JSON.stringify(body.slice(0, 40)), body);
  for (const bytes of [
    Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x3a, 0x22, 0x7d]),
    Buffer.concat([
      Buffer.from('{"query": "{ city(slug: \\"'),
      Buffer.from([0xc3, 0x28, 0xed, 0xa0, 0x80]),
      Buffer.from('\\") { name } }"}'),
    ]),
    Buffer.from('{"query": "{ __typename }"}', 'utf16le'),
  ])
    gqlPost('bad-json', `invalid UTF-8/UTF-16 bytes (${bytes.length} B)`, bytes);
  for (let i = 0; i < 80; i++) {
    const base = Buffer.from(jsonBody(BASE_QUERIES[i % BASE_QUERIES.length], { q: 'Ehrenamt' }));
    for (let flips = 1 + Math.floor(random() * 4); flips > 0; flips--)
      base[Math.floor(random() * base.length)] = Math.floor(random() * 256);
    gqlPost('bad-json', `byte-flipped body #${i}`, base, i % 2 ? 'coordinator' : undefined);
  }

  // 4. Wrong content types, methods and encodings on /graphql.
  const valid = jsonBody('{ __typename }');
  for (const type of [
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/graphql',
    'application/json; charset=utf-16',
    'application/json; charset=latin1',
    'application/json; charset=nonsense',
    'APPLICATION/JSON',
    'application/json;;;',
    'application/json, text/plain',
    'image/png',
    'application/xml',
    `application/json; x=${'y'.repeat(4000)}`,
  ]) {
    gqlPost('content-type', `content-type: ${type.slice(0, 40)}`, valid, undefined, {
      'content-type': type,
    });
    gqlPost(
      'content-type',
      `content-type: ${type.slice(0, 40)} (mutation, session)`,
      jsonBody('mutation { updateMe(input: { locale: "de" }) { id } }'),
      'coordinator',
      { 'content-type': type },
    );
  }
  list.push({
    category: 'content-type',
    label: 'no content-type',
    method: 'POST',
    path: '/graphql',
    headers: {},
    body: valid,
  });
  for (const encoding of ['gzip', 'br', 'deflate', 'x-unknown', 'gzip, gzip'])
    gqlPost('content-type', `content-encoding: ${encoding} (not encoded)`, valid, undefined, {
      'content-encoding': encoding,
    });
  for (const method of ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'TRACE', 'PROPFIND'])
    list.push({
      category: 'content-type',
      label: `${method} /graphql`,
      method,
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: method === 'HEAD' || method === 'TRACE' ? undefined : valid,
    });
  for (const query of [
    '?query=%00',
    '?query=%7B__typename%7D&variables=notjson',
    '?query=%7B__typename%7D&variables=%7B%22a%22%3A',
    '?query=mutation%7Blogout%7D',
    `?query=${'%7B'.repeat(5000)}`,
    '?query[]=a&query[]=b',
    '?query[a]=b',
    '?query=%7B__typename%7D&extensions=%7B%22persistedQuery%22%3A1%7D',
    '?query=%ff%fe',
    '?%00=%00',
    '',
  ])
    list.push({
      category: 'content-type',
      label: `GET /graphql${query.slice(0, 40)}`,
      method: 'GET',
      path: `/graphql${query}`,
      headers: { 'apollo-require-preflight': 'true' },
    });

  httpCases(ctx, random, list);

  // 9. Randomly garbled GraphQL documents until the minimum is reached (at least 300).
  const mutatedCount = Math.max(300, minimum - list.length);
  for (let i = 0; i < mutatedCount; i++) {
    const base = BASE_QUERIES[Math.floor(random() * BASE_QUERIES.length)];
    const query = mutate(base, random);
    gqlPost(
      'mutated-query',
      `mutated #${i}: ${JSON.stringify(query.slice(0, 50))}`,
      jsonBody(query, { q: 'Ehrenamt' }),
      i % 2 ? 'coordinator' : undefined,
    );
  }
  return list;
}
