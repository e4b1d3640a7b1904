import { describe, expect, it } from 'vitest';
import { contentDisposition } from './content-disposition';

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact name in filename*', () => {
    expect(contentDisposition('attachment', 'a"b-ü.csv')).toBe(
      `attachment; filename="a_b-_.csv"; filename*=UTF-8''a%22b-%C3%BC.csv`,
    );
  });
});
