import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CitiesModule } from '../cities/cities.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PracticesModule } from '../practices/practices.module';
import { TopicsModule } from '../topics/topics.module';
import { UsersModule } from '../users/users.module';
import { TandemAnnouncer } from './tandem-announcer';
import { TandemEvents } from './tandem-events';
import { TandemNoteResolver } from './tandem-note.resolver';
import { TandemNoteService } from './tandem-note.service';
import { TandemSuggestionService } from './tandem-suggestion.service';
import { CityTandemsResolver, TandemResolver } from './tandem.resolver';
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
  providers: [
    TandemService,
    TandemNoteService,
    TandemSuggestionService,
    TandemAnnouncer,
    TandemEvents,
    TandemResolver,
    TandemNoteResolver,
    CityTandemsResolver,
  ],
  exports: [TandemService, TandemNoteService],
})
export class TandemsModule {}
