import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import type { GraphQLError } from 'graphql';
import { sendHttpError, toGraphQLError } from './app-exception.filter';
import { ErrorCode } from './error-code';
import { asServiceUnavailable } from './service-unavailable';

/**
 * Everything that is not a typed exception. An outage of PostgreSQL becomes the typed
 * SERVICE_UNAVAILABLE (GraphQL and REST alike); on REST routes anything else is logged
 * and answered as INTERNAL_SERVER_ERROR in the documented shape. In GraphQL the rest
 * goes on to formatError, which logs and hides it.
 *
 * Registered before the typed filters: Nest tries global filters last-registered first,
 * so this catch-all only sees what they do not take.
 */
@Catch()
export class UnexpectedErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('UnexpectedError');

  catch(exception: unknown, host: ArgumentsHost): GraphQLError | undefined {
    const unavailable = asServiceUnavailable(exception);
    if (host.getType<GqlContextType>() === 'graphql') {
      return unavailable ? toGraphQLError(unavailable) : undefined;
    }
    if (host.getType() !== 'http') return undefined;
    const response = host.switchToHttp().getResponse<Response>();
    if (unavailable) {
      this.logger.warn(`answered SERVICE_UNAVAILABLE: ${describe(exception)}`);
      if (!response.headersSent) sendHttpError(response, unavailable);
      return undefined;
    }
    this.logger.error(
      exception instanceof Error ? (exception.stack ?? exception.message) : exception,
    );
    if (response.headersSent) {
      // A download that broke off half-way: the client must not take it for complete.
      response.destroy();
      return undefined;
    }
    response.status(500).json({
      errors: [
        {
          message: 'Internal server error',
          extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
        },
      ],
    });
    return undefined;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
