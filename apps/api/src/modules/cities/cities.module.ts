import { Module, type OnModuleInit } from '@nestjs/common';
import { SearchSources } from '../../search/search-sources';
import { TopicsModule } from '../topics/topics.module';
import { CityResolver } from './city.resolver';
import { citySearchSource } from './city-search.source';
import { CityService } from './city.service';

@Module({ imports: [TopicsModule], providers: [CityService, CityResolver], exports: [CityService] })
export class CitiesModule implements OnModuleInit {
  constructor(private readonly sources: SearchSources) {}

  onModuleInit(): void {
    this.sources.register(citySearchSource);
  }
}
