import type { CitySeed } from './demo-cities';

/** The profile fields a demo city's coordinators would fill in: invented people, `.example` addresses. */
export interface CityProfileSeed {
  contactName: string;
  contactRole: string;
  contactEmail: string;
  contactPhone: string;
  address: string;
  website: string;
}

// Invented names (first names common, family names made up for the demo).
const FIRST = [
  'Anke',
  'Jonas',
  'Selin',
  'Malte',
  'Irina',
  'Tobias',
  'Frauke',
  'Deniz',
  'Lena',
  'Ole',
];
const LAST = [
  'Brückenhof',
  'Feldwinkel',
  'Lindquartier',
  'Sonnbergel',
  'Hagedornis',
  'Mühlrader',
  'Wiesentaler',
  'Ostkampfer',
];
const ROLES = [
  'Koordination Engagierte Stadt',
  'Leitung Freiwilligenagentur',
  'Stabsstelle Bürgerbeteiligung',
  'Fachbereich Ehrenamt',
];

/** Deterministic per city, so the seed gives the same profile on every run. */
export function demoCityProfile(city: CitySeed, index: number): CityProfileSeed {
  return {
    contactName: `${FIRST[index % FIRST.length]} ${LAST[(index * 3) % LAST.length]}`,
    contactRole: ROLES[index % ROLES.length],
    contactEmail: `engagement@${city.slug}.example`,
    // 0555 is no dialling code in use; the numbers reach nobody.
    contactPhone: `+49 555 ${String(1000 + index * 37).padStart(4, '0')}`,
    address: `Büro Engagierte Stadt\nRathausplatz ${1 + (index % 9)}\n${city.name}`,
    website: `https://engagiert.${city.slug}.example`,
  };
}
