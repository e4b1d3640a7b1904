import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { AppException } from './app.exception';
import { ErrorCode } from './error-code';

/**
 * The one place where typed exceptions become GraphQL errors: `extensions.code`
 * (stable, translated by the web app), `reason`, `field` and `params`.
 */
@Catch(AppException)
export class AppExceptionFilter implements GqlExceptionFilter {
  catch(exception: AppException): GraphQLError {
    return new GraphQLError(exception.message, {
      extensions: {
        code: publicCode(exception.code),
        reason: exception.reason,
        ...(exception.field ? { field: exception.field } : {}),
        ...(exception.params ? { params: exception.params } : {}),
      },
    });
  }
}

/** Exhaustive on purpose: a new ErrorCode must be decided on here. */
export function publicCode(code: ErrorCode): string {
  switch (code) {
    case ErrorCode.BAD_USER_INPUT:
    case ErrorCode.NOT_FOUND:
    case ErrorCode.FORBIDDEN:
    case ErrorCode.UNAUTHENTICATED:
    case ErrorCode.CONFLICT:
    case ErrorCode.TOO_MANY_ATTEMPTS:
      return code;
    case ErrorCode.INTERNAL_SERVER_ERROR:
      return ErrorCode.INTERNAL_SERVER_ERROR;
    default: {
      const unhandled: never = code;
      throw new Error(`unhandled error code ${String(unhandled)}`);
    }
  }
}
