// Part 2: PostgreSQL stopped and restarted under the running API (and, 2b, frozen).
import {
  get,
  gql,
  liveSubscription,
  percentile,
  round,
  sleep,
  tally,
  waitUntil,
} from './client.mjs';
import { leakSummary } from './leaks.mjs';

const SUBSCRIBE = 'subscription($id: ID!) { tandemNoteAdded(tandemId: $id) { id body } }';
const ADD_NOTE = 'mutation($i: AddTandemNoteInput!) { addTandemNote(input: $i) { id } }';

/** What is asked while the database is away: with and without a session, read and write. */
function probes(tandemId) {
  return {
    pageAnonymous: { query: '{ cities(first: 5) { totalCount edges { node { slug } } } }' },
    meSignedIn: { signedIn: true, query: '{ me { id displayName } }' },
    noteSignedIn: {
      signedIn: true,
      query: ADD_NOTE,
      variables: () => ({
        i: { tandemId, kind: 'NOTE', body: `Während des Ausfalls ${Date.now()}` },
      }),
    },
    health: { http: '/health' },
    calendarFeed: { http: '/calendar/cloppenburg.ics' },
  };
}

async function runProbe(url, probe, cookie, timeoutMs) {
  if (probe.http) return get(url, probe.http, { timeoutMs });
  const variables = typeof probe.variables === 'function' ? probe.variables() : probe.variables;
  return gql(url, probe.query, variables, {
    cookie: probe.signedIn ? cookie : undefined,
    timeoutMs,
  });
}

/** Runs every probe in its own loop until `stop()` says so; each bounded by timeoutMs. */
async function probeWhile(url, list, cookie, timeoutMs, stop) {
  const results = Object.fromEntries(Object.keys(list).map((name) => [name, []]));
  await Promise.all(
    Object.entries(list).map(async ([name, probe]) => {
      while (!stop()) {
        const result = await runProbe(url, probe, cookie, timeoutMs);
        results[name].push({
          code: result.code,
          status: result.status,
          ms: round(result.ms),
          leaks: leakSummary(result.body),
        });
        if (!stop()) await sleep(500);
      }
    }),
  );
  return Object.fromEntries(
    Object.entries(results).map(([name, list]) => [
      name,
      {
        samples: list.length,
        codes: tally(list.map((r) => (r.status ? `${r.status} ${r.code}` : r.code))),
        p50Ms: round(
          percentile(
            list.map((r) => r.ms),
            50,
          ),
        ),
        maxMs: round(Math.max(...list.map((r) => r.ms))),
        leaking: list.filter((r) => r.leaks).length,
        all: list,
      },
    ]),
  );
}

/** Polls until the anonymous page and the signed-in query both answer normally. */
async function timeToRecover(url, cookie, timeoutMs) {
  const started = performance.now();
  const ok = await waitUntil(
    async () => {
      const [page, me] = await Promise.all([
        gql(url, '{ cities(first: 5) { totalCount } }', undefined, { timeoutMs: 5000 }),
        gql(url, '{ me { id } }', undefined, { cookie, timeoutMs: 5000 }),
      ]);
      return page.outcome === 'ok' && me.outcome === 'ok' && me.data.me !== null;
    },
    timeoutMs,
    250,
  );
  return ok ? performance.now() - started : null;
}

export async function findTandem(url) {
  const result = await gql(
    url,
    '{ tandems(first: 50, filter: { citySlug: "stendal", status: ACTIVE }) { edges { node { id newCity { slug } } } } }',
  );
  const edge = result.data?.tandems.edges.find((e) => e.node.newCity.slug === 'halberstadt');
  if (!edge) throw new Error(`demo tandem Halberstadt–Stendal not found (${result.code})`);
  return edge.node.id;
}

/** Writes a note and waits for it on each subscription; returns { name: ms | null }. */
async function deliver(url, writerCookie, tandemId, subscriptions, body, timeoutMs) {
  const before = Object.fromEntries(
    Object.entries(subscriptions).map(([name, sub]) => [name, sub.state.received.length]),
  );
  const written = await gql(
    url,
    ADD_NOTE,
    { i: { tandemId, kind: 'NOTE', body } },
    {
      cookie: writerCookie,
    },
  );
  if (written.outcome !== 'ok') return { written: written.code };
  const id = written.data.addTandemNote.id;
  const started = performance.now();
  const arrived = {};
  await Promise.all(
    Object.entries(subscriptions).map(async ([name, sub]) => {
      const got = await waitUntil(
        () =>
          sub.state.received
            .slice(before[name])
            .some((value) => value?.data?.tandemNoteAdded?.id === id),
        timeoutMs,
        50,
      );
      arrived[name] = got ? Math.round(performance.now() - started) : null;
    }),
  );
  return { written: 'OK', arrived };
}

