import { Module } from '@nestjs/common';
import { CitiesModule } from '../cities/cities.module';
import { UsersModule } from '../users/users.module';
import { AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

@Module({
  imports: [CitiesModule, UsersModule],
  providers: [AuditService, AuditResolver],
  exports: [AuditService],
})
export class AuditModule {}
