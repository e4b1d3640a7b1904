/** Links between a conference record and practices, as the record editor keeps them. */

interface HasId {
  id: string;
}

/** Search hits that are not linked yet, in the search engine's order. */
export function linkableHits<T extends HasId>(hits: readonly T[], linked: readonly HasId[]): T[] {
  const taken = new Set(linked.map((practice) => practice.id));
  return hits.filter((hit) => !taken.has(hit.id));
}

/**
 * The `practiceIds` to send with a save: the whole list when the organizer changed it,
 * otherwise nothing. `linkedPractices` leaves out practices the organizer may not see
 * (a city made one private later), so sending the list unasked would unlink those.
 */
export function practiceIdsToSave(
  linked: readonly HasId[],
  saved: readonly HasId[],
): string[] | undefined {
  const ids = linked.map((practice) => practice.id);
  const same = ids.length === saved.length && ids.every((id, index) => id === saved[index]?.id);
  return same ? undefined : ids;
}

/**
 * Where focus goes after a linked practice is removed: the next remove button, else the
 * previous one, else null (the list is empty; the caller picks the search field).
 */
export function focusAfterRemoval(ids: readonly string[], removed: string): string | null {
  const index = ids.indexOf(removed);
  if (index === -1) return null;
  return ids[index + 1] ?? ids[index - 1] ?? null;
}
