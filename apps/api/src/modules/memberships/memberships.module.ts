import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { LoginThrottleModule } from '../auth/login-throttle.module';
import { CitiesModule } from '../cities/cities.module';
import { MailModule } from '../mail/mail.module';
import { UsersModule } from '../users/users.module';
import { InvitationService } from './invitation.service';
import { InvitationResolver, MembershipResolver } from './membership.resolver';
import { MembershipService } from './membership.service';

@Module({
  imports: [CitiesModule, UsersModule, AuditModule, MailModule, LoginThrottleModule],
  providers: [MembershipService, InvitationService, MembershipResolver, InvitationResolver],
  exports: [MembershipService, InvitationService],
})
export class MembershipsModule {}
