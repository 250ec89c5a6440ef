import { geometryBBox, type BBox } from './geometry';
import type { LsoaCollection, LsoaFeature, WardCollection, WardFeature } from '../data/load';

export type { BBox };

/** Lookups by code over the loaded areas, built once after loading. */
export interface AreaIndex {
  lsoa21: Map<string, LsoaFeature>;
  lsoa11: Map<string, LsoaFeature>;
  wards: Map<string, WardFeature>;
  /** Ward code → its LSOA 2021 codes, sorted. */
  lsoa21ByWard: Map<string, string[]>;
  lsoa11ByWard: Map<string, string[]>;
}

function groupByWard(features: LsoaFeature[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of features) {
    const list = out.get(f.properties.ward) ?? [];
    list.push(f.properties.code);
    out.set(f.properties.ward, list);
  }
  for (const list of out.values()) list.sort();
  return out;
}

export function buildAreaIndex(lsoa21: LsoaCollection, wards: WardCollection, lsoa11?: LsoaCollection): AreaIndex {
  return {
    lsoa21: new Map(lsoa21.features.map((f) => [f.properties.code, f])),
    lsoa11: new Map((lsoa11?.features ?? []).map((f) => [f.properties.code, f])),
    wards: new Map(wards.features.map((f) => [f.properties.code, f])),
    lsoa21ByWard: groupByWard(lsoa21.features),
    lsoa11ByWard: groupByWard(lsoa11?.features ?? []),
  };
}

export function withLsoa11(index: AreaIndex, lsoa11: LsoaCollection): AreaIndex {
  return {
    ...index,
    lsoa11: new Map(lsoa11.features.map((f) => [f.properties.code, f])),
    lsoa11ByWard: groupByWard(lsoa11.features),
  };
}

export function featureBBox(f: LsoaFeature | WardFeature): BBox {
  return geometryBBox(f.geometry);
}
