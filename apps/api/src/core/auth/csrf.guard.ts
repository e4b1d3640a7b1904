import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request } from 'express';
import type { AddressInfo } from 'node:net';
import { allowedOrigins, originOf, type AppConfig } from '../config/config';
import { APP_CONFIG } from '../config/config.module';
import { ErrorCode } from '../errors/error-code';
import { currentActor } from '../tenancy/request-context';
import { AuthException, AuthExceptionReason } from './auth.exception';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Content types a cross-site form or fetch may send without a CORS preflight. */
const SIMPLE_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);
/** Headers only a preflighted (so same-origin, as CORS is off) request can carry: Apollo's. */
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

/**
 * Cross-site request forgery protection for the HTTP routes next to GraphQL (uploads):
 * a state-changing request that is signed in by its session cookie must come from one
 * of the platform's own origins (`allowedOrigins`), judged by `Origin` or, without it,
 * by `Referer`. With neither header it needs what Apollo's csrfPrevention asks of
 * GraphQL: a header or content type a browser only sends after a preflight. GraphQL
 * itself is left to Apollo. Answers 403 FORBIDDEN (`CROSS_SITE_REQUEST`).
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  private origins: Set<string> | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(req.method)) return true;
    // Without a valid session the request carries no authority a forger could borrow.
    if (currentActor().kind !== 'user') return true;
    if (this.fromOwnSite(req)) return true;
    throw new AuthException(
      ErrorCode.FORBIDDEN,
      AuthExceptionReason.CROSS_SITE_REQUEST,
      'This request must come from the platform itself',
    );
  }

  private fromOwnSite(req: Request): boolean {
    const origin = req.get('origin');
    if (origin !== undefined) return this.allowed().has(originOf(origin) ?? '');
    const referer = req.get('referer');
    if (referer !== undefined) return this.allowed().has(originOf(referer) ?? '');
    const type = req.get('content-type')?.split(';')[0].trim().toLowerCase();
    if (type && !SIMPLE_CONTENT_TYPES.has(type)) return true;
    return PREFLIGHT_HEADERS.some((name) => (req.get(name) ?? '').trim() !== '');
  }

  /** Computed once the server listens: in development the own origins name the real port (PORT=0 in tests). */
  private allowed(): Set<string> {
    if (this.origins) return this.origins;
    const address = this.adapterHost.httpAdapter?.getHttpServer()?.address() as
      AddressInfo | string | null | undefined;
    const port = typeof address === 'object' && address ? address.port : this.config.port;
    const origins = new Set(
      allowedOrigins(this.config, port)
        .map(originOf)
        .filter((origin): origin is string => origin !== undefined),
    );
    if (typeof address === 'object' && address) this.origins = origins;
    return origins;
  }
}
