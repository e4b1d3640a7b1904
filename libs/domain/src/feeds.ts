/**
 * The Atom feeds of public practices (served by the API under `feeds`, one of
 * SERVER_PATHS): all, per topic, per city. The API serves these paths and the web app
 * links them, so both build them here.
 */
export type PracticeFeedScope =
  { kind: 'all' } | { kind: 'topic'; slug: string } | { kind: 'city'; slug: string };

/** The Atom feed of public final conference records. */
export const RECORDS_FEED_PATH = '/feeds/protokolle.atom';

export function practiceFeedPath(scope: PracticeFeedScope): string {
  switch (scope.kind) {
    case 'all':
      return '/feeds/praxis.atom';
    case 'topic':
      return `/feeds/themen/${encodeURIComponent(scope.slug)}.atom`;
    case 'city':
      return `/feeds/staedte/${encodeURIComponent(scope.slug)}.atom`;
    default: {
      const unhandled: never = scope;
      throw new Error(`unhandled feed scope ${JSON.stringify(unhandled)}`);
    }
  }
}
