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
export function areaMinWeight(baseWeight: number, bbox: readonly [number, number, number, number], lsoaCount: number): number {
  const perLsoa = ((bbox[2] - bbox[0]) * (bbox[3] - bbox[1])) / Math.max(1, lsoaCount);
  return baseWeight * Math.max(1, perLsoa / REFERENCE_BBOX_AREA_PER_LSOA);
}

export interface FittedTopology {
  topology: Topology;
  /** The weight used: the area's weight, doubled until the first view fits its gzip budget. */
  minWeight: number;
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
  const pre = presimplifiedTopology(objects);
  let minWeight = startWeight;
  for (;;) {
    const topology = finishTopology(pre, minWeight, quantization);
    const size = gzipSync(Buffer.from(stableStringify(topology), 'utf8'), { level: 9 }).byteLength;
    if (size <= gzipLimit || minWeight >= startWeight * MAX_WEIGHT_FACTOR) return { topology, minWeight };
    minWeight *= 2;
  }
}
