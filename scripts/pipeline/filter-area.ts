import type { BoundaryLayer } from './boundaries';
import type { Lookups } from './lookups';

export interface AreaSets {
  lsoa21: Set<string>;
  lsoa11: Set<string>;
  wards: Set<string>;
  /** Area name from the lookup (e.g. "Leeds"). */
  name: string;
}

/**
 * The area's membership comes from the England-wide lookups, never from the boundary files, so a
 * boundary file may cover more (neighbouring districts) or — caught by validation — less.
 */
export function areaSets(lookups: Lookups, area: string): AreaSets {
  const lsoa21 = new Set<string>();
  const wards = new Set<string>();
  let name = '';
  for (const [code, g] of lookups.lsoa21) {
    if (g.lad !== area) continue;
    lsoa21.add(code);
    wards.add(g.ward);
    name = g.ladName;
  }
  // LSOA 2011 belongs to the area when a 2021 successor does (LAD codes have changed since 2011,
  // the successor's 2024 LAD is current); the lookup's LAD 2022 column covers the rest.
  const lsoa11 = new Set<string>();
  for (const [code11, links] of lookups.by11) {
    if (links.some((l) => lsoa21.has(l.code21)) || lookups.lad11.get(code11) === area) lsoa11.add(code11);
  }
  return { lsoa21, lsoa11, wards, name };
}

export interface FilterResult {
  layer: BoundaryLayer;
  dropped: string[];
}

export function filterToArea(layer: BoundaryLayer, keep: Set<string>): FilterResult {
  const dropped: string[] = [];
  const features = layer.features.filter((f) => {
    if (keep.has(f.code)) return true;
    dropped.push(f.code);
    return false;
  });
  return { layer: { file: layer.file, features }, dropped };
}
