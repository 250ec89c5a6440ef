import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { AreaFeature, BoundaryLayer } from './boundaries';
import type { PostcodeDirectory } from './postcode-directory';
import { cachedSource } from './source-cache';

export type Bbox = [number, number, number, number];

/** Outer-ring bounding box, for a cheap test before point-in-polygon. */
export function bboxOf(g: Polygon | MultiPolygon): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  for (const poly of polys) {
    for (const [x = NaN, y = NaN] of poly[0] ?? []) {
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    }
  }
  return b;
}

/** Grid cell of the LSOA index (degrees): ~3.5 km × 5.5 km, a handful of LSOAs per cell. */
const CELL_DEG = 0.05;
const cellOf = (x: number, y: number): number =>
  Math.floor((x + 10) / CELL_DEG) * 10_000 + Math.floor((y - 45) / CELL_DEG);

/**
 * Where each postcode of the directory lies: the LSOA 2021 (unsimplified boundary) containing its
 * centre point, found once per postcode and kept for the process, so build:sites places each of
 * the 2.4 M postcodes at most once whichever councils it is near.
 */
export interface PostcodePlacement {
  layer: BoundaryLayer;
  /** Index into layer.features of the LSOA containing postcode i, or -1 when it lies in none. */
  lsoaOf(i: number): number;
}

/** Kept for the process under `cacheKey` (a whole directory's placement); null: this directory's only. */
export function postcodePlacement(
  cacheKey: string | null,
  dir: PostcodeDirectory,
  layer: BoundaryLayer,
): PostcodePlacement {
  return cacheKey === null
    ? buildPlacement(dir, layer)
    : cachedSource(`postcode-placement:${cacheKey}:${layer.file}`, () => buildPlacement(dir, layer));
}

function buildPlacement(dir: PostcodeDirectory, layer: BoundaryLayer): PostcodePlacement {
  const boxes = layer.features.map((f) => bboxOf(f.geometry));
  // Each cell lists the LSOAs whose box touches it, in code order: on an exact shared border the
  // first LSOA by code wins, which keeps the output reproducible.
  const order = layer.features
    .map((_, i) => i)
    .sort((a, b) => ((layer.features[a]?.code ?? '') < (layer.features[b]?.code ?? '') ? -1 : 1));
  const grid = new Map<number, number[]>();
  for (const i of order) {
    const [w, s, e, n] = boxes[i] ?? [0, 0, -1, -1];
    for (let x = w; x <= e + CELL_DEG; x += CELL_DEG) {
      for (let y = s; y <= n + CELL_DEG; y += CELL_DEG) {
        const c = cellOf(Math.min(x, e), Math.min(y, n));
        const list = grid.get(c) ?? [];
        if (list[list.length - 1] !== i) list.push(i);
        grid.set(c, list);
      }
    }
  }
  const memo = new Int32Array(dir.keys.length).fill(-2);
  return {
    layer,
    lsoaOf(i: number): number {
      const known = memo[i] ?? -1;
      if (known !== -2) return known;
      const x = dir.lon[i] ?? NaN;
      const y = dir.lat[i] ?? NaN;
      let found = -1;
      for (const f of grid.get(cellOf(x, y)) ?? []) {
        const b = boxes[f];
        const feature: AreaFeature | undefined = layer.features[f];
        if (!b || !feature || x < b[0] || x > b[2] || y < b[1] || y > b[3]) continue;
        if (booleanPointInPolygon([x, y], feature.geometry)) {
          found = f;
          break;
        }
      }
      memo[i] = found;
      return found;
    },
  };
}

const KM_PER_DEG_LAT = 110.574;

/**
 * Distance (km, local flat projection: under 0.5% error over a council) from a point to the nearest
 * boundary segment of a set of polygons, up to `maxKm`; Infinity beyond it. For a point outside the
 * polygons that is its distance to them.
 */
export function boundaryDistance(
  features: readonly AreaFeature[],
  maxKm: number,
): (lon: number, lat: number) => number {
  const boxes = features.map((f) => bboxOf(f.geometry));
  const midLat = boxes.length > 0 ? (Math.min(...boxes.map((b) => b[1])) + Math.max(...boxes.map((b) => b[3]))) / 2 : 0;
  const kx = KM_PER_DEG_LAT * 1.00675 * Math.cos((midLat * Math.PI) / 180);
  const segments: number[] = [];
  const grid = new Map<number, number[]>();
  const cell = (x: number, y: number): number => Math.floor(x / maxKm) * 100_000 + Math.floor(y / maxKm);
  for (const f of features) {
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const ring of polys.flat()) {
      for (let k = 1; k < ring.length; k++) {
        const [x1 = 0, y1 = 0] = ring[k - 1] ?? [];
        const [x2 = 0, y2 = 0] = ring[k] ?? [];
        const s = segments.length / 4;
        segments.push(x1 * kx, y1 * KM_PER_DEG_LAT, x2 * kx, y2 * KM_PER_DEG_LAT);
        const [ax, ay, bx, by] = [x1 * kx, y1 * KM_PER_DEG_LAT, x2 * kx, y2 * KM_PER_DEG_LAT];
        for (let cx = Math.floor(Math.min(ax, bx) / maxKm); cx <= Math.floor(Math.max(ax, bx) / maxKm); cx++) {
          for (let cy = Math.floor(Math.min(ay, by) / maxKm); cy <= Math.floor(Math.max(ay, by) / maxKm); cy++) {
            const c = cx * 100_000 + cy;
            const list = grid.get(c) ?? [];
            list.push(s);
            grid.set(c, list);
          }
        }
      }
    }
  }
  return (lon, lat) => {
    const px = lon * kx;
    const py = lat * KM_PER_DEG_LAT;
    const home = cell(px, py);
    let best = Infinity;
    for (const dx of [-1, 0, 1]) {
      for (const dy of [-1, 0, 1]) {
        for (const s of grid.get(home + dx * 100_000 + dy) ?? []) {
          const ax = segments[4 * s] ?? 0;
          const ay = segments[4 * s + 1] ?? 0;
          const vx = (segments[4 * s + 2] ?? 0) - ax;
          const vy = (segments[4 * s + 3] ?? 0) - ay;
          const len2 = vx * vx + vy * vy;
          const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / len2)) : 0;
          const d = Math.hypot(px - ax - t * vx, py - ay - t * vy);
          if (d < best) best = d;
        }
      }
    }
    return best <= maxKm ? best : Infinity;
  };
}
