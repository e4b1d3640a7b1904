import { Module, type OnModuleInit } from '@nestjs/common';
import { SearchSources } from '../../search/search-sources';
import { CitiesModule } from '../cities/cities.module';
import { TopicsModule } from '../topics/topics.module';
import { UsersModule } from '../users/users.module';
import { PracticeAttachmentController } from './practice-attachment.controller';
import { practiceSearchSource } from './practice-search.source';
import { PracticeSearchService } from './practice-search.service';
import {
  PracticeAttachmentResolver,
  PracticeResolver,
  PracticeRevisionResolver,
} from './practice.resolver';
import { PracticeService } from './practice.service';

@Module({
  imports: [CitiesModule, TopicsModule, UsersModule],
  controllers: [PracticeAttachmentController],
  providers: [
    PracticeService,
    PracticeSearchService,
    PracticeResolver,
    PracticeRevisionResolver,
    PracticeAttachmentResolver,
  ],
  exports: [PracticeService],
})
export class PracticesModule implements OnModuleInit {
  constructor(private readonly sources: SearchSources) {}

  onModuleInit(): void {
    this.sources.register(practiceSearchSource);
  }
}
