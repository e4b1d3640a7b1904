import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isOrganizer } from '../tenancy/actor';
import { GqlExecutionContext } from '@nestjs/graphql';
import { actorOf } from '../tenancy/request-context';
import { ACCESS_LEVEL, AccessLevel } from './access.decorator';
import { AuthException, AuthExceptionReason } from './auth.exception';
import { ErrorCode } from '../errors/error-code';

/**
 * Global guard: reads the explicit access level of the handler. A handler
 * without one is refused (fail closed) and logged as the bug it is.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const level = this.reflector.getAllAndOverride<AccessLevel | undefined>(ACCESS_LEVEL, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (level === undefined) {
      this.logger.error(
        `${context.getClass().name}.${context.getHandler().name} has no @Access rule`,
      );
      throw new AuthException(
        ErrorCode.FORBIDDEN,
        AuthExceptionReason.NO_ACCESS_RULE,
        'No access rule for this operation',
      );
    }
    const graphqlContext =
      context.getType<string>() === 'graphql'
        ? GqlExecutionContext.create(context).getContext<{ wsActor?: never }>()
        : undefined;
    const actor = actorOf(graphqlContext);
    switch (level) {
      case AccessLevel.PUBLIC:
        return true;
      case AccessLevel.SIGNED_IN:
        if (actor.kind !== 'user') throw AuthException.signInRequired();
        return true;
      case AccessLevel.ORGANIZER:
        if (actor.kind !== 'user') throw AuthException.signInRequired();
        if (!isOrganizer(actor))
          throw AuthException.forbidden('Only network organizers may do this');
        return true;
      default: {
        const unhandled: never = level;
        throw new Error(`unhandled access level ${String(unhandled)}`);
      }
    }
  }
}
