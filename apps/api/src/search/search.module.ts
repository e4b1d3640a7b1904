import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../core/config/config';
import { MeiliSearchIndex } from './meili-search-index';
import { OutboxWorker } from './outbox-worker';
import { createSearchDb, SEARCH_DB } from './search-db';
import { SEARCH_INDEX } from './search-index';
import { SearchOutbox } from './search-outbox';
import { SearchSources } from './search-sources';
import { SearchSync } from './search-sync';

@Global()
@Module({})
export class SearchModule implements OnApplicationShutdown {
  constructor(@Inject(SEARCH_DB) private readonly db: DataSource) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: SearchModule,
      providers: [
        {
          provide: SEARCH_INDEX,
          useValue: new MeiliSearchIndex(config.meiliUrl, config.meiliMasterKey, {
            requestTimeoutMs: config.meiliTimeoutMs,
          }),
        },
        { provide: SEARCH_DB, useFactory: () => createSearchDb(config) },
        SearchSources,
        SearchOutbox,
        OutboxWorker,
        SearchSync,
      ],
      exports: [SEARCH_INDEX, SEARCH_DB, SearchSources, SearchOutbox, OutboxWorker, SearchSync],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.db.isInitialized) await this.db.destroy();
  }
}
