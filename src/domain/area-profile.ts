/**
 * The figures of an area set (area-set.ts): one function for wards, neighbourhoods, catchments,
 * custom areas and the pipeline's baked ward summaries (scripts/pipeline/wards.ts imports it).
 * O(members): the caller passes a table by code built once per data load, and, for venues, an
 * index of venues by the LSOA they stand in (venuesByLsoa). Pure.
 */
import type { ReleaseId } from '../data/contract';
import type { AreaSet } from './area-set';
import type { PeopleTotals } from './people';
import { emptyDecileCounts, profileSums } from './area-profile-sums';

export type Decile = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10;
export const DECILES: readonly Decile[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
export type DecileCounts = Record<Decile, number>;

/** LSOA properties by code (LsoaProperties, or the pipeline's joined values). */
export type LsoaTable = ReadonlyMap<string, Readonly<Record<string, unknown>>>;

export interface VenueRef {
  id: string;
  name: string;
  type: string;
}

export interface ChangeCounts {
  /** Moved towards decile 1 (IMD national decile, 2019 → 2025). */
  moreDeprived: number;
  same: number;
  lessDeprived: number;
  /** Boundary changed in 2021, so no comparable 2019 figure. */
  notComparable: number;
}

export interface AreaProfile {
  release: ReleaseId;
  /** Members found in the table. */
  lsoas: number;
  /** Member codes the table does not have (e.g. a 2021 code under a 2011-based release), sorted. */
  notInTable: string[];
  /** IMD national decile counts in the release. */
  byDecile: DecileCounts;
  decileUnknown: number;
  /** = byDecile[1]: LSOAs in the national most deprived 10% by decile. */
  decile1: number;
  /** decile1 / lsoas, 3 dp (as the baked ward summaries); null for an empty set. */
  decile1Share: number | null;
  /** LSOAs flagged in the national most deprived 1% / 10% of the release. */
  in1pc: number;
  in10pc: number;
  /** Median national IMD rank (mean of the middle two for an even count); null when none has a rank. */
  medianRank: number | null;
  /** Mid-2022 people (IoD 2025 File 7), whole LSOAs. */
  people: PeopleTotals;
  /** Mid-2022 people living in member LSOAs flagged in the national most deprived 10% of the release. */
  peopleIn10pc: number;
  /** Mid-2015 population (IoD 2019 denominators), LSOAs where known; `unknown` = members without it. */
  population2015: { sum: number; unknown: number };
  /** IDACI and IDAOPI national decile counts (IoD 2025, LSOA 2021), from the people figures. */
  idaci: { byDecile: DecileCounts; unknown: number };
  idaopi: { byDecile: DecileCounts; unknown: number };
  /** IMD decile change 2019 → 2025 for LSOAs whose boundary did not change. */
  change19to25: ChangeCounts;
  /** Venues and interventions inside (in a member LSOA), when an index is given; sorted by name. */
  venues: VenueRef[];
  // The IoD summary measures (average score, extent, local concentration) are not here: they need the
  // national LSOA count and the build's people weights, and come from src/domain/iod-measures.ts through
  // areaMeasureRows (src/domain/standing.ts) for wards and custom areas alike.
}

export { emptyDecileCounts };

/** A table by code from features (built once per data load, not per edit). */
export function lsoaTable(
  features: readonly { properties: Readonly<Record<string, unknown>> & { code: string } }[],
): LsoaTable {
  return new Map(features.map((f) => [f.properties.code, f.properties]));
}

/** A table by code from property objects (those without a string `code` are left out). */
export function propsTable(list: readonly Readonly<Record<string, unknown>>[]): LsoaTable {
  const out = new Map<string, Readonly<Record<string, unknown>>>();
  for (const p of list) if (typeof p['code'] === 'string') out.set(p['code'], p);
  return out;
}

/**
 * The figures of an area set in a release: every member's part added up, in code order
 * (area-profile-sums.ts, which also gives the same figures edit by edit).
 */
export function profile(
  set: AreaSet,
  table: LsoaTable,
  release: ReleaseId,
  venuesByLsoa?: ReadonlyMap<string, readonly VenueRef[]>,
): AreaProfile {
  const sums = profileSums(table, release, venuesByLsoa);
  for (const code of set.lsoaCodes) sums.step(code, 1);
  return sums.result();
}
