import { diffArrays, diffWordsWithSpace } from 'diff';

export interface DiffPart {
  value: string;
  kind: 'same' | 'added' | 'removed';
}

function kindOf(change: { added?: boolean; removed?: boolean }): DiffPart['kind'] {
  return change.added ? 'added' : change.removed ? 'removed' : 'same';
}

/** Word by word, keeping spaces and line breaks, so a Markdown body stays readable. */
export function diffText(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((change) => ({
    value: change.value,
    kind: kindOf(change),
  }));
}

/** Tags and topics: each item is kept, added or removed as a whole. */
export function diffList(before: readonly string[], after: readonly string[]): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays([...before], [...after])) {
    for (const value of change.value) parts.push({ value, kind: kindOf(change) });
  }
  return parts;
}

export function hasChanges(parts: readonly DiffPart[]): boolean {
  return parts.some((part) => part.kind !== 'same');
}
