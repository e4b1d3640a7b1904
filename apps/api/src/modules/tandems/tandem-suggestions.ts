import { FEDERAL_STATES, federalStateName, isFederalStateCode } from '@wissensnetz/domain';

/** What the ranking knows about a city. */
export interface SuggestionCity {
  id: string;
  name: string;
  kind: string;
  federalState: string;
  joinedYear: number;
  population: number | null;
  latitude: number | null;
  longitude: number | null;
  focusTopics: Array<{ slug: string; name: string }>;
}

export interface SuggestionCandidate extends SuggestionCity {
  /** Proposed or active tandems the city already has. */
  openTandems: number;
  /** Published practices per topic slug. */
  practicesByTopic: Record<string, number>;
}

export interface Suggestion {
  city: SuggestionCandidate;
  score: number;
  reasons: string[];
  distanceKm: number | null;
}

/** Experienced means: joined at least this many years before the new city. */
export const MIN_YEARS_AHEAD = 2;
/** A partner busy with this many open tandems is not suggested. */
export const MAX_OPEN_TANDEMS = 2;

const KIND_PLURAL: Record<string, string> = {
  CITY: 'Städte',
  DISTRICT: 'Stadtteile',
  COMMUNITY: 'Gemeinden',
};

/** Great-circle distance in km (haversine). */
export function distanceKm(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const formatNumber = (value: number) => new Intl.NumberFormat('de-DE').format(value);

/**
 * Ranks experienced cities as tandem partners for a new one. Points (at most 100):
 * shared focus topics 12 each (max 36) and published practices on them 2 each
 * (max 14); similar size up to 15; same kind 10; same federal state 15 or same
 * region 8; closeness up to 10 (0 km) falling to 0 at 400 km. Each part that
 * counts comes with a reason in German.
 */
export function rankSuggestions(
  newCity: SuggestionCity,
  candidates: SuggestionCandidate[],
): Suggestion[] {
  const ownTopics = new Map(newCity.focusTopics.map((topic) => [topic.slug, topic.name]));
  const suggestions: Suggestion[] = [];
  for (const candidate of candidates) {
    if (candidate.id === newCity.id) continue;
    if (candidate.joinedYear > newCity.joinedYear - MIN_YEARS_AHEAD) continue;
    if (candidate.openTandems >= MAX_OPEN_TANDEMS) continue;
    let score = 0;
    const reasons: string[] = [];

    const shared = candidate.focusTopics.filter((topic) => ownTopics.has(topic.slug));
    if (shared.length > 0) {
      score += Math.min(36, 12 * shared.length);
      reasons.push(`beide arbeiten zu ${shared.map((topic) => topic.name).join(', ')}`);
      const practices = shared.reduce(
        (sum, topic) => sum + (candidate.practicesByTopic[topic.slug] ?? 0),
        0,
      );
      if (practices > 0) {
        score += Math.min(14, 2 * practices);
        reasons.push(
          `${practices} veröffentlichte${practices === 1 ? 's Praxisbeispiel' : ' Praxisbeispiele'} zu diesen Themen`,
        );
      }
    }

    if (newCity.population && candidate.population) {
      const gap = Math.abs(Math.log10(newCity.population) - Math.log10(candidate.population));
      const points = Math.max(0, 15 * (1 - gap));
      if (points >= 5) {
        score += points;
        reasons.push(
          `ähnliche Größe (${formatNumber(newCity.population)} und ${formatNumber(candidate.population)} Einwohner)`,
        );
      }
    }

    if (candidate.kind === newCity.kind) {
      score += 10;
      reasons.push(`beide sind ${KIND_PLURAL[candidate.kind] ?? candidate.kind}`);
    }

    if (candidate.federalState === newCity.federalState) {
      score += 15;
      reasons.push(`beide in ${federalStateName(candidate.federalState)}`);
    } else if (
      isFederalStateCode(candidate.federalState) &&
      isFederalStateCode(newCity.federalState) &&
      FEDERAL_STATES[candidate.federalState].region === FEDERAL_STATES[newCity.federalState].region
    ) {
      score += 8;
      reasons.push('gleiche Region des Netzwerks');
    }

    let km: number | null = null;
    if (
      newCity.latitude !== null &&
      newCity.longitude !== null &&
      candidate.latitude !== null &&
      candidate.longitude !== null
    ) {
      km = distanceKm(
        { latitude: newCity.latitude, longitude: newCity.longitude },
        { latitude: candidate.latitude, longitude: candidate.longitude },
      );
      score += Math.max(0, 10 * (1 - km / 400));
      reasons.push(`${Math.round(km)} km entfernt`);
    }

    suggestions.push({
      city: candidate,
      score: Math.round(score * 10) / 10,
      reasons,
      distanceKm: km === null ? null : Math.round(km),
    });
  }
  return suggestions.sort(
    (a, b) => b.score - a.score || a.city.name.localeCompare(b.city.name, 'de'),
  );
}
