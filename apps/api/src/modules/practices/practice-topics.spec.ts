import { AppException } from '../../core/errors/app.exception';
import { topicIdsFor } from './practice-topics';

const KNOWN = new Map([
  ['jugend', 'id-jugend'],
  ['digitalisierung', 'id-digital'],
]);

describe('topic slugs of a practice', () => {
  it('keeps the order of the slugs', () => {
    expect(topicIdsFor(KNOWN, ['digitalisierung', 'jugend'], 'input.topicSlugs')).toEqual([
      'id-digital',
      'id-jugend',
    ]);
  });

  it('names the position of the first unknown slug', () => {
    let error: unknown;
    try {
      topicIdsFor(KNOWN, ['jugend', 'gibt-es-nicht', 'auch-nicht'], 'input.topicSlugs');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppException);
    expect(error).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_TOPIC',
      field: 'input.topicSlugs.1',
      params: { slug: 'gibt-es-nicht' },
    });
  });

  it('leaves unknown slugs out when asked to (an old revision)', () => {
    expect(topicIdsFor(KNOWN, ['entfernt', 'jugend'], 'number', true)).toEqual(['id-jugend']);
    expect(topicIdsFor(KNOWN, [], 'input.topicSlugs')).toEqual([]);
  });
});
