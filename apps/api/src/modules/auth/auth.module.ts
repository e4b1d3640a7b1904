import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CitiesModule } from '../cities/cities.module';
import { MailModule } from '../mail/mail.module';
import { MembershipsModule } from '../memberships/memberships.module';
import { UsersModule } from '../users/users.module';
import { AuthMiddleware } from './auth.middleware';
import { AuthResolver, SessionResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';

@Module({
  imports: [UsersModule, MembershipsModule, CitiesModule, AuditModule, MailModule],
  providers: [AuthService, AuthResolver, SessionResolver, LoginThrottle],
  exports: [AuthService],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Runs after Nest's body parser, so the request context survives into the resolvers.
    consumer.apply(AuthMiddleware).forRoutes('*');
  }
}
