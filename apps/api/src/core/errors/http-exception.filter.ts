import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCode } from './error-code';

/**
 * Nest's own HTTP errors on REST routes (404 route, 413 upload too large, ...)
 * in the same `{ errors: [{ message, extensions }] }` shape as everything else.
 */
@Catch(HttpException)
export class HttpExceptionFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const status = exception.getStatus();
    const response = host.switchToHttp().getResponse<Response>();
    const body = exception.getResponse();
    if (typeof body === 'object' && body !== null && 'details' in body && 'status' in body) {
      // The health check's own report (terminus): keep it as it is for load balancers.
      response.status(status).json(body);
      return;
    }
    const extensions =
      status === 413
        ? { code: ErrorCode.BAD_USER_INPUT, reason: 'FILE_TOO_LARGE', field: 'file' }
        : { code: codeFor(status), reason: `HTTP_${status}` };
    response.status(status).json({ errors: [{ message: exception.message, extensions }] });
  }
}

function codeFor(status: number): ErrorCode {
  if (status === 401) return ErrorCode.UNAUTHENTICATED;
  if (status === 403) return ErrorCode.FORBIDDEN;
  if (status === 404) return ErrorCode.NOT_FOUND;
  if (status === 409) return ErrorCode.CONFLICT;
  if (status === 429) return ErrorCode.TOO_MANY_ATTEMPTS;
  if (status >= 500) return ErrorCode.INTERNAL_SERVER_ERROR;
  return ErrorCode.BAD_USER_INPUT;
}
