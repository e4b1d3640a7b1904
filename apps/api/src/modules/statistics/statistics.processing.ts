import type { NoPersonalData } from '../../core/privacy/processing';

export const STATISTICS_NO_PERSONAL_DATA: readonly NoPersonalData[] = [
  {
    table: 'unfound_search',
    reason:
      'search words that found nothing, per day and how often; no person, address or city, and words that look like an e-mail address or a phone number are never written (deleted after 12 months)',
  },
];
