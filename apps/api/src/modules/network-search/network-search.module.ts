import { Module } from '@nestjs/common';
import { CitiesModule } from '../cities/cities.module';
import { ConferencesModule } from '../conferences/conferences.module';
import { PracticesModule } from '../practices/practices.module';
import { StatisticsModule } from '../statistics/statistics.module';
import { NetworkSearchResolver } from './network-search.resolver';
import { NetworkSearchService } from './network-search.service';

/** The one search box; each feature keeps its own index, source and re-read. */
@Module({
  imports: [CitiesModule, ConferencesModule, PracticesModule, StatisticsModule],
  providers: [NetworkSearchService, NetworkSearchResolver],
})
export class NetworkSearchModule {}
