/** What display order needs of a topic. */
export interface OrderedTopic {
  id: string;
  slug: string;
  parentId: string | null;
  position: number;
}

/** Siblings by position, then by slug (a stable order when positions tie). */
export function byDisplayOrder(a: OrderedTopic, b: OrderedTopic): number {
  return a.position - b.position || a.slug.localeCompare(b.slug);
}

/**
 * The taxonomy as a list: each top-level topic, directly followed by its children, both
 * in the order given (the database's: position, then slug). Children of an unknown
 * parent are left out (they cannot be shown).
 */
export function inDisplayOrder<T extends OrderedTopic>(sorted: readonly T[]): T[] {
  return sorted
    .filter((topic) => topic.parentId === null)
    .flatMap((parent) => [parent, ...sorted.filter((topic) => topic.parentId === parent.id)]);
}
