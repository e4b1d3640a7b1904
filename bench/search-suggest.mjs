#!/usr/bin/env node
// The header search's suggestions (issue 15: "within 100 ms on the demo data";
// bench/README.md, "search-suggest.mjs"). The built platform with the demo network, as
// `npm start` runs it, and an anonymous visitor typing: each round sends exactly the
// GraphQL request the combobox sends (HeaderSearch.tsx: `NetworkSearch`, first 6) and,
// side by side, exactly the engine requests the API sent for it, straight to Meilisearch
// (the two multi-searches in parallel, as the adapter sends them: the federated hits and
// the counts per kind). Alternating which side goes first; p50/p95 of both and the ratio.
//
// The engine requests are recorded by an HTTP pass-through between the API and
// Meilisearch; the direct side goes through the same pass-through, so both pay it.
import { createServer, request as httpRequest, Agent } from 'node:http';
import { mkdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { load, machine, percentile, root, round, startDemoPlatform } from './demo-platform.mjs';

const ROUNDS = Number(process.env.SUGGEST_ROUNDS ?? 300);
const TARGET_MS = 100;
/** What a visitor types, two letters and more (HeaderSearch's MIN_CHARS), a typo too. */
const QUERIES = [
  'Re',
  'Regional',
  'Regionalkonferenz',
  'Cl',
  'Cloppenburg',
  'Ehren',
  'Ehrenamt',
  'Ehrenamd',
  'Digitalisierung',
  'Jugend',
  'Netzwerktreffen',
  'Prävention',
];
const SUGGESTIONS = 6;

/** The document the web app sends (search.graphql: the query and its fragment). */
const DOCUMENT = readFileSync(join(root, 'apps/web/src/features/search/search.graphql'), 'utf8');

/** Forwards every request to the engine and remembers what the API sent while recording. */
function passThrough(target) {
  const agent = new Agent({ keepAlive: true });
  const upstream = new URL(target);
  let recording = null;
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (recording && req.method === 'POST')
        recording.push({ path: req.url, headers: req.headers, body: body.toString() });
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      forward.end(body);
    });
  });
  return {
    server,
    record: () => (recording = []),
    stopRecording: () => {
      const got = recording;
      recording = null;
      return got;
    },
  };
}

async function main() {
  const loadBefore = load();
  let proxy;
  let proxyUrl;
  const platform = await startDemoPlatform('suggest', {
    apiEnv: async (services) => {
      proxy = passThrough(services.env.MEILI_URL);
      await new Promise((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
      proxyUrl = `http://127.0.0.1:${proxy.server.address().port}`;
      return { MEILI_URL: proxyUrl };
    },
  });
  const agent = new Agent({ keepAlive: true });
  const post = (url, path, headers, body) =>
    new Promise((resolve, reject) => {
      const target = new URL(path, url);
      const req = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers,
          agent,
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () =>
            res.statusCode === 200
              ? resolve(Buffer.concat(chunks).toString())
              : reject(new Error(`${path}: HTTP ${res.statusCode} ${Buffer.concat(chunks)}`)),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const graphql = async (query) => {
    const text = await post(
      platform.url,
      '/graphql',
      {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
      },
      JSON.stringify({
        query: DOCUMENT,
        operationName: 'NetworkSearch',
        variables: { query, first: SUGGESTIONS },
      }),
    );
    const json = JSON.parse(text);
    if (json.errors) throw new Error(JSON.stringify(json.errors));
    return json.data.search;
  };
  const results = {
    date: new Date().toISOString(),
    machine: machine(),
    rounds: ROUNDS,
    queries: QUERIES,
  };
  try {
    // The engine requests of each query, as the API sends them for an anonymous visitor.
    const engine = new Map();
    const found = {};
    for (const query of QUERIES) {
      proxy.record();
      const answer = await graphql(query);
      const sent = proxy.stopRecording().filter((entry) => entry.path.includes('multi-search'));
      if (sent.length === 0) throw new Error(`no engine request recorded for ${query}`);
      engine.set(query, sent);
      found[query] = { totalCount: answer.totalCount, shown: answer.edges.length };
    }
    results.found = found;
    const direct = (query) =>
      Promise.all(
        engine
          .get(query)
          .map(({ path, headers, body }) =>
            post(
              proxyUrl,
              path,
              { 'content-type': 'application/json', authorization: headers.authorization },
              body,
            ),
          ),
      );
    for (let i = 0; i < 30; i++) {
      await graphql(QUERIES[i % QUERIES.length]);
      await direct(QUERIES[i % QUERIES.length]);
    }
    const graphqlMs = [];
    const directMs = [];
    const serviceMs = [];
    const typenameMs = [];
    for (let i = 0; i < ROUNDS; i++) {
      const query = QUERIES[i % QUERIES.length];
      for (const side of i % 2 === 0 ? ['graphql', 'direct'] : ['direct', 'graphql']) {
        const started = performance.now();
        if (side === 'graphql') {
          const answer = await graphql(query);
          graphqlMs.push(performance.now() - started);
          serviceMs.push(answer.tookMs);
        } else {
          await direct(query);
          directMs.push(performance.now() - started);
        }
      }
      const started = performance.now();
      await post(
        platform.url,
        '/graphql',
        { 'content-type': 'application/json' },
        '{"query":"{ __typename }"}',
      );
      typenameMs.push(performance.now() - started);
    }
    const stat = (values) => ({
      p50: round(percentile(values, 50)),
      p95: round(percentile(values, 95)),
    });
    results.graphql = stat(graphqlMs);
    results.direct = stat(directMs);
    results.serviceTookMs = stat(serviceMs);
    results.floorTypename = stat(typenameMs);
    results.ratioP50 = round(results.graphql.p50 / results.direct.p50);
    results.ratioP95 = round(results.graphql.p95 / results.direct.p95);
    results.target = { ms: TARGET_MS, met: results.graphql.p95 <= TARGET_MS };
    results.engineRequestsPerSuggestion = engine.get(QUERIES[0]).length;
  } finally {
    proxy?.server.close();
    agent.destroy();
    await platform.stop();
  }
  results.commit = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root }).stdout?.toString().trim();
  results.loadavg = { before: loadBefore, after: load() };
  const date = results.date.slice(0, 10);
  const dir = join(root, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `search-suggest-${date}${process.env.SUGGEST_SUFFIX ?? ''}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  console.log(JSON.stringify(results, null, 2));
  console.log(`written to ${relative(root, file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
