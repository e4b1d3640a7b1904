import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { TandemNoteAddedDocument, type TandemNoteFieldsFragment } from '../../generated/graphql';

/**
 * Calls `onNote` for every entry added to the tandem while the page is open, whoever
 * added it (the caller decides what is news). The subscription ends with the page.
 */
export function useTandemNoteAdded(
  tandemId: string,
  onNote: (note: TandemNoteFieldsFragment) => void,
): void {
  const latest = useRef(onNote);
  useEffect(() => {
    latest.current = onNote;
  });
  const [result] = useSubscription({
    query: TandemNoteAddedDocument,
    variables: { tandemId },
  });
  const note = result.data?.tandemNoteAdded;
  useEffect(() => {
    if (note) latest.current(note);
  }, [note]);
}
