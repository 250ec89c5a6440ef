import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { AreaFeature } from './boundaries';
import { bboxOf } from './postcodes';

export interface WardAssignment {
  /** LSOA 2021 code → ward code. */
  ward: Map<string, string>;
  /**
   * LSOAs whose centroid lies in no ward polygon (generalised coastlines can leave a centroid just
   * offshore): assigned to the nearest ward instead, listed so metadata can say how many.
   */
  nearest: string[];
  /** LSOAs without a population-weighted centroid (not assigned). */
  withoutCentroid: string[];
}

/**
 * The ONS best-fit method: an LSOA belongs to the ward that contains its population-weighted
 * centroid. Used where no LSOA → ward lookup covers the ward vintage (May 2025 wards).
 * Wards are tried in code order, so a centroid exactly on a shared border goes to the lower code.
 */
export function assignWardsByCentroid(
  lsoaCodes: readonly string[],
  centroids: ReadonlyMap<string, [number, number]>,
  wards: readonly AreaFeature[],
): WardAssignment {
  const sorted = [...wards].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const boxes = sorted.map((w) => bboxOf(w.geometry));
  const out: WardAssignment = { ward: new Map(), nearest: [], withoutCentroid: [] };
  for (const code of lsoaCodes) {
    const c = centroids.get(code);
    if (!c) {
      out.withoutCentroid.push(code);
      continue;
    }
    const [x, y] = c;
    const inside = sorted.find((w, i) => {
      const b = boxes[i];
      return !!b && x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3] && booleanPointInPolygon(c, w.geometry);
    });
    if (inside) {
      out.ward.set(code, inside.code);
      continue;
    }
    let best: { code: string; d: number } | undefined;
    for (const w of sorted) {
      const d = pointToPolygonDistance(c, w.geometry);
      if (!best || d < best.d) best = { code: w.code, d };
    }
    if (best) {
      out.ward.set(code, best.code);
      out.nearest.push(code);
    }
  }
  return out;
}
