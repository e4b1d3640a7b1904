import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CitiesModule } from '../cities/cities.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PracticesModule } from '../practices/practices.module';
import { TopicsModule } from '../topics/topics.module';
import { UsersModule } from '../users/users.module';
import { CityTandemsResolver, TandemNoteResolver, TandemResolver } from './tandem.resolver';
import { TandemEvents } from './tandem-events';
import { TandemService } from './tandem.service';

@Module({
  imports: [
    CitiesModule,
    TopicsModule,
    PracticesModule,
    UsersModule,
    AuditModule,
    NotificationsModule,
  ],
  providers: [TandemService, TandemEvents, TandemResolver, TandemNoteResolver, CityTandemsResolver],
})
export class TandemsModule {}
