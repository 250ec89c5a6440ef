import proj4 from 'proj4';
import type { Geometry, Position } from 'geojson';
import type { Crs } from './crs';

/**
 * EPSG:27700 with the standard 7-parameter Helmert shift to WGS84. Without the OSTN15 grid this is
 * good to a few metres, far below what a generalised (BGC) boundary resolves.
 */
export const BNG_PROJ4 =
  '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy ' +
  '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

const bngToWgs84 = proj4(BNG_PROJ4, 'WGS84');

/** 6 dp ≈ 0.1 m: finer than any source, coarse enough that shared borders stay byte-equal. */
export const COORD_DP = 6;

export function round(value: number, dp: number): number {
  const f = 10 ** dp;
  const r = Math.round(value * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

export function bngPointToWgs84(easting: number, northing: number): [number, number] {
  const [lon, lat] = bngToWgs84.forward([easting, northing]);
  return [lon ?? NaN, lat ?? NaN];
}

function mapPositions(g: Geometry, fn: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point':
      return { type: 'Point', coordinates: fn(g.coordinates) };
    case 'MultiPoint':
    case 'LineString':
      return { type: g.type, coordinates: g.coordinates.map(fn) } as Geometry;
    case 'MultiLineString':
    case 'Polygon':
      return { type: g.type, coordinates: g.coordinates.map((r) => r.map(fn)) } as Geometry;
    case 'MultiPolygon':
      return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(fn))) };
    case 'GeometryCollection':
      return { type: 'GeometryCollection', geometries: g.geometries.map((x) => mapPositions(x, fn)) };
  }
}

/** Reproject to WGS84 (when needed) and round, so identical source vertices stay identical. */
export function toWgs84(g: Geometry, crs: Crs): Geometry {
  if (crs === 'bng') {
    return mapPositions(g, ([x, y]) => {
      const [lon, lat] = bngPointToWgs84(x ?? NaN, y ?? NaN);
      return [round(lon, COORD_DP), round(lat, COORD_DP)];
    });
  }
  return mapPositions(g, ([x, y]) => [round(x ?? NaN, COORD_DP), round(y ?? NaN, COORD_DP)]);
}
