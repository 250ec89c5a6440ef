import type { Geometry, Position } from 'geojson';

export type BBox = [number, number, number, number];

function eachPosition(g: Geometry, f: (p: Position) => void): void {
  switch (g.type) {
    case 'Point':
      f(g.coordinates);
      break;
    case 'MultiPoint':
    case 'LineString':
      g.coordinates.forEach(f);
      break;
    case 'MultiLineString':
    case 'Polygon':
      g.coordinates.forEach((ring) => void ring.forEach(f));
      break;
    case 'MultiPolygon':
      g.coordinates.forEach((poly) => void poly.forEach((ring) => void ring.forEach(f)));
      break;
    case 'GeometryCollection':
      g.geometries.forEach((inner) => void eachPosition(inner, f));
      break;
    default: {
      const unreachable: never = g;
      throw new Error(`unknown geometry ${JSON.stringify(unreachable)}`);
    }
  }
}

/** [west, south, east, north] of a geometry (small enough not to need a geometry library in the first view). */
export function geometryBBox(g: Geometry): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  eachPosition(g, ([x, y]) => {
    if (x === undefined || y === undefined) return;
    if (x < b[0]) b[0] = x;
    if (y < b[1]) b[1] = y;
    if (x > b[2]) b[2] = x;
    if (y > b[3]) b[3] = y;
  });
  return b;
}
