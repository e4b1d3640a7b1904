import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import { FEDERAL_STATE_CODES } from '@wissensnetz/domain';
import { buildMapGeometry, MAP_HEIGHT, MAP_WIDTH } from './geography';
import { legendEntries, symbolPath } from './map-style';

const CLOPPENBURG: [number, number] = [8.045, 52.847];
const STENDAL: [number, number] = [11.858, 52.606];
const HUSUM: [number, number] = [9.05, 54.48];
const LOERRACH: [number, number] = [7.66, 47.615];

describe('the map of Germany', () => {
  const map = buildMapGeometry();

  it('draws all sixteen federal states once', () => {
    expect(map.states.map((state) => state.code).sort()).toEqual([...FEDERAL_STATE_CODES].sort());
    expect(map.states.every((state) => state.path.startsWith('M'))).toBe(true);
  });

  it('puts west left, north up', () => {
    const cloppenburg = map.project(...CLOPPENBURG)!;
    const stendal = map.project(...STENDAL)!;
    expect(cloppenburg[0]).toBeLessThan(stendal[0]);
    const husum = map.project(...HUSUM)!;
    const loerrach = map.project(...LOERRACH)!;
    expect(husum[1]).toBeLessThan(loerrach[1]);
  });

  it('fits Germany into the drawing', () => {
    for (const place of [CLOPPENBURG, STENDAL, HUSUM, LOERRACH]) {
      const [x, y] = map.project(...place)!;
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(MAP_WIDTH);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(MAP_HEIGHT);
    }
  });

  it('draws a tandem as a line between its two cities', () => {
    expect(map.line(CLOPPENBURG, STENDAL)).toMatch(/^M[\d.]+,[\d.]+L/);
  });

  it('has Cloppenburg inside Lower Saxony in the shipped borders', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const topo = require('./germany-states.topo.json');
    const states = feature(topo, topo.objects.deu) as unknown as {
      features: Array<{ id: string; properties: { name: string } }>;
    };
    const niedersachsen = states.features.find((f) => f.properties.name === 'Niedersachsen')!;
    expect(geoContains(niedersachsen as never, CLOPPENBURG)).toBe(true);
    expect(geoContains(niedersachsen as never, STENDAL)).toBe(false);
  });
});

describe('the map legend', () => {
  it('gives every class its own colour and its own shape', () => {
    const entries = legendEntries('cohort', [2024, 2015, 2019, 2024, 2017]);
    expect(entries.map((entry) => entry.key)).toEqual(['2024', '2019', '2017', '2015']);
    expect(new Set(entries.map((entry) => entry.colour)).size).toBe(4);
    expect(new Set(entries.map((entry) => entry.shape)).size).toBe(4);
    expect(legendEntries('kind', []).map((entry) => entry.key)).toEqual([
      'CITY',
      'DISTRICT',
      'COMMUNITY',
    ]);
  });

  it('draws every symbol as one closed path', () => {
    for (const shape of ['circle', 'square', 'triangle', 'diamond', 'star', 'cross'] as const) {
      expect(symbolPath(shape, 8)).toMatch(/^M.*Z$/);
    }
  });
});
