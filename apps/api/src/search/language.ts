import type { IndexSettings } from './search-index';

/**
 * The network's vocabulary: each group means the same to a searcher. Lower case (the
 * engine compares normalised words); a group may hold phrases.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  [
    'ehrenamt',
    'freiwilliges engagement',
    'bürgerschaftliches engagement',
    'ehrenamtliche',
    'freiwillige',
  ],
  ['digitalisierung', 'digital', 'digitale'],
  ['jugend', 'jugendliche', 'junge menschen'],
  ['beteiligung', 'partizipation', 'bürgerbeteiligung'],
  ['nachhaltigkeit', 'klimaschutz'],
  ['verein', 'vereine'],
];

/** Frequent German words that carry no meaning for ranking. */
export const GERMAN_STOP_WORDS: readonly string[] = [
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'ein',
  'eine',
  'einen',
  'einem',
  'einer',
  'eines',
  'und',
  'oder',
  'aber',
  'für',
  'mit',
  'von',
  'vom',
  'zu',
  'zum',
  'zur',
  'im',
  'in',
  'am',
  'an',
  'auf',
  'bei',
  'aus',
  'als',
  'wie',
  'auch',
  'ist',
  'sind',
  'wird',
  'werden',
  'wir',
  'sie',
  'es',
  'sich',
  'nicht',
  'noch',
  'nach',
  'über',
  'unter',
  'so',
  'dass',
  'damit',
  'durch',
];

/** The engine's form of synonym groups: every word maps to the others of its group. */
export function synonymMap(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) {
    for (const word of group) map[word] = group.filter((other) => other !== word);
  }
  return map;
}

/**
 * The language part of every index's settings: practices and records are searched in
 * the same words, so each index spreads this into its settings.
 */
export function languageSettings(): Pick<IndexSettings, 'stopWords' | 'synonyms'> {
  return { stopWords: [...GERMAN_STOP_WORDS], synonyms: synonymMap(SYNONYM_GROUPS) };
}
