import { CITY_SLUG_PATTERN, RESERVED_SLUGS, isFederalStateCode } from '@wissensnetz/domain';
import { DEMO_CITIES } from './demo-cities';
import { DEMO_TOPICS } from './demo-topics';

describe('demo network', () => {
  const intake = DEMO_CITIES.filter((city) => city.joinedYear === 2024);
  const topicSlugs = new Set(
    DEMO_TOPICS.flatMap((topic) => [
      topic.slug,
      ...(topic.children ?? []).map((child) => child.slug),
    ]),
  );

  it('has the 2024 intake of 23 municipalities from nine federal states', () => {
    expect(intake).toHaveLength(23);
    expect(new Set(intake.map((city) => city.federalState)).size).toBe(9);
    expect(intake.find((city) => city.slug === 'cloppenburg')?.federalState).toBe('DE-NI');
  });

  it('has experienced partners of earlier cohorts', () => {
    const experienced = DEMO_CITIES.filter((city) => city.joinedYear <= 2022).map(
      (city) => city.slug,
    );
    expect(experienced).toEqual(
      expect.arrayContaining(['stendal', 'lemgo', 'bitburg', 'ingolstadt', 'puchheim']),
    );
  });

  it('uses valid, unique slugs, states, colours and topics', () => {
    const slugs = DEMO_CITIES.map((city) => city.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const city of DEMO_CITIES) {
      expect(city.slug).toMatch(CITY_SLUG_PATTERN);
      expect(RESERVED_SLUGS).not.toContain(city.slug);
      expect(isFederalStateCode(city.federalState)).toBe(true);
      expect(city.brandColor).toMatch(/^#[0-9a-f]{6}$/);
      for (const topic of city.focusTopics) expect(topicSlugs).toContain(topic);
    }
  });

  it('carries prevention with its three action fields', () => {
    const prevention = DEMO_TOPICS.find((topic) => topic.slug === 'praevention');
    expect(prevention?.children?.map((child) => child.nameEn)).toEqual([
      'Youth',
      'Domestic violence',
      'Democracy and tolerance',
    ]);
  });
});
