// Part 4, sending: the generated requests (malformed-requests.mjs) go out, and every answer
// is checked for a 5xx, leaked internals, an untyped or a false outage error.
import { httpCall, rawRequest, round, tally } from './client.mjs';
import { findLeaks } from './leaks.mjs';

export { generateMalformed } from './malformed-requests.mjs';

/** How many of the answer's GraphQL errors carry `code`. */
function errorsWithCode(body, code) {
  try {
    const json = JSON.parse(body);
    const errors = Array.isArray(json)
      ? json.flatMap((entry) => entry?.errors ?? [])
      : (json?.errors ?? []);
    return errors.filter((error) => error?.extensions?.code === code).length;
  } catch {
    return 0;
  }
}

/** Sends the requests with `concurrency` in flight; returns counts and the samples worth reading. */
export async function sendMalformed({ platform, requests, sessions, concurrency, timeoutMs }) {
  const results = new Array(requests.length);
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const index = next++;
      const spec = requests[index];
      let answer;
      let requestText;
      if (spec.raw) {
        answer = await rawRequest(platform.port, spec.raw, timeoutMs);
        requestText = spec.raw.toString('latin1');
      } else {
        const headers = { ...spec.headers };
        if (spec.as && !headers.cookie) headers.cookie = sessions[spec.as];
        if (!headers.origin)
          headers.origin = spec.origin && spec.origin !== 'own' ? spec.origin : platform.url;
        answer = await httpCall(
          platform.port,
          { method: spec.method, path: spec.path, headers, body: spec.body },
          timeoutMs,
        );
        requestText = `${spec.path} ${Buffer.isBuffer(spec.body) ? spec.body.toString('utf8') : (spec.body ?? '')} ${headers.cookie ?? ''}`;
        // The request as the server decodes it: JSON escapes and percent-encoding undone.
        try {
          requestText += ` ${decodeURIComponent(spec.path)}`;
        } catch {
          // not decodable; the raw path is in requestText already
        }
        try {
          requestText += ` ${JSON.stringify(JSON.parse(spec.body))} ${JSON.parse(spec.body).query ?? ''}`;
        } catch {
          // not JSON
        }
      }
      const body = answer.body ?? '';
      const leaks = answer.outcome === 'answered' ? findLeaks(body, requestText) : [];
      const internal = errorsWithCode(body, 'INTERNAL_SERVER_ERROR');
      // Every service is up during this part: an "outage" answer to bad input is wrong too.
      const outage = errorsWithCode(body, 'SERVICE_UNAVAILABLE');
      const serverError = answer.status !== null && answer.status >= 500;
      results[index] = {
        category: spec.category,
        label: spec.label,
        outcome: answer.outcome,
        status: answer.status,
        ms: round(answer.ms),
        ...(leaks.length ? { leaks } : {}),
        ...(internal ? { internalErrors: internal } : {}),
        ...(outage ? { outageErrors: outage } : {}),
        ...(serverError || leaks.length || internal || outage ? { body: body.slice(0, 600) } : {}),
      };
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));

  const sent = results.filter((r) => r.outcome !== 'unsendable');
  const byCategory = {};
  for (const result of sent) {
    const entry = (byCategory[result.category] ??= {
      requests: 0,
      statuses: {},
      serverErrors: 0,
      leaks: 0,
      internalErrors: 0,
      outageErrors: 0,
      noAnswer: 0,
    });
    entry.requests += 1;
    const key = result.status ?? result.outcome;
    entry.statuses[key] = (entry.statuses[key] ?? 0) + 1;
    if (result.status >= 500) entry.serverErrors += 1;
    if (result.leaks) entry.leaks += 1;
    if (result.internalErrors) entry.internalErrors += 1;
    if (result.outageErrors) entry.outageErrors += 1;
    if (result.outcome !== 'answered') entry.noAnswer += 1;
  }
  const interesting = sent.filter(
    (r) =>
      r.status >= 500 || r.leaks || r.internalErrors || r.outageErrors || r.outcome !== 'answered',
  );
  return {
    generated: requests.length,
    sent: sent.length,
    unsendable: results.length - sent.length,
    serverErrors: sent.filter((r) => r.status >= 500).length,
    leaking: sent.filter((r) => r.leaks).length,
    leakKinds: tally(sent.flatMap((r) => (r.leaks ?? []).map((leak) => leak.kind))),
    internalErrorAnswers: sent.filter((r) => r.internalErrors).length,
    outageAnswers: sent.filter((r) => r.outageErrors).length,
    noAnswer: sent.filter((r) => r.outcome !== 'answered').length,
    statuses: tally(sent.map((r) => r.status ?? r.outcome)),
    byCategory,
    // Uploads the API stored although something about them was odd (for reading; a typed
    // refusal is not required for every one of them, e.g. an unusual file name).
    acceptedUploads: sent
      .filter((r) => r.category === 'bad-multipart' && r.status >= 200 && r.status < 300)
      .map((r) => r.label),
    // Every request that failed an expectation, for reading (bodies cut at 600 characters).
    failures: interesting.slice(0, 300),
    failuresLeftOut: Math.max(0, interesting.length - 300),
  };
}
