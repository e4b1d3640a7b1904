import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { errorExtensions } from './app-exception.filter';
import { ErrorCode } from './error-code';
import { asServiceUnavailable } from './service-unavailable';

/** Codes a client may see: ours, Apollo's for rejected requests, and the limits'. */
const KNOWN_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

/**
 * Last stop of every GraphQL error. Typed errors (already shaped by
 * AppExceptionFilter) and request errors pass; anything unexpected is logged
 * and answered with a generic INTERNAL_SERVER_ERROR so no internals leak.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    const original = error instanceof GraphQLError ? error.originalError : undefined;
    const unexpected = original !== undefined && !(original instanceof GraphQLError);
    if (
      typeof code === 'string' &&
      KNOWN_CODES.has(code) &&
      code !== ErrorCode.INTERNAL_SERVER_ERROR &&
      !unexpected
    ) {
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, ...fieldOf(formatted, extensions) } };
    }
    // Outages that did not pass a resolver's filters (UnexpectedErrorFilter) still answer typed.
    const unavailable = asServiceUnavailable(original);
    if (unavailable) {
      logger.warn({ err: original, path: formatted.path }, 'service unavailable');
      return {
        message: unavailable.message,
        path: formatted.path,
        extensions: errorExtensions(unavailable),
      };
    }
    if (isConcurrencyFailure(original)) {
      // Two transactions got in each other's way; nothing was written by this one.
      logger.warn({ err: original, path: formatted.path }, 'concurrent change, answered CONFLICT');
      return {
        message:
          'The same data was changed at the same moment; nothing was saved, please try again',
        path: formatted.path,
        extensions: { code: ErrorCode.CONFLICT, reason: 'CONCURRENT_CHANGE' },
      };
    }
    logger.error(
      { err: original ?? error, path: formatted.path },
      'unexpected error in a GraphQL request',
    );
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

/** Variable coercion errors name the variable; expose it as `field` too. */
function fieldOf(
  formatted: GraphQLFormattedError,
  extensions: Record<string, unknown>,
): { field?: string } {
  if (typeof extensions.field === 'string') return {};
  const match = /Variable "\$([A-Za-z0-9_]+)"/.exec(formatted.message);
  return match ? { field: match[1] } : {};
}

/** PostgreSQL's deadlock_detected, serialization_failure and lock_not_available. */
const CONCURRENCY_SQLSTATES = new Set(['40P01', '40001', '55P03']);

function isConcurrencyFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && CONCURRENCY_SQLSTATES.has(code);
}
