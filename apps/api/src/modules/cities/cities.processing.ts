import type { NoPersonalData } from '../../core/privacy/processing';

export const CITIES_NO_PERSONAL_DATA: readonly NoPersonalData[] = [
  { table: 'city', reason: 'profiles of municipalities (public bodies), no people' },
  { table: 'city_focus_topic', reason: 'links cities and topics (ids only)' },
];
