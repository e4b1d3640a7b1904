import { GERMAN_STOP_WORDS, SYNONYM_GROUPS, languageSettings, synonymMap } from './language';

describe('synonymMap', () => {
  it('maps every word of a group to the others of its group, and only those', () => {
    expect(
      synonymMap([
        ['jugend', 'jugendliche', 'junge menschen'],
        ['verein', 'vereine'],
      ]),
    ).toEqual({
      jugend: ['jugendliche', 'junge menschen'],
      jugendliche: ['jugend', 'junge menschen'],
      'junge menschen': ['jugend', 'jugendliche'],
      verein: ['vereine'],
      vereine: ['verein'],
    });
  });

  it('maps nothing for no groups', () => {
    expect(synonymMap([])).toEqual({});
  });
});

describe('the network’s search language', () => {
  const words = SYNONYM_GROUPS.flat();

  it('writes synonyms and stop words in lower case, trimmed, each once', () => {
    for (const word of [...words, ...GERMAN_STOP_WORDS]) {
      expect(word).toBe(word.trim().toLowerCase());
      expect(word).not.toBe('');
    }
    // A word in two groups would keep only its last group's synonyms.
    expect(new Set(words).size).toBe(words.length);
    expect(new Set(GERMAN_STOP_WORDS).size).toBe(GERMAN_STOP_WORDS.length);
  });

  it('has no group of one and no stop word among the synonyms', () => {
    for (const group of SYNONYM_GROUPS) expect(group.length).toBeGreaterThan(1);
    // The engine drops stop words from a query: a synonym that is one would never match,
    // and a phrase made only of stop words neither.
    for (const word of words) {
      expect(word.split(' ').every((part) => GERMAN_STOP_WORDS.includes(part))).toBe(false);
    }
  });

  it('gives every index the same settings: stop words and a symmetric synonym map', () => {
    const settings = languageSettings();
    expect(settings.stopWords).toEqual([...GERMAN_STOP_WORDS]);
    expect(Object.keys(settings.synonyms).sort()).toEqual([...words].sort());
    for (const [word, synonyms] of Object.entries(settings.synonyms)) {
      expect(synonyms).not.toContain(word);
      for (const synonym of synonyms) expect(settings.synonyms[synonym]).toContain(word);
    }
    // Copies: an index that changes its settings cannot change another's.
    settings.stopWords.push('x');
    expect(languageSettings().stopWords).not.toContain('x');
  });
});
