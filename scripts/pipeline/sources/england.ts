import type { Geometry } from 'geojson';
import { readBoundaries, type AreaFeature, type BoundaryLayer } from '../boundaries';
import type { BoundarySource } from '../config';
import { cachedSource } from '../source-cache';

/**
 * An England-wide boundary layer (gzip GeoJSON, WGS84), parsed and validated once per process and
 * kept: `build:sites` filters the same parse for every council.
 */
export async function readEnglandLayer(dataDir: string, source: BoundarySource): Promise<BoundaryLayer> {
  return cachedSource(`boundaries:${dataDir}:${source.path}`, () => readBoundaries(dataDir, source));
}

/**
 * The features of an England-wide layer whose outline may reach into `box` (lon/lat), read one
 * feature at a time and not kept for the process: a one-council build needs a few hundred of the
 * 33,755 LSOAs, and holding all of them parsed was most of its memory (issue 25).
 */
export async function readEnglandLayerNear(
  dataDir: string,
  source: BoundarySource,
  box: readonly [number, number, number, number],
): Promise<BoundaryLayer> {
  return readBoundaries(dataDir, source, (f) => mayReach(f.geometry, box));
}

/** Rounding (reproject.ts, 6 dp) moves a vertex by at most 5e-7°: kept with room to spare. */
const MARGIN_DEG = 1e-5;

/**
 * False only when every vertex is known to lie outside `box`; an unexpected shape, or coordinates
 * that are not lon/lat (a BNG file), is kept, so it is checked (and any problem reported) as before.
 */
function mayReach(g: Geometry | null, box: readonly [number, number, number, number]): boolean {
  if (g === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return true;
  const [w, s, e, n] = [box[0] - MARGIN_DEG, box[1] - MARGIN_DEG, box[2] + MARGIN_DEG, box[3] + MARGIN_DEG];
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  let vertices = 0;
  const polygons: unknown[] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const rings of polygons) {
    if (!Array.isArray(rings)) return true;
    for (const ring of rings) {
      if (!Array.isArray(ring)) return true;
      for (const p of ring) {
        const [x, y] = Array.isArray(p) ? p : [];
        if (typeof x !== 'number' || typeof y !== 'number' || Math.abs(x) > 180 || Math.abs(y) > 90) return true;
        vertices++;
        if (x < minX) minX = x;
        if (x > maxX) maxX = x;
        if (y < minY) minY = y;
        if (y > maxY) maxY = y;
      }
    }
  }
  return vertices === 0 || !(maxX < w || minX > e || maxY < s || minY > n);
}

/** The district's features (by each feature's own current district code) and the codes of the rest. */
export function districtFeatures(layer: BoundaryLayer, area: string): { layer: BoundaryLayer; dropped: string[] } {
  const features: AreaFeature[] = [];
  const dropped: string[] = [];
  for (const f of layer.features) {
    if (f.lad === area) features.push(f);
    else dropped.push(f.code);
  }
  return { layer: { file: layer.file, features }, dropped };
}
