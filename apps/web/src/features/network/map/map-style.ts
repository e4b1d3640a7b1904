import { CITY_KINDS } from '@wissensnetz/domain';

/** What the points' colour and shape tell: the cohort or the kind of municipality. */
export type ColourMode = 'cohort' | 'kind';

export type SymbolShape =
  'circle' | 'square' | 'triangle' | 'diamond' | 'triangleDown' | 'cross' | 'star' | 'hexagon';

const SHAPES: SymbolShape[] = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'triangleDown',
  'cross',
  'star',
  'hexagon',
];

/** Okabe–Ito: told apart with the common colour vision deficiencies; every symbol has a dark outline. */
const PALETTE = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000'];

export interface LegendEntry {
  key: string;
  colour: string;
  shape: SymbolShape;
}

/**
 * One class per cohort (newest first) or per kind; colour AND shape both carry the
 * class, so the map does not rely on colour alone (WCAG 1.4.1).
 */
export function legendEntries(mode: ColourMode, cohorts: readonly number[]): LegendEntry[] {
  const keys =
    mode === 'kind'
      ? [...CITY_KINDS]
      : [...new Set(cohorts)].sort((a, b) => b - a).map((year) => String(year));
  return keys.map((key, index) => ({
    key,
    colour: PALETTE[index % PALETTE.length],
    shape: SHAPES[index % SHAPES.length],
  }));
}

export function classOf(mode: ColourMode, city: { cohort: number; kind: string }): string {
  return mode === 'kind' ? city.kind : String(city.cohort);
}

/** An SVG path of the symbol centred on 0,0 with about the area of a circle of radius r. */
export function symbolPath(shape: SymbolShape, r: number): string {
  const f = (n: number) => Math.round(n * 100) / 100;
  const polygon = (points: Array<[number, number]>) =>
    `M${points.map(([x, y]) => `${f(x)},${f(y)}`).join('L')}Z`;
  const around = (count: number, radius: (i: number) => number, turn = -Math.PI / 2) =>
    polygon(
      Array.from({ length: count }, (_, i) => {
        const angle = turn + (i * 2 * Math.PI) / count;
        return [Math.cos(angle) * radius(i), Math.sin(angle) * radius(i)];
      }),
    );
  switch (shape) {
    case 'circle':
      return `M${f(-r)},0A${f(r)},${f(r)} 0 1,0 ${f(r)},0A${f(r)},${f(r)} 0 1,0 ${f(-r)},0Z`;
    case 'square': {
      const s = r * 0.89;
      return polygon([
        [-s, -s],
        [s, -s],
        [s, s],
        [-s, s],
      ]);
    }
    case 'triangle':
      return around(3, () => r * 1.35);
    case 'triangleDown':
      return around(3, () => r * 1.35, Math.PI / 2);
    case 'diamond':
      return around(4, () => r * 1.25);
    case 'hexagon':
      return around(6, () => r * 1.1);
    case 'star':
      return around(10, (i) => (i % 2 === 0 ? r * 1.45 : r * 0.6));
    case 'cross': {
      const a = r * 0.42;
      const b = r * 1.2;
      return polygon([
        [-a, -b],
        [a, -b],
        [a, -a],
        [b, -a],
        [b, a],
        [a, a],
        [a, b],
        [-a, b],
        [-a, a],
        [-b, a],
        [-b, -a],
        [-a, -a],
      ]);
    }
    default: {
      const unknown: never = shape;
      throw new Error(`unknown symbol ${String(unknown)}`);
    }
  }
}
