import { Module, type OnModuleInit } from '@nestjs/common';
import { SearchSources } from '../../search/search-sources';
import { AuditModule } from '../audit/audit.module';
import { CitiesModule } from '../cities/cities.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PracticesModule } from '../practices/practices.module';
import { ConferenceFilesController } from './conference-files.controller';
import {
  ConferenceRecordResolver,
  ConferenceRecordsFieldResolver,
  FollowUpActionResolver,
} from './conference-record.resolver';
import { ConferenceRecordService } from './conference-record.service';
import {
  AgendaSessionResolver,
  ConferenceResolver,
  RegistrationResolver,
} from './conference.resolver';
import { ConferenceService } from './conference.service';
import { recordSearchSource } from './record-search.source';

@Module({
  imports: [CitiesModule, NotificationsModule, PracticesModule, AuditModule],
  controllers: [ConferenceFilesController],
  providers: [
    ConferenceService,
    ConferenceRecordService,
    ConferenceResolver,
    RegistrationResolver,
    AgendaSessionResolver,
    ConferenceRecordResolver,
    FollowUpActionResolver,
    ConferenceRecordsFieldResolver,
  ],
})
export class ConferencesModule implements OnModuleInit {
  constructor(private readonly sources: SearchSources) {}

  onModuleInit(): void {
    this.sources.register(recordSearchSource);
  }
}
