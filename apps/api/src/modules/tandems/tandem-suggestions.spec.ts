import {
  distanceKm,
  rankSuggestions,
  type SuggestionCandidate,
  type SuggestionCity,
} from './tandem-suggestions';

const topic = (slug: string, name: string) => ({ slug, name });
const youth = topic('praevention-jugend', 'Jugend');
const digital = topic('digitalisierung', 'Digitalisierung');
const climate = topic('nachhaltigkeit', 'Nachhaltigkeit');

const newCity: SuggestionCity = {
  id: 'new',
  name: 'Cloppenburg',
  kind: 'CITY',
  federalState: 'DE-NI',
  joinedYear: 2024,
  population: 37000,
  latitude: 52.847,
  longitude: 8.045,
  focusTopics: [youth, digital],
};

function candidate(
  overrides: Partial<SuggestionCandidate> & { id: string; name: string },
): SuggestionCandidate {
  return {
    kind: 'CITY',
    federalState: 'DE-BY',
    joinedYear: 2015,
    population: 500000,
    latitude: 48.1,
    longitude: 11.5,
    focusTopics: [],
    openTandems: 0,
    practicesByTopic: {},
    ...overrides,
  };
}

describe('tandem suggestions', () => {
  // A fixture with known answers: the near, similar, like-minded city first.
  const candidates = [
    candidate({ id: 'far', name: 'Fernstadt' }),
    candidate({
      id: 'best',
      name: 'Nahstadt',
      federalState: 'DE-NI',
      population: 41000,
      latitude: 52.6,
      longitude: 8.3,
      focusTopics: [youth, digital],
      practicesByTopic: { 'praevention-jugend': 3, digitalisierung: 2 },
    }),
    candidate({
      id: 'second',
      name: 'Nachbarland',
      federalState: 'DE-NW',
      population: 60000,
      latitude: 52.1,
      longitude: 8.7,
      focusTopics: [youth, climate],
      practicesByTopic: { 'praevention-jugend': 1 },
    }),
    candidate({
      id: 'young',
      name: 'Neuling',
      joinedYear: 2023,
      federalState: 'DE-NI',
      focusTopics: [youth, digital],
    }),
    candidate({
      id: 'busy',
      name: 'Vielbeschäftigt',
      openTandems: 2,
      federalState: 'DE-NI',
      focusTopics: [youth, digital],
    }),
    candidate({ id: 'new', name: 'Cloppenburg selbst' }),
  ];

  it('ranks by shared topics, practices, size, kind, region and distance', () => {
    const ranked = rankSuggestions(newCity, candidates);
    expect(ranked.map((suggestion) => suggestion.city.id)).toEqual(['best', 'second', 'far']);
    expect(ranked[0].score).toBeGreaterThan(ranked[1].score);
    expect(ranked[1].score).toBeGreaterThan(ranked[2].score);
  });

  it('leaves out cities that are too young, too busy, or the city itself', () => {
    const ids = rankSuggestions(newCity, candidates).map((suggestion) => suggestion.city.id);
    expect(ids).not.toContain('young');
    expect(ids).not.toContain('busy');
    expect(ids).not.toContain('new');
  });

  it('explains the score in words', () => {
    const [best] = rankSuggestions(newCity, candidates);
    expect(best.reasons).toEqual([
      'beide arbeiten zu Jugend, Digitalisierung',
      '5 veröffentlichte Praxisbeispiele zu diesen Themen',
      'ähnliche Größe (37.000 und 41.000 Einwohner)',
      'beide sind Städte',
      'beide in Niedersachsen',
      `${best.distanceKm} km entfernt`,
    ]);
    expect(best.score).toBeCloseTo(
      24 +
        10 +
        15 * (1 - Math.abs(Math.log10(37000) - Math.log10(41000))) +
        10 +
        15 +
        10 * (1 - best.distanceKm! / 400),
      0,
    );
  });

  it('measures distances like a map does', () => {
    // Cloppenburg – Stendal is about 250 km as the crow flies.
    const km = distanceKm(
      { latitude: 52.847, longitude: 8.045 },
      { latitude: 52.606, longitude: 11.858 },
    );
    expect(km).toBeGreaterThan(240);
    expect(km).toBeLessThan(270);
  });
});
