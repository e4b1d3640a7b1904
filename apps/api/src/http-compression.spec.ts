import { chooseEncoding } from './http-compression';

describe('chooseEncoding', () => {
  const both = new Set(['br', 'gzip'] as const);

  it('prefers brotli at equal q, whatever the order the browser lists them in', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd', both)).toBe('br');
    expect(chooseEncoding('br', both)).toBe('br');
  });

  it('follows the q values and falls back to gzip or to the file as it is', () => {
    expect(chooseEncoding('br;q=0.5, gzip', both)).toBe('gzip');
    expect(chooseEncoding('gzip', both)).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0', both)).toBeUndefined();
    expect(chooseEncoding('identity', both)).toBeUndefined();
    expect(chooseEncoding(undefined, both)).toBeUndefined();
    expect(chooseEncoding('*', both)).toBe('br');
    expect(chooseEncoding('br', new Set(['gzip'] as const))).toBeUndefined();
  });
});
