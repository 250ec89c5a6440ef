/**
 * The figures of an area set (area-set.ts): one function for wards, neighbourhoods, catchments,
 * custom areas and the pipeline's baked ward summaries (scripts/pipeline/wards.ts imports it).
 * O(members): the caller passes a table by code built once per data load, and, for venues, an
 * index of venues by the LSOA they stand in (venuesByLsoa). Pure.
 */
import { flagKey, valueKey, type ReleaseId } from '../data/contract';
import type { AreaSet } from './area-set';
import { lsoaPeople, peopleTotals, type LsoaPeople, type PeopleTotals } from './people';
import { isFiniteNumber, median } from '../data/numeric';

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

const finite = isFiniteNumber;
const isDecile = (d: unknown): d is Decile => finite(d) && Number.isInteger(d) && d >= 1 && d <= 10;

export function emptyDecileCounts(): DecileCounts {
  return { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 10: 0 };
}

function countDecile(counts: { byDecile: DecileCounts; unknown: number }, d: number | null): void {
  if (isDecile(d)) counts.byDecile[d]++;
  else counts.unknown++;
}

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

/** The figures of an area set in a release. */
export function profile(
  set: AreaSet,
  table: LsoaTable,
  release: ReleaseId,
  venuesByLsoa?: ReadonlyMap<string, readonly VenueRef[]>,
): AreaProfile {
  const byDecile = emptyDecileCounts();
  const idaci = { byDecile: emptyDecileCounts(), unknown: 0 };
  const idaopi = { byDecile: emptyDecileCounts(), unknown: 0 };
  const change19to25: ChangeCounts = { moreDeprived: 0, same: 0, lessDeprived: 0, notComparable: 0 };
  const notInTable: string[] = [];
  const ranks: number[] = [];
  const people: (LsoaPeople | null)[] = [];
  const venues: VenueRef[] = [];
  const population2015 = { sum: 0, unknown: 0 };
  const [dKey, rKey, p1Key, p10Key] = [
    valueKey(release, 'imd', 'd'),
    valueKey(release, 'imd', 'r'),
    flagKey(release, 1),
    flagKey(release, 10),
  ];
  let decileUnknown = 0;
  let in1pc = 0;
  let in10pc = 0;
  let peopleIn10pc = 0;
  for (const code of set.lsoaCodes) {
    const p = table.get(code);
    if (!p) {
      notInTable.push(code);
      continue;
    }
    const d = p[dKey];
    if (isDecile(d)) byDecile[d]++;
    else decileUnknown++;
    const r = p[rKey];
    if (finite(r)) ranks.push(r);
    if (p[p1Key] === 1) in1pc++;
    const lp = lsoaPeople(p);
    people.push(lp);
    if (p[p10Key] === 1) {
      in10pc++;
      peopleIn10pc += lp?.population ?? 0;
    }
    countDecile(idaci, lp?.idaciDecile ?? null);
    countDecile(idaopi, lp?.idaopiDecile ?? null);
    const pop = p['pop'];
    if (finite(pop)) population2015.sum += pop;
    else population2015.unknown++;
    const chg = p['dchg_19_25'];
    if (p['chg'] !== 'U' || !finite(chg)) change19to25.notComparable++;
    else if (chg < 0) change19to25.moreDeprived++;
    else if (chg > 0) change19to25.lessDeprived++;
    else change19to25.same++;
    for (const v of venuesByLsoa?.get(code) ?? []) venues.push(v);
  }
  const lsoas = set.lsoaCodes.length - notInTable.length;
  ranks.sort((a, b) => a - b);
  venues.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return {
    release,
    lsoas,
    notInTable,
    byDecile,
    decileUnknown,
    decile1: byDecile[1],
    decile1Share: lsoas > 0 ? Math.round((byDecile[1] / lsoas) * 1000) / 1000 : null,
    in1pc,
    in10pc,
    medianRank: median(ranks),
    people: peopleTotals(people),
    peopleIn10pc,
    population2015,
    idaci,
    idaopi,
    change19to25,
    venues,
  };
}
