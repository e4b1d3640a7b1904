import { byDisplayOrder, inDisplayOrder, type OrderedTopic } from './topic-order';

const topic = (slug: string, position: number, parentId: string | null = null): OrderedTopic => ({
  id: slug,
  slug,
  position,
  parentId,
});

describe('topic display order', () => {
  it('puts each parent directly before its children, keeping the given order', () => {
    const topics = [
      topic('demokratie', 0, 'praevention'),
      topic('digitalisierung', 1),
      topic('jugend', 1, 'praevention'),
      topic('praevention', 2),
    ];
    expect(inDisplayOrder(topics).map((t) => t.slug)).toEqual([
      'digitalisierung',
      'praevention',
      'demokratie',
      'jugend',
    ]);
  });

  it('breaks ties of position by slug', () => {
    expect(
      [topic('b', 1), topic('a', 1), topic('c', 0)].sort(byDisplayOrder).map((t) => t.slug),
    ).toEqual(['c', 'a', 'b']);
  });

  it('leaves out children whose parent is unknown', () => {
    expect(inDisplayOrder([topic('a', 0), topic('lost', 0, 'missing')]).map((t) => t.slug)).toEqual(
      ['a'],
    );
  });
});
