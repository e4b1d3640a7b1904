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

/**
 * `load` and `all` of a source whose documents are the rows of one SELECT keyed by a uuid
 * column: `sql(condition)` is that SELECT with `condition` (on `idColumn`) in its WHERE,
 * before any GROUP BY. `all` pages by the id (keyset), so a rebuild sees every row once.
 */
export function rowsById<R extends { id: string }>(
  idColumn: string,
  sql: (condition: string) => string,
  toDocument: (row: R) => SearchDocument,
): Pick<SearchDocumentSource, 'load' | 'all'> {
  return {
    async load(db: DataSource, ids: string[]) {
      const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      if (uuids.length === 0) return [];
      const rows = (await db.query(sql(`${idColumn} = ANY($1::uuid[])`), [uuids])) as R[];
      return rows.map(toDocument);
    },
    async *all(db: DataSource, batchSize: number) {
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        const rows = (await db.query(`${sql(`${idColumn} > $1`)} ORDER BY ${idColumn} LIMIT $2`, [
          after,
          batchSize,
        ])) as R[];
        if (rows.length === 0) return;
        yield rows.map(toDocument);
        after = rows[rows.length - 1].id;
      }
    },
  };
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
