import { Catch, type ArgumentsHost } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import { AppException } from './app.exception';
import { ErrorCode } from './error-code';

/**
 * The one place where typed exceptions become GraphQL errors: `extensions.code`
 * (stable, translated by the web app), `reason`, `field` and `params`.
 */
@Catch(AppException)
export class AppExceptionFilter implements GqlExceptionFilter {
  catch(exception: AppException, host: ArgumentsHost): GraphQLError | void {
    if (host.getType() === 'http') {
      // REST endpoints (uploads, downloads) answer in the same shape as GraphQL.
      sendHttpError(host.switchToHttp().getResponse<Response>(), exception);
      return;
    }
    return toGraphQLError(exception);
  }
}

export function errorExtensions(exception: AppException): Record<string, unknown> {
  return {
    code: publicCode(exception.code),
    reason: exception.reason,
    ...(exception.field ? { field: exception.field } : {}),
    ...(exception.params ? { params: exception.params } : {}),
  };
}

export function toGraphQLError(exception: AppException): GraphQLError {
  return new GraphQLError(exception.message, { extensions: errorExtensions(exception) });
}

/** `{ errors: [{ message, extensions }] }` with the code's HTTP status, for REST routes and middleware. */
export function sendHttpError(response: Response, exception: AppException): void {
  // The request's id (x-request-id), as in GraphQL errors (core/logging/request-id.ts).
  const requestId = (response.req as { id?: unknown } | undefined)?.id;
  response.status(httpStatus(exception.code)).json({
    errors: [
      {
        message: exception.message,
        extensions: {
          ...errorExtensions(exception),
          ...(typeof requestId === 'string' ? { requestId } : {}),
        },
      },
    ],
  });
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
    case ErrorCode.SERVICE_UNAVAILABLE:
      return code;
    case ErrorCode.INTERNAL_SERVER_ERROR:
      return ErrorCode.INTERNAL_SERVER_ERROR;
    default: {
      const unhandled: never = code;
      throw new Error(`unhandled error code ${String(unhandled)}`);
    }
  }
}

export function httpStatus(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.BAD_USER_INPUT:
      return 400;
    case ErrorCode.UNAUTHENTICATED:
      return 401;
    case ErrorCode.FORBIDDEN:
      return 403;
    case ErrorCode.NOT_FOUND:
      return 404;
    case ErrorCode.CONFLICT:
      return 409;
    case ErrorCode.TOO_MANY_ATTEMPTS:
      return 429;
    case ErrorCode.SERVICE_UNAVAILABLE:
      return 503;
    case ErrorCode.INTERNAL_SERVER_ERROR:
      return 500;
    default: {
      const unhandled: never = code;
      throw new Error(`unhandled error code ${String(unhandled)}`);
    }
  }
}
