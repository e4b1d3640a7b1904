import type { DataSource } from 'typeorm';
import type { SearchIndex } from './search-index';
import type { SearchDocumentSource } from './search-sources';

export interface ReindexSummary {
  index: string;
  documents: number;
  batches: number;
  replayed: number;
  ms: number;
}

/**
 * Rebuilds an index from PostgreSQL without downtime: fills a fresh index next to
 * the live one, swaps the two atomically, drops the old contents, and replays
 * changes that arrived through the outbox while it was building.
 */
export async function reindex(
  search: SearchIndex,
  db: DataSource,
  source: SearchDocumentSource,
  onProgress: (done: number, total: number) => void = () => undefined,
  batchSize = 1000,
): Promise<ReindexSummary> {
  const started = performance.now();
  const [{ mark }] = (await db.query(
    `SELECT coalesce(max(id), 0)::bigint AS mark FROM search_outbox`,
  )) as Array<{ mark: string }>;
  const temporary = `${source.index}_build_${Date.now()}`;
  const total = await source.count(db);
  await search.configure(source.index, source.settings);
  await search.drop(temporary);
  await search.configure(temporary, source.settings);
  let documents = 0;
  let batches = 0;
  try {
    for await (const batch of source.all(db, batchSize)) {
      await search.upsert(temporary, batch);
      documents += batch.length;
      batches += 1;
      onProgress(documents, total);
    }
    await search.swap(source.index, temporary);
  } finally {
    // After the swap the temporary name holds the old contents; before it, the half-built one.
    await search.drop(temporary);
  }
  // Writes after the snapshot may have gone to the old index: send them again.
  const replay = (await db.query(
    `INSERT INTO search_outbox (index_name, document_id)
     SELECT DISTINCT index_name, document_id FROM search_outbox WHERE id > $1 AND index_name = $2
     RETURNING id`,
    [mark, source.index],
  )) as unknown[];
  return {
    index: source.index,
    documents,
    batches,
    replayed: replay.length,
    ms: Math.round(performance.now() - started),
  };
}
