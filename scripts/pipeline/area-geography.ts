import { pointOnFeature } from '@turf/turf';
import type { AreaFeature } from './boundaries';
import { readBoundaries } from './boundaries';
import type { ResolvedConfig } from './config';
import { PipelineError } from './errors';
import { areaSets, filterToArea, type AreaSets, type FilterResult } from './filter-area';
import type { Lookups } from './lookups';
import { districtFeatures, readEnglandLayer } from './sources/england';
import { cachedSource } from './source-cache';
import { assignWardsByCentroid } from './ward-assignment';
import { readWard25Lookup, wardDistrictFromLookup, wardsFromLookup } from './ward-lookup';

/** How the area's LSOAs 2021 were put in wards (said in metadata, so About can say it). */
export interface WardMethod {
  vintage: string;
  method: 'lookup' | 'centroid';
  /** LSOAs whose centroid fell in no ward (coast): assigned to the nearest ward. */
  nearest: string[];
  /** The lookup file, when method is 'lookup'. */
  lookupFile?: string;
  /**
   * England-wide builds: how many of the area's LSOAs the best-fit lookup puts in another ward than
   * the population-weighted-centroid rule used before it (said in the build report and metadata).
   */
  movedFromCentroid?: string[];
  /** Wards of the area that receive no LSOA 2021 (normal for best-fit): drawn, with no figures. */
  withoutLsoa?: string[];
}

export interface AreaGeography {
  sets: AreaSets;
  f21: FilterResult;
  f11: FilterResult;
  fw: FilterResult;
  /** LSOA 2021 code → ward code (for Leeds: the whole England lookup, as before). */
  ward21: ReadonlyMap<string, string>;
  /**
   * LSOA 2011 → ward for those whose 2021 successors all lie outside the district (Barnsley and
   * Sheffield swapped LSOAs in 2021): the ward holding a point inside the LSOA 2011 itself.
   */
  ward11ByLocation: ReadonlyMap<string, string>;
  wardMethod: WardMethod;
  /**
   * Whether an IoD row also belongs to the area by the IoD file's own LAD column. Only for the Leeds
   * sources (as before); England-wide builds use boundary-file membership alone, because one LSOA's
   * district differs between the IoD 2025 file and the boundaries (E01027305, see the data README).
   */
  iodLadColumn: boolean;
}

/**
 * Leeds: membership from the ONS LSOA → ward Dec 2024 lookup, boundaries from the Leeds files.
 * Any other district: membership from each feature's current district code in the England-wide
 * boundary files, wards (May 2025) by the ONS best-fit lookup (the centroid rule is still computed,
 * to say how many LSOAs the lookup moved).
 */
