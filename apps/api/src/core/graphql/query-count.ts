import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { requestContext } from '../tenancy/request-context';

/** How much of a slow statement's SQL is logged (the text only, never its parameters). */
const SLOW_SQL_CHARS = 500;

/**
 * Counts SQL statements per request, so tests can prove a list needs a constant
 * number of them (no N+1). Outside production the count is sent back in
 * `extensions.queryCount`.
 */
export class CountingTypeOrmLogger implements TypeOrmLogger {
  /** With a logger, statements above TypeORM's maxQueryExecutionTime are logged as `slow query`. */
  constructor(private readonly logger?: Logger) {}

  logQuery(): void {
    const context = requestContext();
    context.queryCount = (context.queryCount ?? 0) + 1;
  }
  logQueryError(): void {}
  logQuerySlow(time: number, query: string): void {
    // Parameters carry personal data (e-mail addresses, names, tokens): never logged.
    this.logger?.warn(
      { ms: Math.round(time), sql: query.replace(/\s+/g, ' ').slice(0, SLOW_SQL_CHARS) },
      'slow query',
    );
  }
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

export function queryCountPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const context = requestContext();
      const before = context.queryCount ?? 0;
      return {
        async willSendResponse({ response }) {
          if (response.body.kind === 'single') {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              queryCount: (requestContext().queryCount ?? 0) - before,
            };
          }
        },
      };
    },
  };
}
