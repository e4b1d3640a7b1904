import { Injectable } from '@nestjs/common';
import { Permission, requireAccess } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { toCity } from '../cities/dto/city.type';
import { CityService } from '../cities/city.service';
import { PracticeService } from '../practices/practice.service';
import { TopicService } from '../topics/topic.service';
import type { TandemSuggestion } from './dto/tandem-suggestion.type';
import { rankSuggestions, type SuggestionCity } from './tandem-suggestions';

/** Explained partner suggestions for a city (the ranking itself: tandem-suggestions.ts). */
@Injectable()
export class TandemSuggestionService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly topics: TopicService,
    private readonly practices: PracticeService,
  ) {}

  /** Best first, at most `first` (1 to 50). */
  async suggestions(actor: Actor, citySlug: string, first: number): Promise<TandemSuggestion[]> {
    const city = await this.cities.requireBySlug(citySlug, 'citySlug');
    requireAccess(actor, Permission.TANDEM_SUGGESTIONS_READ, { cityId: city.id });
    const all = await this.cities.all();
    const ids = all.map((entry) => entry.id);
    const [focus, practiceCounts, open] = await Promise.all([
      this.topics.focusTopicsOfCities(ids),
      this.practices.networkCountsByCityAndTopic(actor, ids),
      this.tenantDb.run(actor, async (manager) => {
        const rows: Array<{ city: string; n: number }> = await manager.query(
          `SELECT city, count(*)::int AS n FROM (
             SELECT city_id AS city FROM tandem WHERE status IN ('PROPOSED', 'ACTIVE')
             UNION ALL SELECT partner_city_id FROM tandem WHERE status IN ('PROPOSED', 'ACTIVE')) t GROUP BY city`,
        );
        const pairs: Array<{ a: string; b: string }> = await manager.query(
          `SELECT city_id AS a, partner_city_id AS b FROM tandem WHERE status IN ('PROPOSED', 'ACTIVE') AND (city_id = $1 OR partner_city_id = $1)`,
          [city.id],
        );
        return {
          counts: new Map(rows.map((row) => [row.city, row.n])),
          partners: new Set(pairs.flatMap((pair) => [pair.a, pair.b])),
        };
      }),
    ]);
    const focusOf = new Map(
      ids.map((id, index) => [
        id,
        focus[index].map((topic) => ({ slug: topic.slug, name: topic.name })),
      ]),
    );
    const asSuggestionCity = (entry: (typeof all)[number]): SuggestionCity => ({
      id: entry.id,
      name: entry.name,
      kind: entry.kind,
      federalState: entry.federalState,
      joinedYear: entry.joinedYear,
      population: entry.population,
      latitude: entry.latitude,
      longitude: entry.longitude,
      focusTopics: focusOf.get(entry.id) ?? [],
    });
    const ranked = rankSuggestions(
      asSuggestionCity(city),
      all
        .filter((entry) => !open.partners.has(entry.id))
        .map((entry) => ({
          ...asSuggestionCity(entry),
          openTandems: open.counts.get(entry.id) ?? 0,
          practicesByTopic: practiceCounts.get(entry.id) ?? {},
        })),
    );
    const byId = new Map(all.map((entry) => [entry.id, entry]));
    return ranked.slice(0, Math.max(1, Math.min(first, 50))).flatMap((suggestion) => {
      const candidate = byId.get(suggestion.city.id);
      return candidate
        ? [
            {
              city: toCity(candidate),
              score: suggestion.score,
              reasons: suggestion.reasons,
              distanceKm: suggestion.distanceKm,
            },
          ]
        : [];
    });
  }
}
