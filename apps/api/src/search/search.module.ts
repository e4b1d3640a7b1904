import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../core/config/config';
import { MeiliSearchIndex } from './meili-search-index';
import { OutboxWorker } from './outbox-worker';
import { SEARCH_INDEX } from './search-index';
import { SearchOutbox } from './search-outbox';
import { SearchSources } from './search-sources';

/** The search engine, the outbox's write side and its worker (which reads through SYSTEM_DB). */
@Global()
@Module({})
export class SearchModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SearchModule,
      providers: [
        {
          provide: SEARCH_INDEX,
          useValue: new MeiliSearchIndex(config.meiliUrl, config.meiliMasterKey),
        },
        SearchSources,
        SearchOutbox,
        OutboxWorker,
      ],
      exports: [SEARCH_INDEX, SearchSources, SearchOutbox, OutboxWorker],
    };
  }
}
