import { DEMO_CITIES } from './demo-cities';
import { generatePractices } from './demo-practices';
import { DEMO_PRACTICE_COUNT } from './seed-demo';

describe('demo practices', () => {
  const practices = generatePractices(DEMO_CITIES, DEMO_PRACTICE_COUNT);
  const cityName = new Map(DEMO_CITIES.map((city) => [city.slug, city.name]));

  it('share a title across cities only when one follows the other, and then say so', () => {
    const byTitle = new Map<string, typeof practices>();
    for (const practice of practices)
      byTitle.set(practice.title, [...(byTitle.get(practice.title) ?? []), practice]);
    let related = 0;
    for (const [title, same] of byTitle) {
      const origin = same[0];
      for (const practice of same.slice(1)) {
        if (practice.citySlug === origin.citySlug) continue;
        related += 1;
        expect({ title, model: practice.modelCitySlug }).toEqual({
          title,
          model: origin.citySlug,
        });
        expect(practice.body).toContain(`nach dem Vorbild von ${cityName.get(origin.citySlug)}`);
      }
      // An origin follows nobody.
      expect(origin.modelCitySlug).toBeNull();
    }
    expect(related).toBeGreaterThan(0);
    // Nothing else claims a model.
    const claimed = practices.filter((practice) => practice.modelCitySlug !== null).length;
    expect(claimed).toBe(related);
  });

  it('have dates in order: started, first revision, published, all in the past of the demo', () => {
    for (const practice of practices) {
      const created = Date.parse(practice.createdAt);
      expect(created).toBeGreaterThanOrEqual(Date.parse(practice.periodFrom));
      expect(created).toBeLessThan(Date.UTC(2025, 11, 31));
      if (practice.status === 'DRAFT') expect(practice.publishedAt).toBeNull();
      else expect(Date.parse(practice.publishedAt!)).toBeGreaterThan(created);
    }
    // Published in 2025 means written in 2025 or before, not today.
    expect(practices.some((p) => p.publishedAt?.startsWith('2025'))).toBe(true);
  });

  it('is the same on every run', () => {
    expect(generatePractices(DEMO_CITIES, 50)).toEqual(generatePractices(DEMO_CITIES, 50));
  });
});
