import { gzipSync } from 'node:zlib';
import type { Topology } from 'topojson-specification';
import { finishTopology, presimplifiedTopology, type AreaGeoFeature } from './write-topojson';
import { stableStringify } from './write-outputs';

/** Leeds' bbox area per LSOA 2021 (deg²): the density SIMPLIFY_MIN_WEIGHT was chosen for. */
export const REFERENCE_BBOX_AREA_PER_LSOA = 2.58e-4;
/** Never simplify more than this multiple of the base weight; past it the budget check reports the overrun. */
export const MAX_WEIGHT_FACTOR = 256;

/**
 * The simplification weight for an area, relative to its bbox: where LSOAs are larger than Leeds'
 * (rural districts), the map shows them at a lower zoom, so proportionally coarser outlines look the
 * same on screen. Never finer than the base weight (dense cities keep Leeds' detail).
 */
export function areaMinWeight(
  baseWeight: number,
  bbox: readonly [number, number, number, number],
  lsoaCount: number,
): number {
  const perLsoa = ((bbox[2] - bbox[0]) * (bbox[3] - bbox[1])) / Math.max(1, lsoaCount);
  return baseWeight * Math.max(1, perLsoa / REFERENCE_BBOX_AREA_PER_LSOA);
}

export interface FittedTopology {
  topology: Topology;
  /** The weight used: the area's weight, doubled until the first view fits its gzip budget. */
  minWeight: number;
  /** Smallest-part area kept (deg²), when islands had to be dropped to fit; 0 when none were. */
  minPartArea: number;
  /** Grid steps across the area's bbox actually used. */
  quantization: number;
}

/** Areas (deg², planar) under which a detached polygon part may be dropped, tried in turn (≈ 0.7 ha, 7 ha). */
export const PART_AREA_STEPS = [1e-6, 1e-5] as const;

function ringArea(ring: number[][]): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    a += ((ring[j]?.[0] ?? 0) + (ring[i]?.[0] ?? 0)) * ((ring[j]?.[1] ?? 0) - (ring[i]?.[1] ?? 0));
  return Math.abs(a / 2);
}

/**
 * Drops detached parts (islands, saltmarsh) smaller than minArea from multi-part features, always
 * keeping each feature's largest part. A ring shared by an LSOA and its ward has the same area in
 * both, so both drop it and the layers still tile. Every arc keeps its two end points whatever the
 * simplification weight, so hundreds of tiny islands cost bytes no simplification can remove.
 */
export function withoutSmallParts(features: AreaGeoFeature[], minArea: number): AreaGeoFeature[] {
  return features.map((f) => {
    if (f.geometry.type !== 'MultiPolygon') return f;
    const parts = f.geometry.coordinates;
    const areas = parts.map((p) => ringArea(p[0] ?? []));
    const largest = areas.indexOf(Math.max(...areas));
    const kept = parts.filter((_, i) => i === largest || (areas[i] ?? 0) >= minArea);
    return kept.length === parts.length ? f : { ...f, geometry: { type: 'MultiPolygon', coordinates: kept } };
  });
}

/**
 * Builds the first-view topology, doubling the simplification weight while it is over the gzip
 * budget (long coastlines such as Cornwall's carry far more vertices per LSOA than a city), up to
 * MAX_WEIGHT_FACTOR × the starting weight. The caller's budget check still fails an area that cannot fit.
 */
export function fitTopology(
  objects: Record<string, AreaGeoFeature[]>,
  startWeight: number,
  quantization: number,
  gzipLimit: number,
): FittedTopology {
  const fit = (
    objs: Record<string, AreaGeoFeature[]>,
    minPartArea: number,
    q: number,
  ): FittedTopology & { fits: boolean } => {
    const pre = presimplifiedTopology(objs);
    let minWeight = startWeight;
    for (;;) {
      const topology = finishTopology(pre, minWeight, q);
      const fits = gzipSync(Buffer.from(stableStringify(topology), 'utf8'), { level: 9 }).byteLength <= gzipLimit;
      if (fits || minWeight >= startWeight * MAX_WEIGHT_FACTOR)
        return { topology, minWeight, minPartArea, quantization: q, fits };
      minWeight *= 2;
    }
  };
  // Coarser steps in turn: a coarser grid (May 2025 wards cut across LSOAs, so many short arcs whose end
  // points no simplification removes), then without the smallest detached parts.
  const coarse = Math.round(quantization / 3);
  let result = fit(objects, 0, quantization);
  if (!result.fits) result = fit(objects, 0, coarse);
  for (const minArea of PART_AREA_STEPS) {
    if (result.fits) break;
    const pruned = Object.fromEntries(
      Object.entries(objects).map(([name, fs]) => [name, withoutSmallParts(fs, minArea)]),
    );
    result = fit(pruned, minArea, coarse);
  }
  return {
    topology: result.topology,
    minWeight: result.minWeight,
    minPartArea: result.minPartArea,
    quantization: result.quantization,
  };
}
