// The table of the resilience result: figure, value, expectation, met? (bench/README.md).
const yes = (condition) => (condition ? 'yes' : 'no');
const codes = (counts) =>
  Object.entries(counts ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${n}× ${code}`)
    .join(', ') || '–';
const seconds = (ms) => (ms === null || ms === undefined ? '–' : `${(ms / 1000).toFixed(1)} s`);

/** Merges the code counts and the slowest answer of several probe kinds. */
function merge(probes, names) {
  const counts = {};
  let maxMs = 0;
  let samples = 0;
  for (const name of names) {
    const probe = probes?.[name];
    if (!probe) continue;
    samples += probe.samples;
    maxMs = Math.max(maxMs, probe.maxMs ?? 0);
    for (const [code, n] of Object.entries(probe.codes)) counts[code] = (counts[code] ?? 0) + n;
  }
  return { counts, maxMs, samples };
}

/** Answers of probe loops that leaked internals: how many, and the first few matches. */
function leaks(...probeSets) {
  const found = probeSets
    .flatMap((probes) => Object.entries(probes ?? {}))
    .flatMap(([name, probe]) =>
      probe.all.filter((r) => r.leaks).map((r) => `${name}: ${r.leaks[0]}`),
    );
  const first = [...new Set(found)].slice(0, 2).join('; ');
  return { count: found.length, text: found.length ? `${found.length} (${first})` : '0' };
}

const failed = (label, part) => [[label, `part failed: ${part.error}`, '–', 'no']];

function meiliRows(part) {
  if (part.error) return failed('1. Meilisearch frozen', part);
  const searchNames = Object.keys(part.probes).filter((name) => part.probes[name].search);
  const pageNames = Object.keys(part.probes).filter((name) => !part.probes[name].search);
  const search = merge(part.probes, searchNames);
  const pages = merge(part.probes, pageNames);
  const searchTyped = Object.keys(search.counts).every((code) => code === 'SERVICE_UNAVAILABLE');
  return [
    [
      `1a. writes confirmed while Meilisearch was frozen (${part.creates} create + publish, ${part.updates} updates, frozen ${seconds(part.frozenMs)})`,
      `${part.confirmed} of ${part.writes}${part.confirmed < part.writes ? ` (${codes(part.failed)})` : ''}; p50 ${part.writeMs.p50} ms`,
      `all ${part.writes}`,
      yes(part.confirmed === part.writes),
    ],
    [
      '1b. confirmed writes lost: missing in PostgreSQL / not searchable after SIGCONT',
      `${part.lostInPostgres} / ${part.notSearchable}`,
      '0 / 0',
      yes(part.lostInPostgres === 0 && part.notSearchable === 0),
    ],
    [
      `1c. searches while frozen (${searchNames.join(', ')}; client timeout ${seconds(part.probeTimeoutMs)})`,
      `${codes(search.counts)}; slowest ${seconds(search.maxMs)}`,
      'SERVICE_UNAVAILABLE within 5 s',
      yes(search.samples > 0 && searchTyped && search.maxMs <= 5000),
    ],
    [
      `1d. pages without search while frozen (${pageNames.join(', ')})`,
      `${codes(pages.counts)}; slowest ${seconds(pages.maxMs)}`,
      'OK within 5 s',
      yes(
        pages.samples > 0 &&
          Object.keys(pages.counts).every((c) => c === 'OK') &&
          pages.maxMs <= 5000,
      ),
    ],
    [
      '1e. SIGCONT → every confirmed write searchable (anonymous search for its unique word)',
      part.allSearchableMs === null
        ? `not all within ${seconds(part.searchableTimeoutMs)}`
        : `${seconds(part.allSearchableMs)} (p50 ${seconds(part.searchableP50Ms)})`,
      'all, measured',
      yes(part.allSearchableMs !== null),
    ],
    [
      '1f. answers while frozen that leak internals (stack traces, file paths, SQL, driver errors)',
      leaks(part.probes).text,
      '0',
      yes(leaks(part.probes).count === 0),
    ],
  ];
}

function postgresRows(part) {
  if (part.error) return failed('2. PostgreSQL stopped and restarted', part);
  const rows = [];
  const { restart, freeze } = part;
  const gqlNames = ['pageAnonymous', 'meSignedIn', 'noteSignedIn'];
  const down = merge(restart.whileDown, gqlNames);
  const http = merge(restart.whileDown, ['health', 'calendarFeed']);
  const typed = Object.keys(down.counts).every((code) => code.endsWith('SERVICE_UNAVAILABLE'));
  const httpOk = Object.keys(http.counts).every((code) => code.startsWith('503'));
  rows.push(
    [
      `2a. GraphQL while PostgreSQL is down (${seconds(restart.downMs)}; anonymous page, \`me\` and a note with a session)`,
      `${codes(down.counts)}; slowest ${seconds(down.maxMs)}`,
      'SERVICE_UNAVAILABLE within 5 s',
      yes(down.samples > 0 && typed && down.maxMs <= 5000),
    ],
    [
      '2b. HTTP routes while PostgreSQL is down (/health, a city calendar)',
      `${codes(http.counts)}; slowest ${seconds(http.maxMs)}`,
      '503 within 5 s',
      yes(http.samples > 0 && httpOk && http.maxMs <= 5000),
    ],
    [
      '2c. PostgreSQL back → API answers again (no API restart)',
      restart.recoveredMs === null
        ? `no${restart.apiAliveAfter ? ` (not within ${seconds(restart.recoverTimeoutMs)})` : ' (the API process ended)'}`
        : `after ${seconds(restart.recoveredMs)}`,
      'yes, within seconds',
      yes(restart.recoveredMs !== null && restart.apiAliveAfter && restart.recoveredMs <= 10_000),
    ],
    [
      '2d. live tandem note written after the restart reaches a subscriber (socket opened before / after the restart)',
      `${restart.live.existing === null ? 'no' : `yes (${restart.live.existing} ms)`} / ${restart.live.fresh === null ? 'no' : `yes (${restart.live.fresh} ms)`}${restart.baselineDeliveredMs === null ? '; not even before the restart' : ''}`,
      'yes / yes',
      yes(restart.live.existing !== null && restart.live.fresh !== null),
    ],
  );
  if (freeze) {
    const frozen = merge(freeze.whileFrozen, ['pageAnonymous', 'meSignedIn', 'health']);
    const typedFrozen = Object.keys(frozen.counts).every(
      (code) => code.endsWith('SERVICE_UNAVAILABLE') || code.startsWith('503'),
    );
    rows.push(
      [
        `2e. PostgreSQL frozen (SIGSTOP of its ${freeze.processes} processes, ${seconds(freeze.frozenMs)}; page, \`me\`, /health; client timeout ${seconds(freeze.probeTimeoutMs)})`,
        `${codes(frozen.counts)}; slowest ${seconds(frozen.maxMs)}`,
        'SERVICE_UNAVAILABLE / 503 within 20 s',
        yes(frozen.samples > 0 && typedFrozen && frozen.maxMs <= 20_000),
      ],
      [
        '2f. SIGCONT → API answers again',
        freeze.recoveredMs === null ? 'no' : `after ${seconds(freeze.recoveredMs)}`,
        'yes',
        yes(freeze.recoveredMs !== null),
      ],
    );
  }
  const outageLeaks = leaks(restart.whileDown, freeze?.whileFrozen);
  rows.push([
    '2g. answers while PostgreSQL was down or frozen that leak internals',
    outageLeaks.text,
    '0',
    yes(outageLeaks.count === 0),
  ]);
  return rows;
}

