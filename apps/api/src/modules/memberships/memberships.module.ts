import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CitiesModule } from '../cities/cities.module';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { LoginThrottle } from '../auth/login-throttle';
import { InvitationResolver, MembershipResolver } from './membership.resolver';
import { MembershipService } from './membership.service';

@Module({
  imports: [CitiesModule, UsersModule, AuditModule, MailModule],
  providers: [MembershipService, MembershipResolver, InvitationResolver, LoginThrottle],
  exports: [MembershipService],
})
export class MembershipsModule {}
