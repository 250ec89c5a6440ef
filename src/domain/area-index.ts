import { geometryBBox, type BBox } from './geometry';
import {
  byGeography,
  LSOA_GEOGRAPHY_IDS,
  WARD_GEOGRAPHY_IDS,
  type LsoaGeographyId,
  type WardGeographyId,
} from '../data/geographies';
import type { LoadedAreas, LsoaFeature, WardFeature } from '../data/load';

export type { BBox };

/**
 * Lookups by code over the loaded areas, one per geography of the table (src/data/geographies.ts), keyed
 * by its id (`index.lsoa21`, `index.wards`, …); a level not loaded yet has an empty map.
 */
export type AreaIndex = Record<LsoaGeographyId, Map<string, LsoaFeature>> &
  Record<WardGeographyId, Map<string, WardFeature>> & {
    /** Per LSOA level: ward code → its LSOA codes, sorted. */
    lsoasByWard: Record<LsoaGeographyId, Map<string, string[]>>;
  };

function groupByWard(features: readonly LsoaFeature[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of features) {
    const list = out.get(f.properties.ward) ?? [];
    list.push(f.properties.code);
    out.set(f.properties.ward, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}

function byCode<F extends LsoaFeature | WardFeature>(features: readonly F[] | undefined): Map<string, F> {
  return new Map((features ?? []).map((f) => [f.properties.code, f]));
}

export function buildAreaIndex(areas: LoadedAreas): AreaIndex {
  return {
    ...byGeography(LSOA_GEOGRAPHY_IDS, (id) => byCode(areas[id]?.features)),
    ...byGeography(WARD_GEOGRAPHY_IDS, (id) => byCode(areas[id]?.features)),
    lsoasByWard: byGeography(LSOA_GEOGRAPHY_IDS, (id) => groupByWard(areas[id]?.features ?? [])),
  };
}

export function featureBBox(f: LsoaFeature | WardFeature): BBox {
  return geometryBBox(f.geometry);
}
