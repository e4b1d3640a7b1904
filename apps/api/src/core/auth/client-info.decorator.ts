import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { requestContext } from '../tenancy/request-context';

/** Where a request came from, for throttling, session lists and the audit log. */
export interface ClientInfo {
  /** The client's address (X-Forwarded-For only from proxies named in TRUST_PROXY). */
  ip: string;
  userAgent: string;
}

/**
 * The caller's address and browser as a parameter, like @CurrentActor():
 * services that throttle or record sessions take it as an argument instead of
 * reading request-local state.
 */
export const CurrentClient = createParamDecorator(
  (_data: unknown, _context: ExecutionContext): ClientInfo => {
    const { ip, userAgent } = requestContext();
    return { ip, userAgent };
  },
);
