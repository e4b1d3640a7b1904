import { buildTopicTree } from './topic-tree';

const topic = (id: string, parent?: string) => ({ id, parent: parent ? { id: parent } : null });

describe('buildTopicTree', () => {
  it('nests children under their parent and keeps the display order', () => {
    const tree = buildTopicTree([
      topic('digital'),
      topic('prevention'),
      topic('youth', 'prevention'),
      topic('violence', 'prevention'),
      topic('sustainability'),
    ]);
    expect(tree.map((node) => node.topic.id)).toEqual(['digital', 'prevention', 'sustainability']);
    expect(tree[1].children.map((child) => child.id)).toEqual(['youth', 'violence']);
    expect(tree[0].children).toEqual([]);
  });

  it('finds a parent listed after its child', () => {
    const tree = buildTopicTree([topic('youth', 'prevention'), topic('prevention')]);
    expect(tree).toHaveLength(1);
    expect(tree[0].children.map((child) => child.id)).toEqual(['youth']);
  });

  it('shows a topic whose parent is missing at the top level instead of dropping it', () => {
    const tree = buildTopicTree([topic('digital'), topic('orphan', 'gone')]);
    expect(tree.map((node) => node.topic.id)).toEqual(['digital', 'orphan']);
  });
});
