import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { TandemNoteAddedDocument, type TandemNoteFieldsFragment } from '../../generated/graphql';
import { liveEndOf, type LiveEnd } from '../../ui/live-close';

/**
 * Calls `onNote` for every entry added to the tandem while the page is open, whoever
 * added it (the caller decides what is news). The subscription ends with the page, or
 * for good when the API ends it (session ended, access lost): then `onEnded` says why.
 */
export function useTandemNoteAdded(
  tandemId: string,
  onNote: (note: TandemNoteFieldsFragment) => void,
  onEnded: (end: LiveEnd) => void,
): void {
  const latest = useRef({ onNote, onEnded });
  useEffect(() => {
    latest.current = { onNote, onEnded };
  });
  const [result] = useSubscription({
    query: TandemNoteAddedDocument,
    variables: { tandemId },
  });
  const note = result.data?.tandemNoteAdded;
  useEffect(() => {
    if (note) latest.current.onNote(note);
  }, [note]);
  const end = liveEndOf(result.error);
  useEffect(() => {
    if (end) latest.current.onEnded(end);
  }, [end]);
}
