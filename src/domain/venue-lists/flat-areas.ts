/**
 * The council's LSOA boundaries as a few typed arrays, to hand to the venue-list worker: a
 * structured clone of the features themselves (tens of thousands of small coordinate arrays) took
 * 40–100 ms on the main thread on this 2-core machine, while these arrays are copied in one piece.
 * `unflattenAreas(flattenAreas(f))` gives back the same codes and coordinates (as MultiPolygons).
 */
import type { Position } from 'geojson';
import type { AreaFeature } from './inside';

export interface FlatAreas {
  codes: string[];
  /** x, y, x, y, … of every ring of every polygon of every area, in order. */
  coords: Float64Array;
  /** Where each ring starts in `coords` (in points), with the end as the last entry. */
  rings: Uint32Array;
  /** Where each polygon starts in `rings`, with the end as the last entry. */
  polygons: Uint32Array;
  /** Where each area starts in `polygons`, with the end as the last entry. */
  areas: Uint32Array;
}

export function flattenAreas(features: readonly AreaFeature[]): FlatAreas {
  const coords: number[] = [];
  const rings: number[] = [];
  const polygons: number[] = [];
  const areas: number[] = [];
  for (const f of features) {
    areas.push(polygons.length);
    const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const poly of polys) {
      polygons.push(rings.length);
      for (const ring of poly) {
        rings.push(coords.length / 2);
        for (const p of ring) coords.push(p[0] ?? Number.NaN, p[1] ?? Number.NaN);
      }
    }
  }
  areas.push(polygons.length);
  polygons.push(rings.length);
  rings.push(coords.length / 2);
  return {
    codes: features.map((f) => f.properties.code),
    coords: Float64Array.from(coords),
    rings: Uint32Array.from(rings),
    polygons: Uint32Array.from(polygons),
    areas: Uint32Array.from(areas),
  };
}

const at = (a: Uint32Array, i: number): number => a[i] ?? 0;

export function unflattenAreas(flat: FlatAreas): AreaFeature[] {
  return flat.codes.map((code, a): AreaFeature => {
    const polys: Position[][][] = [];
    for (let p = at(flat.areas, a); p < at(flat.areas, a + 1); p++) {
      const poly: Position[][] = [];
      for (let r = at(flat.polygons, p); r < at(flat.polygons, p + 1); r++) {
        const ring: Position[] = [];
        for (let i = at(flat.rings, r); i < at(flat.rings, r + 1); i++)
          ring.push([flat.coords[2 * i] ?? Number.NaN, flat.coords[2 * i + 1] ?? Number.NaN]);
        poly.push(ring);
      }
      polys.push(poly);
    }
    return { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: polys }, properties: { code } };
  });
}
