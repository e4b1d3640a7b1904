import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * The write side of the transactional outbox: called inside the transaction
 * that changes the data, so the index learns of exactly the committed changes.
 */
@Injectable()
export class SearchOutbox {
  async enqueue(manager: EntityManager, index: string, documentIds: string[]): Promise<void> {
    if (documentIds.length === 0) return;
    await manager.query(
      'INSERT INTO search_outbox (index_name, document_id) SELECT $1, unnest($2::text[])',
      [index, documentIds],
    );
  }
}