export async function postgresRestart({ platform, session, settings, log }) {
  const url = platform.url;
  const tandemId = await findTandem(url);
  const writer = await session('member', 'halberstadt');
  const watcher = await session('member', 'stendal');

  const before = liveSubscription(url, watcher, SUBSCRIBE, { id: tandemId });
  const subscriptions = [before];
  try {
    await waitUntil(() => before.state.connected, 10_000);
    await sleep(500); // the server registers the subscription after the connection
    const baseline = await deliver(url, writer, tandemId, { before }, 'Vor dem Neustart', 15_000);
    log(`  live note before the restart: ${JSON.stringify(baseline)}`);

    const pid = platform.postgresPid();
    log(
      `  stopping PostgreSQL (pid ${pid}, fast shutdown) for ${settings.postgresDownMs / 1000} s ...`,
    );
    const stopMs = await platform.stopPostgres();
    const downAt = performance.now();
    const down = await probeWhile(
      url,
      probes(tandemId),
      writer,
      settings.probeTimeoutMs,
      () => performance.now() - downAt > settings.postgresDownMs,
    );
    const apiAliveWhileDown = platform.apiAlive();
    const startMs = await platform.startPostgres();
    log(`  PostgreSQL started again (${Math.round(startMs)} ms); waiting for the API ...`);
    const recoveredMs = platform.apiAlive()
      ? await timeToRecover(url, writer, settings.recoverTimeoutMs)
      : null;

    let live = { existing: null, fresh: null, written: 'not tried (API did not recover)' };
    if (recoveredMs !== null) {
      // A subscription opened before the restart, and one opened after it.
      const after = liveSubscription(url, watcher, SUBSCRIBE, { id: tandemId });
      subscriptions.push(after);
      await waitUntil(() => after.state.connected || after.state.closed !== null, 10_000);
      await sleep(500);
      const delivered = await deliver(
        url,
        writer,
        tandemId,
        { existing: before, fresh: after },
        'Nach dem Neustart',
        settings.liveNoteTimeoutMs,
      );
      live = {
        written: delivered.written,
        existing: delivered.arrived?.existing ?? null,
        fresh: delivered.arrived?.fresh ?? null,
        existingSocketClosed: before.state.closed,
        freshSocketClosed: after.state.closed,
        errors: { existing: before.state.errors, fresh: after.state.errors },
      };
    }
    return {
      baselineDeliveredMs: baseline.arrived?.before ?? null,
      downMs: settings.postgresDownMs,
      stopMs: Math.round(stopMs),
      probeTimeoutMs: settings.probeTimeoutMs,
      whileDown: down,
      apiAliveWhileDown,
      apiAliveAfter: platform.apiAlive(),
      restartMs: Math.round(startMs),
      recoveredMs: recoveredMs === null ? null : Math.round(recoveredMs),
      recoverTimeoutMs: settings.recoverTimeoutMs,
      live,
      liveNoteTimeoutMs: settings.liveNoteTimeoutMs,
    };
  } finally {
    await Promise.allSettled(subscriptions.map((sub) => sub.dispose()));
  }
}

/** 2b: every PostgreSQL process frozen (SIGSTOP): a database that hangs instead of refusing. */
export async function postgresFreeze({ platform, session, settings, log }) {
  const url = platform.url;
  const coordinator = await session('coordinator', 'cloppenburg');
  const list = {
    pageAnonymous: { query: '{ cities(first: 5) { totalCount } }' },
    meSignedIn: { signedIn: true, query: '{ me { id } }' },
    health: { http: '/health' },
  };
  const pids = platform.postgresProcesses();
  log(
    `  SIGSTOP ${pids.length} PostgreSQL processes for ${settings.postgresFreezeMs / 1000} s ...`,
  );
  platform.freeze(pids);
  const frozenAt = performance.now();
  let frozen;
  try {
    frozen = await probeWhile(
      url,
      list,
      coordinator,
      settings.probeTimeoutMs,
      () => performance.now() - frozenAt > settings.postgresFreezeMs,
    );
  } finally {
    platform.thaw(pids);
  }
  const frozenMs = performance.now() - frozenAt;
  const recoveredMs = platform.apiAlive()
    ? await timeToRecover(url, coordinator, settings.recoverTimeoutMs)
    : null;
  return {
    processes: pids.length,
    frozenMs: Math.round(frozenMs),
    probeTimeoutMs: settings.probeTimeoutMs,
    whileFrozen: frozen,
    apiAliveAfter: platform.apiAlive(),
    recoveredMs: recoveredMs === null ? null : Math.round(recoveredMs),
  };
}