function killRows(part) {
  if (part.error) return failed('3. kill -9 during writes', part);
  return [
    [
      `3a. confirmed writes present after kill -9 and restart (${part.writers} writers; ${part.attempts} sent)`,
      `${part.confirmed - part.missingInPostgres} of ${part.confirmed} in PostgreSQL, ${part.confirmed - part.unreadableThroughApi} readable through the API; ${part.unanswered} unanswered (${part.unansweredButCommitted} of them committed)`,
      'all',
      yes(part.confirmed > 0 && part.missingInPostgres === 0 && part.unreadableThroughApi === 0),
    ],
    [
      '3b. API start after kill -9 (same data, no manual cleanup); session kept; next write',
      `${seconds(part.restartMs)}; session ${part.sessionSurvivedRestart ? 'kept' : 'lost'}; write ${part.writeAfterRestart}`,
      'starts; session kept; write OK',
      yes(part.sessionSurvivedRestart && part.writeAfterRestart === 'OK'),
    ],
  ];
}

function malformedRows(part) {
  if (part.error) return failed('4. malformed requests', part);
  const categories = Object.keys(part.byCategory).length;
  return [
    [
      `4a. generated malformed requests sent (${categories} kinds, see byCategory)`,
      `${part.sent}${part.unsendable ? ` (+${part.unsendable} that node:http would not send)` : ''}`,
      '≥ 1000',
      yes(part.sent >= 1000),
    ],
    ['4b. answers with HTTP 5xx', String(part.serverErrors), '0', yes(part.serverErrors === 0)],
    [
      '4c. answers that leak internals (stack traces, SQL, file paths, driver errors)',
      `${part.leaking}${part.leaking ? ` (${codes(part.leakKinds)})` : ''}`,
      '0',
      yes(part.leaking === 0),
    ],
    [
      '4d. GraphQL answers with the untyped INTERNAL_SERVER_ERROR',
      String(part.internalErrorAnswers),
      '0 (bad input gets a typed code)',
      yes(part.internalErrorAnswers === 0),
    ],
    [
      '4e. bad input answered as an outage (SERVICE_UNAVAILABLE while every service is up)',
      String(part.outageAnswers),
      '0',
      yes(part.outageAnswers === 0),
    ],
    [
      '4f. requests without an answer within 15 s',
      String(part.noAnswer),
      '0',
      yes(part.noAnswer === 0),
    ],
    [
      '4g. uploads with a foreign Origin and the session cookie that were stored (CSRF)',
      String(part.acceptedUploads.filter((label) => label.includes('foreign origin')).length),
      '0',
      yes(!part.acceptedUploads.some((label) => label.includes('foreign origin'))),
    ],
    [
      '4h. API alive and healthy afterwards',
      `${part.apiAliveAfter ? 'alive' : 'ended'}, /health ${part.healthAfter ?? '–'}`,
      'alive, 200',
      yes(part.apiAliveAfter && part.healthAfter === 200),
    ],
  ];
}

