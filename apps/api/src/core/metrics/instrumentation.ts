import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { SearchIndex } from '../../search/search-index';
import type { AppConfig } from '../config/config';
import type { GraphQLContext } from '../graphql/loaders';
import { redactUrl } from '../logging/redact';
import { genRequestId } from '../logging/request-id';
import type { Metrics } from './metrics.service';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Probes and scrapes: not worth an access log line each. */
const QUIET_PATHS = new Set(['/health', '/health/live', '/health/ready', '/metrics']);

/**
 * Names, times and logs every HTTP request, with one listener pair per request:
 * - the request id (`x-request-id` if sane, else a new UUID) as `req.id`, echoed in the answer;
 * - the duration histogram, and a `slow request` warning above SLOW_REQUEST_MS (method,
 *   redacted URL, status, GraphQL operation, request id);
 * - the access log line (`request completed` at debug, 4xx and aborted at info, 5xx at error)
 *   with the request id, method, redacted URL, status and duration; built only when its level
 *   is on. (pino-http did this before with two child loggers per request that nothing used:
 *   a fifth of the CPU time of the cheapest request; bench/README.md, "Indexing memory, CPU
 *   per request, two instances, Node 24".)
 */
export function httpTiming(
  metrics: Metrics,
  config: Pick<AppConfig, 'slowRequestMs'>,
  logger: Logger,
) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    req.id = genRequestId(req, res);
    let ended = false;
    const end = (aborted: boolean) => {
      if (ended) return;
      ended = true;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const method = KNOWN_METHODS.has(req.method) ? req.method : 'OTHER';
      if (!aborted)
        metrics.httpDuration.observe(
          { method, status: `${Math.floor(res.statusCode / 100)}xx` },
          ms / 1000,
        );
      if (!aborted && config.slowRequestMs > 0 && ms >= config.slowRequestMs) {
        metrics.slowRequests.inc();
        const operation = (req.body as { operationName?: unknown } | undefined)?.operationName;
        logger.warn(
          {
            reqId: req.id,
            method,
            url: redactUrl(req.originalUrl),
            statusCode: res.statusCode,
            ms: Math.round(ms),
            ...(typeof operation === 'string'
              ? { operation: metrics.operationLabel(operation) }
              : {}),
          },
          'slow request',
        );
      }
      const level =
        res.statusCode >= 500 ? 'error' : aborted || res.statusCode >= 400 ? 'info' : 'debug';
      if (!logger.isLevelEnabled(level) || QUIET_PATHS.has(req.originalUrl.split('?')[0])) return;
      logger[level](
        {
          req: { id: req.id, method: req.method, url: redactUrl(req.originalUrl) },
          res: { statusCode: res.statusCode },
          responseTime: Math.round(ms),
        },
        aborted
          ? 'request aborted'
          : res.statusCode >= 500
            ? 'request errored'
            : 'request completed',
      );
    };
    res.once('finish', () => end(false));
    // A client that went away before the answer was written.
    res.once('close', () => end(!res.writableFinished));
    next();
  };
}

/** Observes each GraphQL request's duration by operation name (bounded, see operationLabel). */
export function graphqlMetricsPlugin(metrics: Metrics): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      let operation = 'invalid';
      let type = 'unknown';
      return {
        async didResolveOperation({ operationName, operation: definition }) {
          operation = metrics.operationLabel(operationName);
          type = definition?.operation ?? 'unknown';
        },
        async willSendResponse({ response }) {
          const failed =
            response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0;
          metrics.graphqlDuration.observe(
            { operation, type, outcome: failed ? 'error' : 'ok' },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
        },
      };
    },
  };
}

/** The search engine with its searches timed; every other call passes through unchanged. */
export function timedSearchIndex(index: SearchIndex, metrics: Metrics): SearchIndex {
  const timed = <T>(label: string, run: () => Promise<T>): Promise<T> => {
    const end = metrics.searchDuration.startTimer({ index: label });
    return run().then(
      (result) => {
        end({ outcome: 'ok' });
        return result;
      },
      (error: unknown) => {
        end({ outcome: 'error' });
        throw error;
      },
    );
  };
  return new Proxy(index, {
    get(target, property, receiver) {
      if (property === 'search')
        return (...args: Parameters<SearchIndex['search']>) =>
          timed(args[0], () => target.search(...args));
      if (property === 'federatedSearch')
        return (...args: Parameters<SearchIndex['federatedSearch']>) =>
          timed('federated', () => target.federatedSearch(...args));
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}
