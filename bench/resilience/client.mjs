// Small HTTP, GraphQL and WebSocket clients for the resilience suite (bench/resilience.mjs).
// Every call carries a client-side timeout, so no request loop can hang the suite.
import { createRequire } from 'node:module';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

const require = createRequire(import.meta.url);
const { createClient } = require('graphql-ws');
const WebSocket = require('ws');

export const DEMO_PASSWORD = 'wissensnetz-demo';
export const demoEmail = (role, slug) =>
  role === 'organizer'
    ? 'organizer@demo.wissensnetz.example'
    : `${role}.${slug}@demo.wissensnetz.example`;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const round = (value, digits = 1) =>
  value === null || value === undefined ? null : Number(value.toFixed(digits));

/** Tally of values: { key: count }. */
export function tally(values) {
  const counts = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** Random lower-case letters: a search word no other document contains (and no typo of one). */
export function uniqueWord(prefix = 'rz') {
  const letters = 'bcdfghjklmnpqrstvwxz';
  let word = prefix;
  for (let i = 0; i < 10; i++) word += letters[Math.floor(Math.random() * letters.length)];
  return word;
}

/**
 * One GraphQL POST. Never throws: the outcome says what came back.
 * `outcome`: 'ok' (200, no errors), 'error' (GraphQL errors, `code` is the first one's
 * extensions.code), 'http' (non-200 without GraphQL errors), 'timeout', 'network'.
 */
export async function gql(base, query, variables, options = {}) {
  const { cookie, timeoutMs = 20_000, origin = base } = options;
  const started = performance.now();
  try {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // What a browser on the platform's own page sends; CSRF checks accept it.
        origin,
        ...(cookie ? { cookie } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    const ms = performance.now() - started;
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const setCookie = response.headers.get('set-cookie') ?? undefined;
    const errors = json?.errors;
    // The start of the answer, for the leak check of outage answers.
    const body = text.slice(0, 8192);
    if (Array.isArray(errors) && errors.length > 0) {
      return {
        body,
        outcome: 'error',
        status: response.status,
        code: String(errors[0]?.extensions?.code ?? 'NO_CODE'),
        message: String(errors[0]?.message ?? '').slice(0, 200),
        ms,
        data: json?.data,
        setCookie,
      };
    }
    if (response.status !== 200 || json === undefined) {
      return {
        outcome: 'http',
        status: response.status,
        code: `HTTP_${response.status}`,
        ms,
        body,
      };
    }
    return { outcome: 'ok', status: 200, code: 'OK', ms, data: json.data, setCookie, body };
  } catch (error) {
    const ms = performance.now() - started;
    const timeout = error?.name === 'TimeoutError' || error?.name === 'AbortError';
    return {
      outcome: timeout ? 'timeout' : 'network',
      status: null,
      code: timeout ? 'CLIENT_TIMEOUT' : `NETWORK_${error?.cause?.code ?? error?.name ?? 'ERROR'}`,
      ms,
    };
  }
}

/** A plain GET (health, calendar feeds): status and time, never throws. */
export async function get(base, path, options = {}) {
  const { cookie, timeoutMs = 20_000 } = options;
  const started = performance.now();
  try {
    const response = await fetch(`${base}${path}`, {
      headers: cookie ? { cookie } : {},
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = (await response.text()).slice(0, 8192);
    const ms = performance.now() - started;
    return {
      body,
      outcome: response.status === 200 ? 'ok' : 'http',
      status: response.status,
      code: response.status === 200 ? 'OK' : `HTTP_${response.status}`,
      ms,
    };
  } catch (error) {
    const timeout = error?.name === 'TimeoutError' || error?.name === 'AbortError';
    return {
      outcome: timeout ? 'timeout' : 'network',
      status: null,
      code: timeout ? 'CLIENT_TIMEOUT' : `NETWORK_${error?.cause?.code ?? error?.name ?? 'ERROR'}`,
      ms: performance.now() - started,
    };
  }
}

/** Signs a demo account in and returns its cookie pair (`wn_session=...`). */
export async function login(base, email) {
  const result = await gql(
    base,
    'mutation($i: LoginInput!) { login(input: $i) { id } }',
    { i: { email, password: DEMO_PASSWORD } },
    { timeoutMs: 30_000 },
  );
  if (result.outcome !== 'ok' || !result.setCookie)
    throw new Error(`login of ${email} failed: ${result.code} ${result.message ?? ''}`);
  return result.setCookie.split(';')[0];
}

/**
 * A graphql-ws subscription with the session cookie on the upgrade (like a browser on the
 * platform's page). Collects what arrives and whether the socket closed.
 */
export function liveSubscription(base, cookie, query, variables) {
  class BrowserLikeWebSocket extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, { headers: { cookie, origin: base } });
    }
  }
  const state = { received: [], errors: [], closed: null, connected: false, completed: false };
  const client = createClient({
    url: `${base.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: BrowserLikeWebSocket,
    retryAttempts: 0,
    lazy: false,
    on: {
      connected: () => (state.connected = true),
      closed: (event) => {
        state.closed = { code: event?.code ?? null, reason: String(event?.reason ?? '') };
      },
    },
  });
  client.subscribe(
    { query, variables },
    {
      next: (value) => state.received.push(value),
      error: (error) =>
        state.errors.push(
          Array.isArray(error)
            ? error.map((e) => e?.extensions?.code ?? e?.message).join(',')
            : String(error?.message ?? error?.code ?? error),
        ),
      complete: () => (state.completed = true),
    },
  );
  return { state, dispose: () => client.dispose() };
}

/** Waits until `check()` is true or `timeoutMs` passed; returns whether it became true. */
export async function waitUntil(check, timeoutMs, everyMs = 100) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (performance.now() > deadline) return false;
    await sleep(everyMs);
  }
}

/**
 * Sends bytes exactly as given over a fresh TCP connection (requests fetch refuses to
 * build: NUL or raw non-UTF-8 bytes in the path or headers, broken framing) and reads
 * the answer until the server closes or `timeoutMs` passes.
 */
export function rawRequest(port, bytes, timeoutMs = 10_000) {
  return new Promise((resolve) => {
    const started = performance.now();
    const chunks = [];
    let settled = false;
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (outcome) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1];
      resolve({
        outcome: status ? 'answered' : outcome,
        status: status ? Number(status) : null,
        body: text.slice(text.indexOf('\r\n\r\n') + 4),
        headers: text.slice(0, Math.max(0, text.indexOf('\r\n\r\n'))),
        ms: performance.now() - started,
      });
    };
    socket.setTimeout(timeoutMs, () => finish('timeout'));
    // write, not end: a half-closed socket makes node:http abort a request still in work.
    socket.on('connect', () => socket.write(bytes));
    let answered = false;
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      // The head is in: give the rest of the body a moment (an upgraded or kept-alive
      // socket would otherwise stay open until the timeout).
      if (!answered && Buffer.concat(chunks).includes('\r\n\r\n')) {
        answered = true;
        setTimeout(() => finish('answered'), 500);
      }
    });
    socket.on('end', () => finish('closed'));
    socket.on('close', () => finish('closed'));
    socket.on('error', () => finish('network'));
  });
}

/**
 * One HTTP request through node:http (any method, headers and body as given, paths that
 * fetch would normalise such as `/a/../b` kept as they are). Never throws.
 */
export function httpCall(port, { method = 'GET', path = '/', headers = {}, body }, timeoutMs) {
  return new Promise((resolve) => {
    const started = performance.now();
    let settled = false;
    const done = (result) => {
      if (settled) return;
      settled = true;
      resolve({ ...result, ms: performance.now() - started });
    };
    let req;
    try {
      req = httpRequest({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
        const chunks = [];
        let size = 0;
        res.on('data', (chunk) => {
          // Keep the first 256 KiB: enough to look for leaks, bounded in memory.
          if (size < 262_144) chunks.push(chunk);
          size += chunk.length;
        });
        res.on('end', () =>
          done({
            outcome: 'answered',
            status: res.statusCode,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', () => done({ outcome: 'network', status: res.statusCode, body: '' }));
      });
    } catch (error) {
      // node:http refuses to build it (invalid characters): not sent, not counted.
      done({ outcome: 'unsendable', status: null, body: String(error?.code ?? error) });
      return;
    }
    req.setTimeout(timeoutMs, () => {
      req.destroy();
      done({ outcome: 'timeout', status: null, body: '' });
    });
    req.on('error', (error) =>
      done({ outcome: 'network', status: null, body: String(error?.code) }),
    );
    if (body !== undefined) req.write(body);
    req.end();
  });
}
