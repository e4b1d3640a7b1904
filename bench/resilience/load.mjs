// Part 5: many concurrent clients for a while, a mix of page queries and searches.
import { gql, percentile, round, tally } from './client.mjs';

const SEARCH_WORDS = [
  'Ehrenamt',
  'Digitalisierung Vereine',
  'Jugendforum',
  'Klimaschutz Nachbarschaft',
  'Beteiligung',
  'Demokratie Schule',
  'Repair Cafe',
  'Mentoring',
  'Engagement Lotsen',
  'Bürgerhaushalt',
];

/** What the web app's pages ask (page) and what its search fields ask (search). */
function requestMix(ctx) {
  const pick = (list, i) => list[i % list.length];
  return [
    {
      kind: 'page',
      name: 'network',
      query:
        '{ cities(first: 100) { totalCount edges { node { slug name federalState joinedYear kind } } } }',
    },
    {
      kind: 'page',
      name: 'city',
      query: (i) =>
        `{ city(slug: "${pick(ctx.citySlugs, i)}") { name profile population focusTopics { slug name } tandems { id status } } }`,
    },
    {
      kind: 'page',
      name: 'cityPractices',
      query: (i) =>
        `{ practices(first: 20, filter: { citySlug: "${pick(ctx.citySlugs, i)}" }) { edges { node { id title summary topics { slug } } } pageInfo { hasNextPage } } }`,
    },
    {
      kind: 'page',
      name: 'practice',
      query: (i) =>
        `{ practice(id: "${pick(ctx.practiceIds, i)}") { id title bodyHtml city { name } topics { name } attachments { id } } }`,
    },
    { kind: 'page', name: 'topics', query: '{ topics { slug name children { slug name } } }' },
    {
      kind: 'page',
      name: 'conferences',
      query: '{ conferences(first: 10) { edges { node { id title startsAtLocal freePlaces } } } }',
    },
    {
      kind: 'page',
      name: 'me',
      signedIn: true,
      query: '{ me { id displayName actingCity { slug } } unreadNotificationCount }',
    },
    {
      kind: 'search',
      name: 'searchPractices',
      query:
        'query($q: String!) { searchPractices(query: $q, first: 20) { totalHits hits { titleHtml summaryHtml practice { id title city { name } } } facets { topics { value count } cities { value count } } } }',
      variables: (i) => ({ q: pick(SEARCH_WORDS, i) }),
    },
    {
      kind: 'search',
      name: 'searchPracticesFiltered',
      query:
        'query($q: String!) { searchPractices(query: $q, first: 10, filter: { topicSlugs: ["digitalisierung"] }) { totalHits hits { practice { id } } } }',
      variables: (i) => ({ q: pick(SEARCH_WORDS, i + 3) }),
    },
    {
      kind: 'search',
      name: 'searchRecords',
      signedIn: true,
      query: 'query($q: String!) { searchRecords(query: $q, first: 10) { snippetHtml } }',
      variables: (i) => ({ q: pick(SEARCH_WORDS, i) }),
    },
    {
      kind: 'search',
      name: 'similarPractices',
      query: (i) =>
        `{ similarPractices(id: "${pick(ctx.practiceIds, i)}", first: 5) { id title } }`,
    },
  ];
}

export async function concurrentLoad({ platform, ctx, sessions, settings, log }) {
  const url = platform.url;
  const mix = requestMix(ctx);
  const samples = [];
  const errors = [];
  const started = performance.now();
  const deadline = started + settings.loadSeconds * 1000;
  let sent = 0;
  log(`  ${settings.clients} clients for ${settings.loadSeconds} s ...`);
  // Each client waits for its answer before sending the next (a person clicking, fast).
  const client = async (n) => {
    const cookie = n % 2 === 0 ? sessions[n % sessions.length] : undefined;
    let i = n;
    while (performance.now() < deadline && sent < settings.loadMaxRequests) {
      const candidates = mix.filter((entry) => !entry.signedIn || cookie);
      const entry = candidates[i % candidates.length];
      i += 7;
      sent += 1;
      const query = typeof entry.query === 'function' ? entry.query(i) : entry.query;
      const variables = typeof entry.variables === 'function' ? entry.variables(i) : undefined;
      const result = await gql(url, query, variables, {
        cookie,
        timeoutMs: settings.loadTimeoutMs,
      });
      samples.push({
        kind: entry.kind,
        name: entry.name,
        ms: result.ms,
        ok: result.outcome === 'ok',
      });
      if (result.outcome !== 'ok')
        errors.push({ name: entry.name, code: result.code, message: result.message });
    }
  };
  await Promise.all(Array.from({ length: settings.clients }, (_, n) => client(n)));
  const elapsed = (performance.now() - started) / 1000;
  const stats = (list) => ({
    requests: list.length,
    errors: list.filter((s) => !s.ok).length,
    p50Ms: round(
      percentile(
        list.map((s) => s.ms),
        50,
      ),
    ),
    p95Ms: round(
      percentile(
        list.map((s) => s.ms),
        95,
      ),
    ),
    p99Ms: round(
      percentile(
        list.map((s) => s.ms),
        99,
      ),
    ),
    maxMs: round(Math.max(...list.map((s) => s.ms))),
  });
  const names = [...new Set(samples.map((s) => s.name))];
  return {
    clients: settings.clients,
    seconds: round(elapsed),
    signedInClients: Math.ceil(settings.clients / 2),
    ...stats(samples),
    requestsPerSecond: round(samples.length / elapsed),
    errorCodes: tally(errors.map((e) => e.code)),
    errorSamples: errors.slice(0, 20),
    pages: stats(samples.filter((s) => s.kind === 'page')),
    searches: stats(samples.filter((s) => s.kind === 'search')),
    perQuery: Object.fromEntries(
      names.map((name) => [name, stats(samples.filter((s) => s.name === name))]),
    ),
  };
}
