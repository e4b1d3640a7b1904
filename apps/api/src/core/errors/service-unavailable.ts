import { AppException } from './app.exception';
import { ErrorCode } from './error-code';

export enum ServiceUnavailableReason {
  /** Meilisearch did not answer (down, frozen, overloaded) within MEILI_TIMEOUT_MS. */
  SEARCH_UNAVAILABLE = 'SEARCH_UNAVAILABLE',
  /** PostgreSQL refused, dropped or did not answer a connection or statement in time. */
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
}

/**
 * A service the request needs is down or too slow. Nothing was lost: a write either
 * committed before (and its outbox row waits) or did not happen at all.
 */
export class ServiceUnavailableException extends AppException {
  static search(cause?: unknown): ServiceUnavailableException {
    return new ServiceUnavailableException(
      ServiceUnavailableReason.SEARCH_UNAVAILABLE,
      'Search is unavailable right now; entries are kept and will be findable again shortly',
      cause,
    );
  }

  static database(cause?: unknown): ServiceUnavailableException {
    return new ServiceUnavailableException(
      ServiceUnavailableReason.DATABASE_UNAVAILABLE,
      'The database is unavailable right now; please try again in a moment',
      cause,
    );
  }

  private constructor(reason: ServiceUnavailableReason, message: string, cause?: unknown) {
    super(ErrorCode.SERVICE_UNAVAILABLE, reason, message);
    if (cause !== undefined) this.cause = cause;
  }

  /** For logs and the outbox's last_error: what actually failed (never sent to clients). */
  override toString(): string {
    const cause = this.cause instanceof Error ? this.cause : undefined;
    const detail = cause
      ? [cause.message, cause.cause instanceof Error ? cause.cause.message : '']
          .filter(Boolean)
          .join(': ')
      : '';
    return `${this.name} (${this.reason})${detail ? `: ${detail}` : ''}`;
  }
}

/**
 * The one place that decides whether a failure is an outage of PostgreSQL: the typed
 * SERVICE_UNAVAILABLE for it, or undefined for everything else (bugs, bad data), which
 * stays an INTERNAL_SERVER_ERROR. Search outages are already typed by the search adapter.
 */
export function asServiceUnavailable(error: unknown): ServiceUnavailableException | undefined {
  if (error instanceof ServiceUnavailableException) return error;
  return isDatabaseOutage(error) ? ServiceUnavailableException.database(error) : undefined;
}

/** Node's socket errors: the server refused, reset or cannot be reached. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of an unavailable server: connection exceptions (class 08), insufficient
 * resources (class 53, e.g. too many connections), shutdown / not ready (57P01-57P03,
 * 57P05), and query_canceled (57014), which is how statement_timeout ends a statement.
 * lock_not_available (55P03, lock_timeout) stays a CONFLICT: another change holds the row.
 */
function isOutageSqlState(code: string): boolean {
  return (
    code.startsWith('08') ||
    code.startsWith('53') ||
    ['57P01', '57P02', '57P03', '57P05', '57014'].includes(code)
  );
}

/**
 * What pg and pg-pool say when a connection cannot be had or dies, and what the
 * bounded client (database/data-source.ts) says when a server stops answering. They
 * carry no code, so their messages are matched.
 */
const OUTAGE_MESSAGES = [
  /timeout exceeded when trying to connect/i,
  /^Connection terminated/i,
  /^timeout expired$/i,
  /^Query read timeout$/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
  /did not answer within \d+ ms/i,
];

export function isDatabaseOutage(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || isOutageSqlState(code))) return true;
  if (OUTAGE_MESSAGES.some((pattern) => pattern.test(error.message))) return true;
  // TypeORM wraps the driver's error; connecting to several addresses gives an AggregateError.
  const inner = [
    (error as { driverError?: unknown }).driverError,
    error.cause,
    ...(error instanceof AggregateError ? error.errors : []),
  ];
  return inner.some((candidate) => candidate !== error && isDatabaseOutage(candidate, depth + 1));
}