function loadRows(part) {
  if (part.error) return failed('5. concurrent clients', part);
  return [
    [
      `5a. ${part.clients} concurrent clients for ${part.seconds} s (half signed in): requests`,
      `${part.requests} (${part.requestsPerSecond}/s)`,
      'measured',
      '–',
    ],
    [
      '5b. errors (GraphQL errors, non-200, no answer within 30 s)',
      `${part.errors}${part.errors ? ` (${codes(part.errorCodes)})` : ''}`,
      '0',
      yes(part.errors === 0),
    ],
    [
      '5c. pages: p50 / p95',
      `${part.pages.p50Ms} / ${part.pages.p95Ms} ms (${part.pages.requests} requests)`,
      'measured',
      '–',
    ],
    [
      '5d. searches: p50 / p95',
      `${part.searches.p50Ms} / ${part.searches.p95Ms} ms (${part.searches.requests} requests)`,
      'measured',
      '–',
    ],
  ];
}

export function figures(results) {
  const { parts } = results;
  return [
    ...(parts.meili ? meiliRows(parts.meili) : []),
    ...(parts.postgres ? postgresRows(parts.postgres) : []),
    ...(parts.kill ? killRows(parts.kill) : []),
    ...(parts.malformed ? malformedRows(parts.malformed) : []),
    ...(parts.load ? loadRows(parts.load) : []),
  ];
}
