import { Module } from '@nestjs/common';
import { LoginThrottle } from './login-throttle.service';

/**
 * The sign-in throttle on its own, so that accepting an invitation (memberships) checks an
 * existing account's password under the same limits as signing in, without a module cycle
 * (AuthModule imports MembershipsModule).
 */
@Module({ providers: [LoginThrottle], exports: [LoginThrottle] })
export class LoginThrottleModule {}
