import type { NoPersonalData } from '../core/privacy/processing';

export const SEARCH_NO_PERSONAL_DATA: readonly NoPersonalData[] = [
  {
    table: 'search_outbox',
    reason:
      'which document to re-index (index name and id); the documents are the practices’, records’, conferences’ and cities’ entries',
  },
];
