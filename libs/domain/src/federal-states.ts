/** The sixteen German federal states by ISO 3166-2:DE code. */
export const FEDERAL_STATES = {
  'DE-BW': { de: 'Baden-Württemberg', en: 'Baden-Württemberg', region: 'SOUTH' },
  'DE-BY': { de: 'Bayern', en: 'Bavaria', region: 'SOUTH' },
  'DE-BE': { de: 'Berlin', en: 'Berlin', region: 'EAST' },
  'DE-BB': { de: 'Brandenburg', en: 'Brandenburg', region: 'EAST' },
  'DE-HB': { de: 'Bremen', en: 'Bremen', region: 'NORTH' },
  'DE-HH': { de: 'Hamburg', en: 'Hamburg', region: 'NORTH' },
  'DE-HE': { de: 'Hessen', en: 'Hesse', region: 'WEST' },
  'DE-MV': { de: 'Mecklenburg-Vorpommern', en: 'Mecklenburg-Western Pomerania', region: 'NORTH' },
  'DE-NI': { de: 'Niedersachsen', en: 'Lower Saxony', region: 'NORTH' },
  'DE-NW': { de: 'Nordrhein-Westfalen', en: 'North Rhine-Westphalia', region: 'WEST' },
  'DE-RP': { de: 'Rheinland-Pfalz', en: 'Rhineland-Palatinate', region: 'WEST' },
  'DE-SL': { de: 'Saarland', en: 'Saarland', region: 'WEST' },
  'DE-SN': { de: 'Sachsen', en: 'Saxony', region: 'EAST' },
  'DE-ST': { de: 'Sachsen-Anhalt', en: 'Saxony-Anhalt', region: 'EAST' },
  'DE-SH': { de: 'Schleswig-Holstein', en: 'Schleswig-Holstein', region: 'NORTH' },
  'DE-TH': { de: 'Thüringen', en: 'Thuringia', region: 'EAST' },
} as const satisfies Record<string, { de: string; en: string; region: NetworkRegion }>;

export type FederalStateCode = keyof typeof FEDERAL_STATES;

/** The four regions in which the network holds its regional conferences. */
export type NetworkRegion = 'NORTH' | 'EAST' | 'SOUTH' | 'WEST';

export const FEDERAL_STATE_CODES = Object.keys(FEDERAL_STATES) as FederalStateCode[];

export function isFederalStateCode(value: string): value is FederalStateCode {
  return Object.prototype.hasOwnProperty.call(FEDERAL_STATES, value);
}

export function federalStateName(code: string, locale: 'de' | 'en' = 'de'): string {
  return isFederalStateCode(code) ? FEDERAL_STATES[code][locale] : code;
}
