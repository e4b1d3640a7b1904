import { requestIdFrom } from './request-id';

describe('requestIdFrom', () => {
  it('keeps a sane incoming id', () => {
    expect(requestIdFrom('abc-123_def.456:7')).toBe('abc-123_def.456:7');
    expect(requestIdFrom(['first-id-0001', 'second'])).toBe('first-id-0001');
  });

  it('makes a new UUID for none, a short, long or odd one', () => {
    for (const given of [undefined, '', 'short', 'x'.repeat(129), 'a b c d e f', 'id\nforged-line'])
      expect(requestIdFrom(given)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      );
  });
});
