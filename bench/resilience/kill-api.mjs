// Part 3: kill -9 of the API during a stream of writes; every confirmed write must be there.
import { gql, round, tally, uniqueWord } from './client.mjs';

const CREATE = 'mutation($i: CreatePracticeInput!) { createPractice(input: $i) { id title } }';

export async function killDuringWrites({ platform, owner, session, settings, log }) {
  const url = platform.url;
  const cookie = await session('coordinator', 'herford');
  const attempts = [];
  let killedAt = null;
  let stopAt = Infinity;
  const started = performance.now();

  // settings.killWriters loops write until shortly after the kill (and never more than
  // settings.killMaxWrites writes in all, nor longer than a minute).
  const writer = async () => {
    while (
      performance.now() < stopAt &&
      attempts.length < settings.killMaxWrites &&
      performance.now() - started < 60_000
    ) {
      const title = `Absturztest ${uniqueWord('kt')}`;
      const attempt = { title, sentAt: performance.now() };
      attempts.push(attempt);
      const result = await gql(
        url,
        CREATE,
        { i: { citySlug: 'herford', title, summary: 'kill -9 während des Schreibens' } },
        { cookie, timeoutMs: 10_000 },
      );
      attempt.code = result.code;
      attempt.ms = round(result.ms);
      attempt.afterKill = killedAt !== null && attempt.sentAt >= killedAt;
      if (result.outcome === 'ok' && result.data.createPractice.title === title)
        attempt.id = result.data.createPractice.id;
    }
  };
  const writers = Array.from({ length: settings.killWriters }, writer);
  // The kill comes once a good number of writes were confirmed (or after 10 s at most).
  const killer = (async () => {
    const deadline = performance.now() + 10_000;
    while (
      attempts.filter((a) => a.id).length < settings.killAfterConfirmed &&
      performance.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
    log(
      `  kill -9 of the API (pid ${platform.api.child.pid}) after ${attempts.filter((a) => a.id).length} confirmed writes ...`,
    );
    killedAt = performance.now();
    platform.killApi('SIGKILL');
    stopAt = killedAt + 1000;
  })();
  await Promise.all([killer, ...writers]);

  const restartMs = await platform.startApi();
  log(`  API up again after ${Math.round(restartMs)} ms; checking every confirmed write ...`);
  const confirmed = attempts.filter((a) => a.id);
  const { rows } = await owner.query('SELECT id, title FROM practice WHERE id = ANY($1)', [
    confirmed.map((a) => a.id),
  ]);
  const stored = new Map(rows.map((row) => [row.id, row.title]));
  const missing = confirmed.filter((a) => stored.get(a.id) !== a.title);
  // Also read back through the API (row-level security, the same session as before).
  let unreadable = 0;
  for (const attempt of confirmed) {
    const result = await gql(
      url,
      'query($id: ID!) { practice(id: $id) { title } }',
      {
        id: attempt.id,
      },
      { cookie, timeoutMs: 10_000 },
    );
    if (result.outcome !== 'ok' || result.data.practice?.title !== attempt.title) unreadable += 1;
  }
  // Writes that were sent but not answered: committed or not, both are correct outcomes.
  const unanswered = attempts.filter((a) => !a.id);
  const { rows: committedAnyway } = await owner.query(
    'SELECT count(*)::int AS n FROM practice WHERE title = ANY($1)',
    [unanswered.map((a) => a.title)],
  );
  const sessionSurvived = await gql(url, '{ me { id } }', undefined, { cookie });
  const writeAfter = await gql(
    url,
    CREATE,
    {
      i: {
        citySlug: 'herford',
        title: `Absturztest danach ${uniqueWord('kt')}`,
        summary: 'danach',
      },
    },
    { cookie },
  );
  return {
    writers: settings.killWriters,
    attempts: attempts.length,
    confirmed: confirmed.length,
    confirmedBeforeKill: confirmed.filter((a) => !a.afterKill).length,
    unanswered: unanswered.length,
    unansweredCodes: tally(unanswered.map((a) => a.code)),
    unansweredButCommitted: committedAnyway[0].n,
    missingInPostgres: missing.length,
    unreadableThroughApi: unreadable,
    restartMs: Math.round(restartMs),
    sessionSurvivedRestart: sessionSurvived.outcome === 'ok' && sessionSurvived.data.me !== null,
    writeAfterRestart: writeAfter.code,
  };
}
