import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { requestContext } from '../tenancy/request-context';

/**
 * Counts SQL statements per request, so tests can prove a list needs a constant
 * number of them (no N+1). Outside production the count is sent back in
 * `extensions.queryCount`.
 */
export class CountingTypeOrmLogger implements TypeOrmLogger {
  logQuery(): void {
    const context = requestContext();
    context.queryCount = (context.queryCount ?? 0) + 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
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
