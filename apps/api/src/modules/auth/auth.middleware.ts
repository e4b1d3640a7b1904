import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { runInRequestContext } from '../../core/tenancy/request-context';
import { AuthService } from './auth.service';
import { SESSION_COOKIE } from './session-cookie';

/**
 * Reads the session cookie and runs the rest of the request in its context:
 * everything after this (resolvers, services, TenantDb) knows the actor.
 */
@Injectable()
export class AuthMiddleware implements NestMiddleware {
  constructor(private readonly auth: AuthService) {}

  async use(req: Request, _res: Response, next: NextFunction): Promise<void> {
    try {
      const cookies = (req.cookies ?? {}) as Record<string, string | undefined>;
      const actor = await this.auth.authenticate(cookies[SESSION_COOKIE]);
      runInRequestContext(
        {
          actor,
          ip: req.ip ?? 'unknown',
          userAgent: req.get('user-agent') ?? '',
          secure: req.secure,
        },
        () => next(),
      );
    } catch (error) {
      next(error);
    }
  }
}
