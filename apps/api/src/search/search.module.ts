import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../core/config/config';
import { MeiliSearchIndex } from './meili-search-index';
import { SEARCH_INDEX } from './search-index';

@Global()
@Module({})
export class SearchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SearchModule,
      providers: [
        { provide: SEARCH_INDEX, useValue: new MeiliSearchIndex(config.meiliUrl, config.meiliMasterKey) },
      ],
      exports: [SEARCH_INDEX],
    };
  }
}
