import { Injectable, Logger, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { sendHttpError } from '../../core/errors/app-exception.filter';
import { asServiceUnavailable } from '../../core/errors/service-unavailable';
import type { Actor } from '../../core/tenancy/actor';
import { runInRequestContext } from '../../core/tenancy/request-context';
import { AuthService } from './auth.service';
import { SESSION_COOKIE } from './session-cookie';

/**
 * Reads the session cookie and runs the rest of the request in its context:
 * everything after this (resolvers, services, TenantDb) knows the actor.
 */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  private readonly logger = new Logger(AuthMiddleware.name);

  constructor(private readonly auth: AuthService) {}

  async use(req: Request, res: Response, next: NextFunction): Promise<void> {
    let actor: Actor;
    try {
      const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
      actor = await this.auth.authenticate(cookies[SESSION_COOKIE]);
    } catch (error) {
      // The session lookup runs before GraphQL and the REST filters: an unreachable
      // database answers the typed 503 here (the GraphQL error shape fits both), not
      // Express's bare 500 page. Anything else goes on to Nest's filters.
      const unavailable = asServiceUnavailable(error);
      if (!unavailable) throw error;
      this.logger.warn(`session lookup failed, answered SERVICE_UNAVAILABLE: ${String(error)}`);
      sendHttpError(res, unavailable);
      return;
    }
    runInRequestContext(
      {
        actor,
        ip: req.ip ?? 'unknown',
        userAgent: req.get('user-agent') ?? '',
        secure: req.secure,
        requestId: typeof req.id === 'string' ? req.id : undefined,
      },
      () => next(),
    );
  }
}
