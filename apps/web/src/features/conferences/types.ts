import type { ConferenceDetailQuery } from '../../generated/graphql';

/**
 * Types the conference page shares with its parts (agenda, registration, overview, records).
 * They live here, not in the page, so the parts do not import the page that renders them.
 */
export type ConferenceDetail = NonNullable<ConferenceDetailQuery['conference']>;
