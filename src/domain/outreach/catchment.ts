/**
 * Catchment analysis for Core Teams: which LSOAs lie within a chosen distance of a hub, a venue
 * or any clicked point.
 *
 * Pure functions (no DOM, no fetch): the app passes in the LSOA 2021 features it has loaded.
 *
 * Distances are STRAIGHT-LINE distances: the great-circle distance between two points on a sphere
 * (turf `distance`, haversine, mean Earth radius 6,371,008.8 m). They are not walking or road
 * distances, and the UI must label them "straight-line".
 *
 * "Inside the catchment" means the LSOA's population-weighted centroid (`cx`/`cy`, published by
 * ONS for LSOA 2021) is at most `radiusM` metres from the centre (the boundary counts as inside).
 * An LSOA is never partly in: it is in or out by its centroid. LSOAs without a centroid (LSOA 2011
 * features, or a feature the pipeline could not match) cannot be placed and are counted in
 * `excludedNoCentroid`, never silently dropped.
 */
import { circle } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { flagKey, valueKey, type ReleaseId } from '../../data/contract';
import {
  DECILES,
  emptyDecileCounts,
  lsoaTable,
  profile,
  type AreaProfile,
  type Decile,
  type DecileCounts,
} from '../area-profile';
import { areaSetByRule, centroidOf, straightLineM, type AreaSet, type LonLat } from '../area-set';
import { lsoaPeople, peopleTotals, type LsoaPeople, type PeopleTotals } from '../people';
import { isFiniteNumber } from '../../data/numeric';

export { DECILES, emptyDecileCounts, straightLineM, type Decile, type DecileCounts, type LonLat };

/** The radii offered in the UI, in metres (400 m ≈ 5 minutes' walk, 800 m ≈ 10, 1.6 km ≈ 20). */
export const CATCHMENT_RADII_M = [400, 800, 1600] as const;

/**
 * The minimum an LSOA needs for the outreach analysis. `LsoaFeature` from src/data/load.ts fits;
 * so does a plain `{ properties: {...} }` built in a test. IoD values are read by
 * `valueKey(release, 'imd', field)` / `flagKey(release, 1 | 10)`.
 */
export interface LsoaLike {
  properties: {
    code: string;
    name: string;
    ward: string;
    /** Population-weighted centroid longitude (LSOA 2021). */
    cx?: number;
    /** Population-weighted centroid latitude (LSOA 2021). */
    cy?: number;
    /** Mid-2015 population (IoD2019 denominators); only on LSOAs unchanged since 2011. */
    pop?: number;
    [k: string]: unknown;
  };
}

export interface CatchmentRow {
  code: string;
  name: string;
  /** Ward code (Dec 2024). */
  ward: string;
  /** Population-weighted centroid. */
  centroid: LonLat;
  /** Straight-line (great-circle) distance from the centre to the centroid, metres. */
  distanceM: number;
  /** IMD national decile in the release (1 = most deprived 10% in England); null = not published for this area. */
  decile: number | null;
  /** IMD national rank in the release (1 = most deprived); null = not published. */
  rank: number | null;
  /** Mid-2015 population where known (unchanged LSOAs), else null. */
  population: number | null;
  /** In the national most-deprived 1% in the release. */
  flag1: boolean;
  /** In the national most-deprived 10% in the release. */
  flag10: boolean;
  /** Mid-2022 people figures (IoD 2025 File 7), null when the build has none. */
  people: LsoaPeople | null;
}

export interface CatchmentTotals {
  /** LSOAs whose centroid is inside. */
  lsoas: number;
  /** Sum of the known populations (mid-2015); a lower bound when `populationUnknown` > 0. */
  population: number;
  /** LSOAs inside whose population is not known. */
  populationUnknown: number;
  /** LSOAs inside by IMD national decile. */
  byDecile: DecileCounts;
  /** LSOAs inside without a decile in this release. */
  decileUnknown: number;
  /** LSOAs inside in national decile 1 (= byDecile[1]). */
  decile1: number;
  /** LSOAs inside in the national most-deprived 1%. */
  mostDeprived1pc: number;
  /** Mid-2022 people in the LSOAs inside (whole LSOAs by centroid). */
  people: PeopleTotals;
}

export interface CatchmentResult {
  centre: LonLat;
  radiusM: number;
  release: ReleaseId;
  /** Always 'straight-line': a reminder for labels and exports. */
  distanceKind: 'straight-line';
  /** Sorted by distance, then code. */
  rows: CatchmentRow[];
  totals: CatchmentTotals;
  /** Codes of LSOAs that have no centroid and so could not be tested (sorted). */
  excludedNoCentroid: string[];
  /** Mid-2022 people in the LSOAs given whose centroid is beyond the radius. */
  peopleBeyond: PeopleTotals;
}

const finite = isFiniteNumber;