export async function readAreaGeography(
  cfg: ResolvedConfig,
  lookups: Lookups,
  areaName: string,
): Promise<AreaGeography> {
  const { dataDir, sources, area } = cfg;
  if (sources.lsoa21.ladField === undefined) {
    const sets = areaSets(lookups, area);
    if (sets.lsoa21.size === 0) {
      throw new PipelineError({
        file: sources.lsoa21Ward,
        field: 'ltla24_code',
        message: `no LSOA 2021 belongs to area ${area}`,
      });
    }
    const ward21 = new Map<string, string>();
    for (const [code, g] of lookups.lsoa21) ward21.set(code, g.ward);
    return {
      sets,
      f21: filterToArea(await readBoundaries(dataDir, sources.lsoa21), sets.lsoa21),
      f11: filterToArea(await readBoundaries(dataDir, sources.lsoa11), sets.lsoa11),
      fw: filterToArea(await readBoundaries(dataDir, sources.wards), sets.wards),
      ward21,
      ward11ByLocation: new Map(),
      wardMethod: { vintage: 'December 2024', method: 'lookup', nearest: [] },
      iodLadColumn: true,
    };
  }
  const f21 = districtFeatures(await readEnglandLayer(dataDir, sources.lsoa21), area);
  const f11 = districtFeatures(await readEnglandLayer(dataDir, sources.lsoa11), area);
  const allWards = await readEnglandLayer(dataDir, sources.wards);
  const codes = (fs: AreaFeature[]): Set<string> => new Set(fs.map((f) => f.code));
  if (f21.layer.features.length === 0) {
    throw new PipelineError({
      file: sources.lsoa21.path,
      field: sources.lsoa21.ladField,
      message: `no LSOA 2021 belongs to area ${area}`,
    });
  }
  const lsoaCodes = [...codes(f21.layer.features)];
  const lookupFile = sources.lsoa21Ward25;
  const lookup = lookupFile
    ? cachedSource(`ward25:${dataDir}:${lookupFile}`, () => readWard25Lookup(dataDir, lookupFile))
    : undefined;
  const wardLad =
    lookup && lookupFile
      ? wardDistrictFromLookup(lookup, lsoaCodes, lookupFile)
      : wardDistrictCode(area, f21.layer.features, lookups.centroids, allWards.features);
  const fw = districtFeatures(allWards, wardLad);
  const wardCodes = codes(fw.layer.features);
  const byCentroid = assignWardsByCentroid(lsoaCodes, lookups.centroids, fw.layer.features);
  const ward21 = lookup && lookupFile ? wardsFromLookup(lookup, lsoaCodes, wardCodes, lookupFile) : byCentroid.ward;
  const orphans = f11.layer.features.filter((f) => !(lookups.by11.get(f.code) ?? []).some((l) => ward21.has(l.code21)));
  const inside = new Map(
    orphans.map((f) => [f.code, pointOnFeature(f.geometry).geometry.coordinates as [number, number]]),
  );
  const byLocation = assignWardsByCentroid([...inside.keys()], inside, fw.layer.features);
  const used = new Set(ward21.values());
  const wardMethod: WardMethod = lookupFile
    ? {
        vintage: 'May 2025',
        method: 'lookup',
        nearest: [],
        lookupFile,
        movedFromCentroid: lsoaCodes.filter((c) => byCentroid.ward.get(c) !== ward21.get(c)),
        withoutLsoa: [...wardCodes].filter((w) => !used.has(w)).sort(),
      }
    : {
        vintage: 'May 2025',
        method: 'centroid',
        nearest: byCentroid.nearest,
        withoutLsoa: [...wardCodes].filter((w) => !used.has(w)).sort(),
      };
  return {
    sets: { lsoa21: codes(f21.layer.features), lsoa11: codes(f11.layer.features), wards: wardCodes, name: areaName },
    f21,
    f11,
    fw,
    ward21,
    ward11ByLocation: byLocation.ward,
    wardMethod,
    iodLadColumn: false,
  };
}

/**
 * The district code the May 2025 ward file uses for the area. Usually the area's own code; where ONS
 * recoded a district after a boundary change (Barnsley E08000016 → E08000038, Sheffield E08000019 →
 * E08000039 in the ward file, while the LSOA files and the district list keep the old codes), the code
 * of the wards holding most of the area's LSOA population-weighted centroids.
 */
export function wardDistrictCode(
  area: string,
  lsoas: readonly AreaFeature[],
  centroids: ReadonlyMap<string, [number, number]>,
  wards: readonly AreaFeature[],
): string {
  if (wards.some((w) => w.lad === area)) return area;
  const assigned = assignWardsByCentroid(
    lsoas.map((f) => f.code),
    centroids,
    wards,
  );
  const ladOf = new Map(wards.map((w) => [w.code, w.lad ?? '']));
  const counts = new Map<string, number>();
  for (const [code, ward] of assigned.ward)
    if (!assigned.nearest.includes(code))
      counts.set(ladOf.get(ward) ?? '', (counts.get(ladOf.get(ward) ?? '') ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return best?.[0] || area;
}
