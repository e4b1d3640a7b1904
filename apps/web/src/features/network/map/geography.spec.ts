import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { geoConicConformal, geoContains, geoPath } from 'd3-geo';
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

  it('projects the cities exactly as d3-geo fitted to the shipped borders does', () => {
    // The projection the map drew with before it was precomputed (scripts/project-map-geodata.mjs).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const topo = require('./germany-states.topo.json');
    const projection = geoConicConformal()
      .parallels([48.666667, 53.666667])
      .rotate([-10.5, 0])
      .fitExtent(
        [
          [12, 12],
          [MAP_WIDTH - 12, MAP_HEIGHT - 12],
        ],
        feature(topo, topo.objects.deu) as never,
      );
    for (const place of [
      CLOPPENBURG,
      STENDAL,
      HUSUM,
      LOERRACH,
      [13.4, 52.52] as [number, number],
    ]) {
      const [x, y] = map.project(...place)!;
      const [dx, dy] = projection(place)!;
      expect(Math.abs(x - dx)).toBeLessThan(0.01);
      expect(Math.abs(y - dy)).toBeLessThan(0.01);
    }
    // A tandem's line follows the great circle as d3-geo draws it: its middle within a unit.
    const d3Line = geoPath(projection)({
      type: 'LineString',
      coordinates: [HUSUM, LOERRACH],
    } as never)!;
    const points = (d: string) =>
      [...d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const ours = points(map.line(HUSUM, LOERRACH));
    const middle = ours[Math.floor(ours.length / 2)];
    const theirs = points(d3Line);
    const toSegment = ([px, py]: number[], [ax, ay]: number[], [bx, by]: number[]) => {
      const t = Math.max(
        0,
        Math.min(
          1,
          ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
        ),
      );
      return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
    };
    const nearest = Math.min(...theirs.slice(1).map((end, k) => toSegment(middle, theirs[k], end)));
    expect(ours).toHaveLength(9);
    expect(nearest).toBeLessThan(1.5);
  });

  it('ships the borders as scripts/project-map-geodata.mjs projects them (germany-map.json is current)', () => {
    const script = path.resolve(__dirname, '../../../../../../scripts/project-map-geodata.mjs');
    expect(() =>
      execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
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
