import type { CityKind, SupportPhase } from '../../../generated/graphql';

/** A member city as the map and its table show it. */
export interface MapCity {
  id: string;
  slug: string;
  name: string;
  kind: CityKind;
  federalState: string;
  cohort: number;
  supportPhase: SupportPhase;
  latitude: number | null;
  longitude: number | null;
}

/** A tandem pair the visitor may see (the API leaves out what they may not). */
export interface MapTandem {
  id: string;
  status: 'PROPOSED' | 'ACTIVE' | 'CONCLUDED';
  newCityId: string;
  partnerCityId: string;
}
