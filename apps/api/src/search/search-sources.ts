import { Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { IndexSettings, SearchDocument } from './search-index';

/**
 * How a feature's rows become search documents. Sources read with the owner
 * connection (the index must hold every city's entries; who may see which is
 * decided by filters at query time).
 */
export interface SearchDocumentSource {
  index: string;
  settings: IndexSettings;
  /** Current documents for these ids; a missing id means: remove it from the index. */
  load(db: DataSource, ids: string[]): Promise<SearchDocument[]>;
  /** Every document, in pages of `batchSize`, for a full rebuild. */
  all(db: DataSource, batchSize: number): AsyncIterable<SearchDocument[]>;
  /** Number of documents `all` will produce (for progress bars). */
  count(db: DataSource): Promise<number>;
}

@Injectable()
export class SearchSources {
  private readonly sources = new Map<string, SearchDocumentSource>();

  register(source: SearchDocumentSource): void {
    this.sources.set(source.index, source);
  }

  get(index: string): SearchDocumentSource {
    const source = this.sources.get(index);
    if (!source) throw new Error(`no search source for index ${index}`);
    return source;
  }

  list(): SearchDocumentSource[] {
    return [...this.sources.values()];
  }
}
