import { Module } from '@nestjs/common';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';
import { UnfoundSearchRetentionJob } from './unfound-search-retention.job';
import { UnfoundSearchService } from './unfound-search.service';

/** The network in numbers (dashboard) and the log of searches that found nothing. */
@Module({
  providers: [
    StatisticsService,
    StatisticsResolver,
    UnfoundSearchService,
    UnfoundSearchRetentionJob,
  ],
  exports: [UnfoundSearchService],
})
export class StatisticsModule {}
