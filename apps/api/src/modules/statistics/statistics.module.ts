import { Module } from '@nestjs/common';
import { StatisticsResolver } from './statistics.resolver';
import { StatisticsService } from './statistics.service';
import { UnfoundSearchRetentionJob } from './unfound-search-retention.job';
import { UnfoundSearchLog } from './unfound-search.log';

/** The network in numbers (dashboard) and the log of searches that found nothing. */
@Module({
  providers: [StatisticsService, StatisticsResolver, UnfoundSearchLog, UnfoundSearchRetentionJob],
  exports: [UnfoundSearchLog],
})
export class StatisticsModule {}