export function assertLonLat(p: LonLat, what = 'point'): void {
  if (
    !Array.isArray(p) ||
    p.length < 2 ||
    !finite(p[0]) ||
    !finite(p[1]) ||
    Math.abs(p[0]) > 180 ||
    Math.abs(p[1]) > 90
  ) {
    throw new RangeError(`${what} must be [longitude, latitude] in degrees, got ${JSON.stringify(p)}`);
  }
}

export function assertDistance(m: number, what = 'radius'): void {
  if (!finite(m) || m < 0) throw new RangeError(`${what} must be a non-negative number of metres, got ${String(m)}`);
}

/** The LSOA's population-weighted centroid, or null when it has none. */
export const lsoaCentroid: (l: LsoaLike) => LonLat | null = centroidOf;

/** IMD national decile of the release, or null when absent. */
export function imdDecile(l: LsoaLike, release: ReleaseId): number | null {
  const v = l.properties[valueKey(release, 'imd', 'd')];
  return finite(v) ? v : null;
}

/** IMD national rank of the release, or null when absent. */
export function imdRank(l: LsoaLike, release: ReleaseId): number | null {
  const v = l.properties[valueKey(release, 'imd', 'r')];
  return finite(v) ? v : null;
}

export function lsoaPopulation(l: LsoaLike): number | null {
  const v = l.properties.pop;
  return finite(v) ? v : null;
}

function toRow(l: LsoaLike, c: LonLat, distanceM: number, release: ReleaseId): CatchmentRow {
  const p = l.properties;
  return {
    code: p.code,
    name: p.name,
    ward: p.ward,
    centroid: c,
    distanceM,
    decile: imdDecile(l, release),
    rank: imdRank(l, release),
    population: lsoaPopulation(l),
    flag1: p[flagKey(release, 1)] === 1,
    flag10: p[flagKey(release, 10)] === 1,
    people: lsoaPeople(p),
  };
}

/** The catchment's totals: the area-set profile's figures, named as the outreach panel and exports read them. */
export function catchmentTotals(p: AreaProfile): CatchmentTotals {
  return {
    lsoas: p.lsoas,
    population: p.population2015.sum,
    populationUnknown: p.population2015.unknown,
    byDecile: p.byDecile,
    decileUnknown: p.decileUnknown,
    decile1: p.decile1,
    mostDeprived1pc: p.in1pc,
    people: p.people,
  };
}

/** The catchment as an area set: the LSOAs whose centroid is within `radiusM` of `centre`. */
export function catchmentAreaSet(centre: LonLat, radiusM: number, lsoas: readonly LsoaLike[]): AreaSet {
  return areaSetByRule(
    'catchment',
    `${centre[0]},${centre[1]},${radiusM}`,
    `Within ${formatDistance(radiusM)} (straight line)`,
    { type: 'radius', centre, radiusM },
    lsoas,
  );
}

/**
 * The LSOAs whose population-weighted centroid lies within `radiusM` metres (straight-line) of
 * `centre`, with their IMD decile/rank in `release` and population where known, plus totals.
 */
export function catchment(
  centre: LonLat,
  radiusM: number,
  lsoas: readonly LsoaLike[],
  release: ReleaseId,
): CatchmentResult {
  assertLonLat(centre, 'centre');
  assertDistance(radiusM);
  const set = catchmentAreaSet(centre, radiusM, lsoas);
  const inside = new Set(set.lsoaCodes);
  const rows: CatchmentRow[] = [];
  const excludedNoCentroid: string[] = [];
  const beyond: LsoaLike[] = [];
  for (const l of lsoas) {
    const c = lsoaCentroid(l);
    if (!c) excludedNoCentroid.push(l.properties.code);
    else if (inside.has(l.properties.code)) rows.push(toRow(l, c, straightLineM(centre, c), release));
    else beyond.push(l);
  }
  rows.sort((a, b) => a.distanceM - b.distanceM || a.code.localeCompare(b.code));
  excludedNoCentroid.sort();
  const peopleBeyond = peopleTotals(beyond.map((l) => lsoaPeople(l.properties)));
  const totals = catchmentTotals(profile(set, lsoaTable(lsoas), release));
  return { centre, radiusM, release, distanceKind: 'straight-line', rows, totals, excludedNoCentroid, peopleBeyond };
}

/** The catchment circle for drawing (turf `circle`, 64 steps): a polygon, straight-line radius. */
export function catchmentCircle(
  centre: LonLat,
  radiusM: number,
): Feature<Polygon, { radiusM: number; distanceKind: 'straight-line' }> {
  assertLonLat(centre, 'centre');
  assertDistance(radiusM);
  const c = circle(centre, radiusM / 1000, { steps: 64, units: 'kilometers' });
  return { type: 'Feature', geometry: c.geometry, properties: { radiusM, distanceKind: 'straight-line' } };
}

/** "800 m" / "1.6 km": how the UI and exports write a radius (always with "straight-line" nearby). */
export function formatDistance(m: number): string {
  if (m >= 1000) return `${Number((m / 1000).toFixed(m % 100 === 0 ? 1 : 2))} km`;
  return `${Math.round(m)} m`;
}
