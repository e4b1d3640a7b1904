import { Module, type OnModuleInit } from '@nestjs/common';
import { SearchSources } from '../../search/search-sources';
import { AuditModule } from '../audit/audit.module';
import { CitiesModule } from '../cities/cities.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { StatisticsModule } from '../statistics/statistics.module';
import { TopicsModule } from '../topics/topics.module';
import { UsersModule } from '../users/users.module';
import { CityPracticesResolver } from './city-practices.resolver';
import { PracticeAttachmentController } from './practice-attachment.controller';
import { PracticeAttachmentResolver } from './practice-attachment.resolver';
import { PracticeAttachmentService } from './practice-attachment.service';
import { PracticeFeedController } from './practice-feed.controller';
import { PracticeFeedService } from './practice-feed.service';
import { PracticeLifecycleService } from './practice-lifecycle.service';
import { PracticeRevisionResolver } from './practice-revision.resolver';
import { PracticeRevisionService } from './practice-revision.service';
import { practiceSearchSource } from './practice-search.source';
import { PracticeSearchResolver } from './practice-search.resolver';
import { PracticeSearchService } from './practice-search.service';
import { PracticeWriter } from './practice-writer.service';
import { PracticeResolver } from './practice.resolver';
import { PracticeService } from './practice.service';

@Module({
  imports: [
    AuditModule,
    CitiesModule,
    NotificationsModule,
    StatisticsModule,
    TopicsModule,
    UsersModule,
  ],
  controllers: [PracticeAttachmentController, PracticeFeedController],
  providers: [
    PracticeService,
    PracticeLifecycleService,
    PracticeRevisionService,
    PracticeAttachmentService,
    PracticeWriter,
    PracticeSearchService,
    PracticeFeedService,
    PracticeResolver,
    PracticeSearchResolver,
    PracticeRevisionResolver,
    PracticeAttachmentResolver,
    CityPracticesResolver,
  ],
  // Other features read practices (and link to them) only through PracticeService; a done
  // measure of an initiative becomes a draft through PracticeLifecycleService.draftIn.
  exports: [PracticeService, PracticeSearchService, PracticeLifecycleService],
})
export class PracticesModule implements OnModuleInit {
  constructor(private readonly sources: SearchSources) {}

  onModuleInit(): void {
    this.sources.register(practiceSearchSource);
  }
}
