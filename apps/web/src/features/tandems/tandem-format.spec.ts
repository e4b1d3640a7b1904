import { partnerOf, tandemPath, todayInBerlin } from './tandem-format';

const city = (slug: string) => ({
  __typename: 'City' as const,
  id: slug,
  slug,
  name: slug,
  brandColor: '#1d4f91',
  cohort: 2024,
});

describe('tandem format', () => {
  it('names the other city of the pair from either side', () => {
    const tandem = { newCity: city('halberstadt'), partnerCity: city('stendal') };
    expect(partnerOf(tandem, 'halberstadt').slug).toBe('stendal');
    expect(partnerOf(tandem, 'stendal').slug).toBe('halberstadt');
  });

  it('puts the tandem under the city it is seen from', () => {
    expect(tandemPath('bitburg', 'abc')).toBe('/bitburg/tandems/abc');
  });

  it('gives today as a calendar date, the default of a visit', () => {
    expect(todayInBerlin()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
