import { findInvalidString, hasInvalidCharacters } from './text';

describe('hasInvalidCharacters', () => {
  it('finds NUL characters and lone surrogates anywhere in a string', () => {
    for (const value of ['\u0000', 'a\u0000', 'a\uD83D', '\uD83Da', 'a\uDE42b', '\uDE42\uD83D']) {
      expect({ value, invalid: hasInvalidCharacters(value) }).toEqual({ value, invalid: true });
    }
  });

  it('accepts complete surrogate pairs, other control characters and ordinary text', () => {
    for (const value of [
      '',
      'Lemgo',
      '🙂',
      'a🙂b👩‍👩‍👧',
      'Tab\tZeile\nEnde\r',
      'Straße „Süd“',
      '\u0001',
    ]) {
      expect({ value, invalid: hasInvalidCharacters(value) }).toEqual({ value, invalid: false });
    }
  });
});

describe('findInvalidString', () => {
  it('names the path of the first bad string in nested objects and lists', () => {
    expect(findInvalidString('ok', 'slug')).toBeUndefined();
    expect(findInvalidString('a\u0000', 'slug')).toBe('slug');
    expect(
      findInvalidString(
        { title: 'ok', tags: ['a', 'b'], links: [{ label: 'gut' }, { label: 'x\uD800' }] },
        'input',
      ),
    ).toBe('input.links.1.label');
    expect(findInvalidString([1, true, null, { deep: ['\u0000'] }], 'ids')).toBe('ids.3.deep.0');
  });

  it('walks a very deeply nested value without overflowing the stack', () => {
    let value: unknown = 'tief\u0000';
    for (let depth = 0; depth < 100_000; depth++) value = [value];
    expect(findInvalidString(value, 'v')).toMatch(/^v(\.0)+$/);
  });
});
