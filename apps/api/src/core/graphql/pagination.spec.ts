import { MAX_PAGE_SIZE } from '@wissensnetz/domain';
import { InputException } from '../errors/app.exception';
import { decodeCursor, encodeCursor, validatePageSize } from './pagination';

describe('pagination', () => {
  it('round-trips a cursor', () => {
    const values = ['Bad Hersfeld', '0c6f1a52-7d4b-4b7e-9b1e-2f3c4d5e6f70'];
    expect(decodeCursor(encodeCursor(values), ['text', 'uuid'])).toEqual(values);
  });

  it.each([
    ['not base64 at all!', 'characters outside base64url'],
    [Buffer.from('{"a":1}').toString('base64url'), 'not an array'],
    [encodeCursor(['only one']), 'wrong length'],
    [encodeCursor(['Goch', 'not-a-uuid']), 'bad uuid'],
    [encodeCursor([1, '0c6f1a52-7d4b-4b7e-9b1e-2f3c4d5e6f70']), 'number where text belongs'],
  ])('rejects %s (%s) as a typed error on `after`', (cursor) => {
    expect.assertions(3);
    try {
      decodeCursor(cursor, ['text', 'uuid']);
    } catch (error) {
      expect(error).toBeInstanceOf(InputException);
      expect((error as InputException).reason).toBe('MALFORMED_CURSOR');
      expect((error as InputException).field).toBe('after');
    }
  });

  it('limits the page size', () => {
    expect(validatePageSize(undefined)).toBe(20);
    expect(validatePageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
    expect(() => validatePageSize(MAX_PAGE_SIZE + 1)).toThrow(InputException);
    expect(() => validatePageSize(0)).toThrow(/at least 1/);
  });
});
