import type { FederalStateCode } from '@wissensnetz/domain';
import germany from './germany-map.json';

/**
 * The map of Germany, projected when the app is built: scripts/project-map-geodata.mjs
 * turns the shipped borders (GEODATA.md) into germany-map.json, SVG paths in a Lambert
 * conformal conic projection fitted to the drawing. Only the cities' positions are
 * projected here, with the same constants, so the start page carries no map library.
 */

/** The drawing's coordinate space; the SVG scales it to any width (viewBox). */
export const MAP_WIDTH = germany.width;
export const MAP_HEIGHT = germany.height;

export interface StateShape {
  code: FederalStateCode;
  path: string;
}

export interface MapGeometry {
  states: StateShape[];
  /** Screen position of a longitude/latitude, or null outside the drawing. */
  project: (longitude: number, latitude: number) => [number, number] | null;
  /** The great-circle line between two places as an SVG path. */
  line: (from: [number, number], to: [number, number]) => string;
}

const RADIANS = Math.PI / 180;
/** Points along a tandem's line (the great circle, bent a little by the projection). */
const LINE_STEPS = 8;

/** d3-geo's conicConformalRaw with its scale and translation (geography.spec.ts compares). */
function conicConformal(): (longitude: number, latitude: number) => [number, number] {
  const { parallels, centralMeridian, scale, translate } = germany.projection;
  const [phi0, phi1] = parallels.map((degrees) => degrees * RADIANS);
  const tany = (phi: number) => Math.tan((Math.PI / 2 + phi) / 2);
  const n = Math.log(Math.cos(phi0) / Math.cos(phi1)) / Math.log(tany(phi1) / tany(phi0));
  const f = (Math.cos(phi0) * Math.pow(tany(phi0), n)) / n;
  return (longitude, latitude) => {
    const lambda = (longitude - centralMeridian) * RADIANS;
    const phi = Math.max(latitude * RADIANS, -Math.PI / 2 + 1e-6);
    const r = f / Math.pow(tany(phi), n);
    return [
      translate[0] + scale * r * Math.sin(n * lambda),
      translate[1] - scale * (f - r * Math.cos(n * lambda)),
    ];
  };
}

/** Longitude/latitude of the point a fraction t along the great circle from a to b. */
function alongGreatCircle(a: [number, number], b: [number, number], t: number): [number, number] {
  const toVector = ([longitude, latitude]: [number, number]) => [
    Math.cos(latitude * RADIANS) * Math.cos(longitude * RADIANS),
    Math.cos(latitude * RADIANS) * Math.sin(longitude * RADIANS),
    Math.sin(latitude * RADIANS),
  ];
  const [u, v] = [toVector(a), toVector(b)];
  const angle = Math.acos(Math.min(1, u[0] * v[0] + u[1] * v[1] + u[2] * v[2]));
  if (angle < 1e-9) return a;
  const [wa, wb] = [Math.sin((1 - t) * angle), Math.sin(t * angle)].map((w) => w / Math.sin(angle));
  const [x, y, z] = [0, 1, 2].map((i) => wa * u[i] + wb * v[i]);
  return [Math.atan2(y, x) / RADIANS, Math.atan2(z, Math.hypot(x, y)) / RADIANS];
}

const STATES: StateShape[] = germany.states.map((state) => ({
  code: state.code as FederalStateCode,
  path: state.path,
}));

/** Pure: the same input, the same paths. */
export function buildMapGeometry(): MapGeometry {
  const projectRaw = conicConformal();
  const project = (longitude: number, latitude: number): [number, number] | null => {
    const point = projectRaw(longitude, latitude);
    return Number.isFinite(point[0]) && Number.isFinite(point[1]) ? point : null;
  };
  const f = (n: number) => Math.round(n * 10) / 10;
  return {
    states: STATES,
    project,
    line: (from, to) =>
      Array.from({ length: LINE_STEPS + 1 }, (_, i) =>
        project(...alongGreatCircle(from, to, i / LINE_STEPS)),
      )
        .filter((point): point is [number, number] => point !== null)
        .map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${f(x)},${f(y)}`)
        .join(''),
  };
}
