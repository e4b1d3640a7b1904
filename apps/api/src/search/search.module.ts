import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../core/config/config';
import { timedSearchIndex } from '../core/metrics/instrumentation';
import { Metrics } from '../core/metrics/metrics.service';
import { MeiliSearchIndex } from './meili-search-index';
import { OutboxWorker } from './outbox-worker';
import { SEARCH_INDEX } from './search-index';
import { SearchOutbox } from './search-outbox';
import { SearchSources } from './search-sources';
import { SearchSync } from './search-sync';

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
          // Searches are timed for /metrics (wissensnetz_search_duration_seconds).
          useFactory: (metrics: Metrics) =>
            timedSearchIndex(
              new MeiliSearchIndex(config.meiliUrl, config.meiliMasterKey, {
                requestTimeoutMs: config.meiliTimeoutMs,
              }),
              metrics,
            ),
          inject: [Metrics],
        },
        SearchSources,
        SearchOutbox,
        OutboxWorker,
        SearchSync,
      ],
      exports: [SEARCH_INDEX, SearchSources, SearchOutbox, OutboxWorker, SearchSync],
    };
  }
}
