import type { TandemNoteKind } from '../../generated/graphql';
import './tandems.css';

export const NOTE_KINDS: readonly TandemNoteKind[] = ['NOTE', 'AGREEMENT', 'VISIT', 'QUESTION'];

const KIND_ICONS: Record<TandemNoteKind, string> = {
  NOTE: '✎',
  AGREEMENT: '✔',
  VISIT: '⚑',
  QUESTION: '?',
};

/** A small sign per kind, beside its written name (the name is what screen readers get). */
export function NoteKindIcon({ kind }: { kind: TandemNoteKind }) {
  return (
    <span className={`note-kind note-kind--${kind.toLowerCase()}`} aria-hidden="true">
      {KIND_ICONS[kind]}
    </span>
  );
}
