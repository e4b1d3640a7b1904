import { MeilisearchApiError } from 'meilisearch';
import { Agent, request, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

/**
 * The HTTP client of the Meilisearch adapter (the client's `httpClient` option), instead of
 * the global fetch. Measured under load (bench/load.mjs, issue 18): fetch opened a new TCP
 * connection per search (the adapter sent `Connection: close` because kept-alive fetch
 * connections stalled ~40 ms: Nagle's algorithm meeting delayed ACKs), destroyed each socket
 * with an Error whose stack was prepared every time, and cloned every request body through
 * web streams. Here: one keep-alive agent per adapter with TCP_NODELAY on every socket, the
 * body written together with the headers (one `end(body)`), the answer read as one string.
 *
 * Contract of `httpClient`: resolves with the parsed JSON (undefined for an empty body);
 * a non-2xx answer throws MeilisearchApiError (the client wraps whatever this throws in a
 * MeilisearchRequestError with the original as `cause`, see `meiliCause`); an abort rejects
 * with `signal.reason`, which the client turns into its timeout error.
 */
export function engineHttpClient(options: { maxSockets?: number } = {}): {
  fetch: (input: string | URL | Request, init?: RequestInit) => Promise<unknown>;
  close: () => void;
} {
  const agentOptions = {
    keepAlive: true,
    keepAliveMsecs: 1000,
    maxSockets: options.maxSockets ?? 64,
    maxFreeSockets: 16,
    // Meilisearch closes idle connections after 5 s (actix keep-alive); drop ours sooner so a
    // request never lands on a socket the engine is closing.
    timeout: 4_000,
    noDelay: true,
  };
  const agent = new Agent(agentOptions);
  const httpsAgent = new HttpsAgent(agentOptions);

  const fetchJson = (input: string | URL | Request, init: RequestInit = {}): Promise<unknown> =>
    once(input, init).catch((error: unknown) => {
      // A kept-alive socket the engine closed while it was idle fails at once with a reset
      // before anything was answered: send the request once more, on a new connection
      // (Node's http docs, "request.reusedSocket").
      if (error instanceof ReusedSocketReset && !init.signal?.aborted) return once(input, init);
      throw error instanceof ReusedSocketReset ? error.cause : error;
    });

  const once = (input: string | URL | Request, init: RequestInit = {}): Promise<unknown> => {
    const url =
      input instanceof URL ? input : new URL(typeof input === 'string' ? input : input.url);
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      if (name !== 'connection') headers[name] = value;
    });
    const body = typeof init.body === 'string' ? Buffer.from(init.body) : undefined;
    if (body) headers['content-length'] = String(body.length);
    const signal = init.signal ?? undefined;
    return new Promise<unknown>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const secure = url.protocol === 'https:';
      const req = (secure ? httpsRequest : request)(url, {
        method: init.method ?? 'GET',
        headers,
        agent: secure ? httpsAgent : agent,
      });
      const onAbort = () => {
        req.destroy();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      const done = () => signal?.removeEventListener('abort', onAbort);
      req.on('socket', (socket) => socket.setNoDelay(true));
      let answered = false;
      req.on('error', (error: NodeJS.ErrnoException) => {
        done();
        const stale =
          req.reusedSocket &&
          !answered &&
          ['ECONNRESET', 'EPIPE', 'ECONNABORTED'].includes(error.code ?? '');
        reject(stale ? new ReusedSocketReset(error) : error);
      });
      req.on('response', (res: IncomingMessage) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => {
          done();
          reject(error);
        });
        res.on('end', () => {
          done();
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown;
          try {
            parsed = text === '' ? undefined : JSON.parse(text);
          } catch (error) {
            reject(error);
            return;
          }
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            resolve(parsed);
            return;
          }
          const response = {
            status,
            statusText: res.statusMessage ?? '',
            ok: false,
            url: url.href,
          };
          reject(new MeilisearchApiError(response as unknown as Response, parsed as never));
        });
      });
      req.end(body);
    });
  };
  return {
    fetch: fetchJson,
    close: () => {
      agent.destroy();
      httpsAgent.destroy();
    },
  };
}

/** A reset on a reused keep-alive socket before any answer: worth one more try. */
class ReusedSocketReset extends Error {
  constructor(override readonly cause: Error) {
    super(cause.message);
  }
}
