// Part 1: Meilisearch frozen (SIGSTOP) while a coordinator writes practices.
import { gql, percentile, round, sleep, tally, uniqueWord } from './client.mjs';
import { leakSummary } from './leaks.mjs';

const CREATE = 'mutation($i: CreatePracticeInput!) { createPractice(input: $i) { id revision } }';
const PUBLISH = 'mutation($id: ID!) { publishPractice(id: $id) { id revision } }';
const UPDATE = 'mutation($i: UpdatePracticeInput!) { updatePractice(input: $i) { id revision } }';
const FIND =
  'query($q: String!) { searchPractices(query: $q, first: 20) { hits { practice { id } } } }';

const PROBES = {
  searchPracticesAnonymous: {
    search: true,
    query: 'query($q: String!) { searchPractices(query: $q, first: 5) { totalHits } }',
    variables: { q: 'Ehrenamt' },
  },
  searchPracticesSignedIn: {
    search: true,
    signedIn: true,
    query: 'query($q: String!) { searchPractices(query: $q, first: 5) { totalHits } }',
    variables: { q: 'Digitalisierung' },
  },
  searchRecords: {
    search: true,
    signedIn: true,
    query: 'query($q: String!) { searchRecords(query: $q, first: 5) { snippetHtml } }',
    variables: { q: 'Netzwerktreffen' },
  },
  similarPractices: {
    search: true,
    query: 'query($id: ID!) { similarPractices(id: $id, first: 3) { id } }',
    variables: {}, // the id is filled in below
  },
  practicesPage: {
    search: false,
    query: '{ practices(first: 10) { edges { node { id title city { name } } } } }',
  },
  cityPage: {
    search: false,
    query: '{ city(slug: "cloppenburg") { name profile focusTopics { name } } }',
  },
};

/** Creates (and publishes) one practice as `cookie`; returns { id, revision } or the failure. */
async function createPublished(url, cookie, title) {
  const created = await gql(
    url,
    CREATE,
    { i: { citySlug: 'cloppenburg', title, summary: 'Resilienztest', visibility: 'PUBLIC' } },
    { cookie },
  );
  if (created.outcome !== 'ok') return { failed: `createPractice ${created.code}`, ms: created.ms };
  const published = await gql(url, PUBLISH, { id: created.data.createPractice.id }, { cookie });
  if (published.outcome !== 'ok')
    return { failed: `publishPractice ${published.code}`, ms: created.ms + published.ms };
  return { ...published.data.publishPractice, ms: created.ms + published.ms };
}

