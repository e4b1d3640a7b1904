import { startTestPlatform, type TestPlatform } from './harness';

interface TopicNode {
  slug: string;
  name: string;
  nameEn: string;
  parent: { slug: string } | null;
  children: Array<{ slug: string; name: string }>;
}

describe('topics through GraphQL', () => {
  let api: TestPlatform;

  beforeAll(async () => {
    api = await startTestPlatform();
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('lists the network themes with prevention and its action fields', async () => {
    const { data, errors } = await api.gql<{ topics: TopicNode[] }>(
      '{ topics { slug name nameEn parent { slug } children { slug name } } }',
    );
    expect(errors).toBeUndefined();
    const topics = data!.topics;
    const prevention = topics.find((topic) => topic.slug === 'praevention');
    expect(prevention?.children.map((child) => child.name)).toEqual([
      'Jugend',
      'Häusliche Gewalt',
      'Demokratie und Toleranz',
    ]);
    // Children follow their parent directly in the flat list.
    const index = topics.findIndex((topic) => topic.slug === 'praevention');
    expect(topics.slice(index + 1, index + 4).map((topic) => topic.parent?.slug)).toEqual([
      'praevention',
      'praevention',
      'praevention',
    ]);
    expect(topics.map((topic) => topic.slug)).toEqual(
      expect.arrayContaining([
        'digitalisierung',
        'neue-engagementformen',
        'nachhaltigkeit',
        'generationenwechsel',
        'beteiligung',
      ]),
    );
  });

  it('seeds idempotently: a second start changes no counts', async () => {
    const before = await api.gql<{ topics: unknown[]; cities: { totalCount: number } }>(
      '{ topics { slug } cities { totalCount } }',
    );
    const again = await startTestPlatform();
    try {
      const after = await again.gql<{ topics: unknown[]; cities: { totalCount: number } }>(
        '{ topics { slug } cities { totalCount } }',
      );
      expect(after.data).toEqual(before.data);
    } finally {
      await again.stop();
    }
  });
});
