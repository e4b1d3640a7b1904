import type { NetworkTopicsQuery } from '../../generated/graphql';

export type Topic = Pick<NetworkTopicsQuery['topics'][number], 'id' | 'parent'>;

export interface TopicNode<T extends Topic> {
  topic: T;
  children: T[];
}

/** The API returns topics flat, in display order; action fields point to their parent. */
export function buildTopicTree<T extends Topic>(topics: readonly T[]): TopicNode<T>[] {
  const roots = new Map<string, TopicNode<T>>();
  for (const topic of topics) {
    if (!topic.parent) roots.set(topic.id, { topic, children: [] });
  }
  for (const topic of topics) {
    if (!topic.parent) continue;
    const parent = roots.get(topic.parent.id);
    // A child whose parent is itself a child (or missing) is shown at the top level
    // rather than silently dropped.
    if (parent) parent.children.push(topic);
    else roots.set(topic.id, { topic, children: [] });
  }
  return [...roots.values()];
}
