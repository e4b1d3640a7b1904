import type { ApolloServerPlugin } from '@apollo/server';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { SearchIndex } from '../../search/search-index';
import type { AppConfig } from '../config/config';
import type { GraphQLContext } from '../graphql/loaders';
import { redactUrl } from '../logging/redact';
import type { Metrics } from './metrics.service';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Times every HTTP request: the duration histogram, and a `slow request` warning above
 * SLOW_REQUEST_MS (method, redacted URL, status, GraphQL operation, request id).
 */
export function httpTiming(
  metrics: Metrics,
  config: Pick<AppConfig, 'slowRequestMs'>,
  logger: Logger,
) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const method = KNOWN_METHODS.has(req.method) ? req.method : 'OTHER';
      metrics.httpDuration.observe(
        { method, status: `${Math.floor(res.statusCode / 100)}xx` },
        ms / 1000,
      );
      if (config.slowRequestMs > 0 && ms >= config.slowRequestMs) {
        metrics.slowRequests.inc();
        const operation = (req.body as { operationName?: unknown } | undefined)?.operationName;
        logger.warn(
          {
            reqId: typeof req.id === 'string' ? req.id : undefined,
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
    });
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
