import type { TandemDetailQuery, TandemNoteFieldsFragment } from '../../generated/graphql';

/**
 * Types the tandem page shares with its parts (actions, the exchange of notes). They live
 * here, not in the page, so the parts do not import the page that renders them.
 */
export type TandemDetail = NonNullable<TandemDetailQuery['tandem']>;

/** One entry of the two cities' exchange, as the list, the live feed and the forms see it. */
export type TandemNote = TandemNoteFieldsFragment;