export async function meiliFreeze({ platform, owner, session, settings, log }) {
  const url = platform.url;
  const writes = settings.writes;
  const probeTimeoutMs = settings.searchProbeTimeoutMs;
  const cookie = await session('coordinator', 'cloppenburg');
  const memberCookie = await session('member', 'goch');

  // Half of the writes are updates of published practices: prepare them while all is well.
  const updates = Math.floor(writes / 2);
  log(`  preparing ${updates} published practices to update later ...`);
  const targets = [];
  for (let i = 0; i < updates; i++) {
    const target = await createPublished(url, cookie, `Resilienz Vorlage ${uniqueWord('vl')}`);
    if (target.failed) throw new Error(`preparing practices failed: ${target.failed}`);
    targets.push(target);
  }
  PROBES.similarPractices.variables = { id: targets[0].id };
  await waitForOutbox(owner, 120_000);

  log(`  SIGSTOP Meilisearch (pid ${platform.meiliPid}); ${writes} writes and search probes ...`);
  platform.freezeMeili();
  const frozenAt = performance.now();
  const probeResults = Object.fromEntries(Object.keys(PROBES).map((name) => [name, []]));
  let writesDone = false;

  const writeLoop = (async () => {
    const results = [];
    for (let i = 0; i < writes; i++) {
      const word = uniqueWord();
      if (i % 2 === 0 || targets.length === 0) {
        const result = await createPublished(url, cookie, `Resilienz ${word} Nachbarschaft`);
        results.push({ kind: 'create', word, ...result });
      } else {
        const target = targets.shift();
        const result = await gql(
          url,
          UPDATE,
          {
            i: {
              id: target.id,
              expectedRevision: target.revision,
              title: `Resilienz ${word} geändert`,
            },
          },
          { cookie },
        );
        results.push({
          kind: 'update',
          word,
          id: target.id,
          ms: result.ms,
          ...(result.outcome === 'ok' ? {} : { failed: `updatePractice ${result.code}` }),
        });
      }
    }
    writesDone = true;
    return results;
  })();

  // Each probe kind in its own loop, until the writes are done and every kind has answered
  // a few times, bounded by settings.maxFreezeMs (each probe by its own client timeout).
  const enough = () =>
    (writesDone &&
      Object.values(probeResults).every((list) => list.length >= settings.minProbesPerKind)) ||
    performance.now() - frozenAt > settings.maxFreezeMs;
  const probeLoops = Object.entries(PROBES).map(async ([name, probe]) => {
    while (!enough()) {
      const result = await gql(url, probe.query, probe.variables, {
        cookie: probe.signedIn ? (name === 'searchRecords' ? memberCookie : cookie) : undefined,
        timeoutMs: probeTimeoutMs,
      });
      probeResults[name].push({
        code: result.code,
        ms: round(result.ms),
        leaks: leakSummary(result.body),
      });
      if (!enough()) await sleep(250);
    }
  });
  const writeResults = await writeLoop;
  await Promise.all(probeLoops);
  const frozenMs = performance.now() - frozenAt;
  platform.thaw([platform.meiliPid]);
  const thawedAt = performance.now();
  log(`  SIGCONT after ${round(frozenMs / 1000)} s; waiting until every write is searchable ...`);

  const confirmed = writeResults.filter((write) => !write.failed);
  // Lost in PostgreSQL: a confirmed write whose new title is not stored.
  const rows = await owner.query('SELECT id, title, status FROM practice WHERE id = ANY($1)', [
    confirmed.map((write) => write.id),
  ]);
  const byId = new Map(rows.rows.map((row) => [row.id, row]));
  const missingInPostgres = confirmed.filter((write) => {
    const row = byId.get(write.id);
    return !row || !row.title.includes(write.word) || row.status !== 'PUBLISHED';
  });

  // Searchable: an anonymous search for the write's unique word finds that practice.
  const pending = new Map(confirmed.map((write) => [write.word, write.id]));
  const searchableAt = new Map();
  const deadline = thawedAt + settings.searchableTimeoutMs;
  while (pending.size > 0 && performance.now() < deadline) {
    const batch = [...pending].slice(0, 10);
    await Promise.all(
      batch.map(async ([word, id]) => {
        const result = await gql(url, FIND, { q: word }, { timeoutMs: 10_000 });
        if (
          result.outcome === 'ok' &&
          result.data.searchPractices.hits.some((h) => h.practice.id === id)
        ) {
          pending.delete(word);
          searchableAt.set(word, performance.now() - thawedAt);
        }
      }),
    );
    if (pending.size > 0 && batch.length === pending.size) await sleep(100);
  }
  const allSearchableMs = pending.size === 0 ? Math.max(...searchableAt.values(), 0) : null;

  const summarise = (list) => ({
    samples: list.length,
    codes: tally(list.map((r) => r.code)),
    p50Ms: round(
      percentile(
        list.map((r) => r.ms),
        50,
      ),
    ),
    maxMs: round(Math.max(...list.map((r) => r.ms))),
    leaking: list.filter((r) => r.leaks).length,
  });
  return {
    writes,
    creates: writeResults.filter((w) => w.kind === 'create').length,
    updates: writeResults.filter((w) => w.kind === 'update').length,
    confirmed: confirmed.length,
    failed: tally(writeResults.filter((w) => w.failed).map((w) => w.failed)),
    writeMs: {
      p50: round(
        percentile(
          writeResults.map((w) => w.ms),
          50,
        ),
      ),
      p95: round(
        percentile(
          writeResults.map((w) => w.ms),
          95,
        ),
      ),
    },
    frozenMs: Math.round(frozenMs),
    probeTimeoutMs,
    probes: Object.fromEntries(
      Object.entries(probeResults).map(([name, list]) => [
        name,
        { search: PROBES[name].search, ...summarise(list), all: list },
      ]),
    ),
    lostInPostgres: missingInPostgres.length,
    notSearchable: pending.size,
    notSearchableWords: [...pending.keys()].slice(0, 20),
    searchableTimeoutMs: settings.searchableTimeoutMs,
    allSearchableMs: allSearchableMs === null ? null : Math.round(allSearchableMs),
    searchableP50Ms: round(percentile([...searchableAt.values()], 50)),
  };
}

export async function waitForOutbox(owner, timeoutMs) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const { rows } = await owner.query(
      'SELECT count(*)::int AS n FROM search_outbox WHERE processed_at IS NULL',
    );
    if (rows[0].n === 0) return;
    if (performance.now() > deadline)
      throw new Error(`search outbox still has ${rows[0].n} rows after ${timeoutMs / 1000} s`);
    await sleep(200);
  }
}
