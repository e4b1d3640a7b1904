import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { ConferencesModule } from '../conferences/conferences.module';
import { MembershipsModule } from '../memberships/memberships.module';
import { UsersModule } from '../users/users.module';
import { ErasureResolver } from './erasure.resolver';
import { ErasureService } from './erasure.service';

/** Erasing accounts (Art. 17 DSGVO): by the person, or by organizers on request. */
@Module({
  imports: [UsersModule, AuthModule, MembershipsModule, ConferencesModule, AuditModule],
  providers: [ErasureService, ErasureResolver],
})
export class ErasureModule {}
