import { Module, type OnModuleInit } from '@nestjs/common';
import { SearchSources } from '../../search/search-sources';
import { AuditModule } from '../audit/audit.module';
import { CitiesModule } from '../cities/cities.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PracticesModule } from '../practices/practices.module';
import { AgendaSessionResolver } from './agenda.resolver';
import { AgendaService } from './agenda.service';
import { ConferenceExportService } from './conference-export.service';
import { ConferenceFilesController } from './conference-files.controller';
import {
  ConferenceRecordResolver,
  ConferenceRecordsFieldResolver,
  FollowUpActionResolver,
} from './conference-record.resolver';
import { ConferenceRecordService } from './conference-record.service';
import { ConferenceResolver } from './conference.resolver';
import { ConferenceService } from './conference.service';
import { conferenceSearchSource } from './conference-search.source';
import { RecordFeedController } from './record-feed.controller';
import { RecordFeedService } from './record-feed.service';
import { recordSearchSource } from './record-search.source';
import { RegistrationResolver } from './registration.resolver';
import { RegistrationService } from './registration.service';
import { WaitlistService } from './waitlist.service';

/**
 * Conferences, by role: the conference itself (ConferenceService), its agenda
 * (AgendaService), cities' registrations and the waitlist (RegistrationService; organizers' reordering
 * and confirming by hand: WaitlistService),
 * files for outside programs (ConferenceExportService: CSV, calendars) and the
 * records with their follow-up actions (ConferenceRecordService). Input rules are
 * pure functions in conference-input.ts and record-input.ts.
 */
@Module({
  imports: [CitiesModule, NotificationsModule, PracticesModule, AuditModule],
  controllers: [ConferenceFilesController, RecordFeedController],
  providers: [
    ConferenceService,
    AgendaService,
    RegistrationService,
    WaitlistService,
    ConferenceExportService,
    ConferenceRecordService,
    RecordFeedService,
    ConferenceResolver,
    RegistrationResolver,
    AgendaSessionResolver,
    ConferenceRecordResolver,
    FollowUpActionResolver,
    ConferenceRecordsFieldResolver,
  ],
  exports: [ConferenceService, RegistrationService, ConferenceRecordService],
})
export class ConferencesModule implements OnModuleInit {
  constructor(private readonly sources: SearchSources) {}

  onModuleInit(): void {
    this.sources.register(recordSearchSource);
    this.sources.register(conferenceSearchSource);
  }
}
