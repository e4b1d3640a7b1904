import { focusAfterRemoval, linkableHits, practiceIdsToSave } from './record-practices';

describe('record practices', () => {
  const a = { id: 'a', title: 'Repair-Café' };
  const b = { id: 'b', title: 'Bürgerhaushalt' };
  const c = { id: 'c', title: 'Mitfahrbänke' };

  it('offers only hits that are not linked yet, in the engine order', () => {
    expect(linkableHits([c, a, b], [a])).toEqual([c, b]);
    expect(linkableHits([a], [a])).toEqual([]);
    expect(linkableHits([b, a], [])).toEqual([b, a]);
  });

  it('sends the whole list only when the organizer changed it', () => {
    expect(practiceIdsToSave([a, b], [a, b])).toBeUndefined();
    expect(practiceIdsToSave([], [])).toBeUndefined();
    expect(practiceIdsToSave([a, b, c], [a, b])).toEqual(['a', 'b', 'c']);
    expect(practiceIdsToSave([b], [a, b])).toEqual(['b']);
    // Removing the last one sends an empty list, not nothing.
    expect(practiceIdsToSave([], [a])).toEqual([]);
    expect(practiceIdsToSave([b, a], [a, b])).toEqual(['b', 'a']);
  });

  it('moves focus to the next remove button, else the previous, else nowhere', () => {
    expect(focusAfterRemoval(['a', 'b', 'c'], 'a')).toBe('b');
    expect(focusAfterRemoval(['a', 'b', 'c'], 'b')).toBe('c');
    expect(focusAfterRemoval(['a', 'b', 'c'], 'c')).toBe('b');
    expect(focusAfterRemoval(['a'], 'a')).toBeNull();
    expect(focusAfterRemoval(['a'], 'x')).toBeNull();
  });
});
