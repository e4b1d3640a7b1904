import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { InputException, InputExceptionReason } from '../errors/app.exception';
import { findInvalidString } from './text';

/**
 * The HTTP routes' counterpart of core/graphql/input-characters.ts: path parameters,
 * the query string and a parsed body of every controller route are refused with a
 * typed 400 (`INVALID_CHARACTERS`, the parameter as `field`) when they hold a NUL or a
 * lone surrogate, before a handler builds SQL or a header (Content-Disposition) from
 * them. A guard rather than a pipe: it runs before uploads are read, sees parameters a
 * handler does not bind, and GraphQL resolver arguments (which Nest's pipes see as
 * "body") stay with the GraphQL check.
 */
@Injectable()
export class HttpInputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const field =
      findInvalidString(req.params, 'params') ??
      findInvalidString(req.query, 'query') ??
      findInvalidString(req.body, 'body');
    if (field === undefined) return true;
    throw new InputException(
      InputExceptionReason.INVALID_CHARACTERS,
      'Text must not contain NUL characters or incomplete UTF-16 surrogate pairs',
      // A path parameter is named as the route names it (`file`, `id`).
      field.replace(/^params\./, ''),
    );
  }
}
