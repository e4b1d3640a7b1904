import type { NoPersonalData } from '../../core/privacy/processing';

export const TOPICS_NO_PERSONAL_DATA: readonly NoPersonalData[] = [
  { table: 'topic', reason: 'the network’s taxonomy' },
];
