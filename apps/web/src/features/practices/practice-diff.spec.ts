import { diffList, diffText, hasChanges } from './practice-diff';

describe('diffText', () => {
  it('marks changed words and keeps the rest', () => {
    const parts = diffText('Ehrenamt im Quartier', 'Ehrenamt im ganzen Quartier');
    expect(parts.filter((part) => part.kind === 'added').map((part) => part.value.trim())).toEqual([
      'ganzen',
    ]);
    expect(parts.filter((part) => part.kind === 'removed')).toEqual([]);
    expect(
      parts
        .filter((part) => part.kind !== 'removed')
        .map((part) => part.value)
        .join(''),
    ).toBe('Ehrenamt im ganzen Quartier');
  });

  it('reports no change for equal texts', () => {
    expect(hasChanges(diffText('gleich', 'gleich'))).toBe(false);
  });
});

describe('diffList', () => {
  it('keeps, adds and removes whole items', () => {
    expect(diffList(['a', 'b'], ['b', 'c'])).toEqual([
      { value: 'a', kind: 'removed' },
      { value: 'b', kind: 'same' },
      { value: 'c', kind: 'added' },
    ]);
  });
});
