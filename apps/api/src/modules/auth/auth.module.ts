import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CitiesModule } from '../cities/cities.module';
import { MailModule } from '../mail/mail.module';
import { MembershipsModule } from '../memberships/memberships.module';
import { UsersModule } from '../users/users.module';
import { AccountPasswordService } from './account-password.service';
import { AuthMiddleware } from './auth.middleware';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginThrottleModule } from './login-throttle.module';

@Module({
  imports: [
    UsersModule,
    MembershipsModule,
    CitiesModule,
    AuditModule,
    MailModule,
    LoginThrottleModule,
  ],
  providers: [AuthService, AccountPasswordService, AuthResolver],
  exports: [AuthService, AccountPasswordService],
})
export class AuthModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    // Runs after Nest's body parser, so the request context survives into the resolvers.
    consumer.apply(AuthMiddleware).forRoutes('*');
  }
}
