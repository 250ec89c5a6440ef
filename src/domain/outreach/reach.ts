/**
 * Who a set of venues reaches and who it misses, counted in people — the ONE reach calculation:
 * the outreach tool's gap analysis (./gaps.ts, the built-in community hubs or an imported list)
 * and the venue-lists panel both call `listReach`. The LSOAs whose population-weighted centre is
 * within a straight-line distance of any venue (each counted once, however many catchments
 * overlap it), the people in them, each venue's own catchment, and the deprived LSOAs beyond
 * every venue with their nearest venue. Same distance and whole-LSOA rule as ./catchment.ts.
 */
import type { ReleaseId } from '../../data/contract';
import {
  imdDecile,
  imdRank,
  lsoaCentroid,
  lsoaPopulation,
  straightLineM,
  type LonLat,
  type LsoaLike,
} from './catchment';
import { lsoaPeople, peopleTotals, type LsoaPeople, type PeopleTotals } from '../people';

export interface ReachVenue {
  id: string;
  name: string;
  category: string;
  lonLat: LonLat;
}

export interface VenueReach {
  venue: ReachVenue;
  lsoas: number;
  people: PeopleTotals;
}

/** The nearest venue to an LSOA's centre, straight-line metres. */
export interface NearestVenue {
  id: string;
  name: string;
  distanceM: number;
}

export interface GapArea {
  code: string;
  name: string;
  ward: string;
  centroid: LonLat;
  decile: number;
  rank: number | null;
  /** Mid-2015 population where known (unchanged LSOAs), else null. */
  population: number | null;
  people: LsoaPeople | null;
  /** Null only when the set has no venues. */
  nearest: NearestVenue | null;
}

export interface ListReach {
  radiusM: number;
  maxDecile: number;
  /** People in LSOAs within the distance of at least one venue, each LSOA once. */
  reached: PeopleTotals;
  /** People in the council's other LSOAs. */
  beyond: PeopleTotals;
  perVenue: VenueReach[];
  /** LSOAs in IMD national decile ≤ maxDecile beyond every venue, most people first. */
  gaps: GapArea[];
  /** LSOAs in IMD national decile ≤ maxDecile with a centroid: the gaps are those of them beyond every venue. */
  candidates: number;
  /** Codes of LSOAs in IMD national decile ≤ maxDecile without a centroid: not assessed (sorted). */
  noCentroid: string[];
}

const M_PER_DEG_LAT = 111_320;

/** Metres between two nearby points on an equirectangular approximation: only to pick candidates, never reported. */
function roughM(a: LonLat, b: LonLat): number {
  const k = Math.cos((((a[1] + b[1]) / 2) * Math.PI) / 180);
  return Math.hypot((a[0] - b[0]) * k, a[1] - b[1]) * M_PER_DEG_LAT;
}

/** Venues bucketed in cells of about the radius, so each LSOA tests only the venues in its 3 × 3 cells. */
function venueGrid(venues: readonly ReachVenue[], radiusM: number): { near: (c: LonLat) => number[] } {
  const cellLat = Math.max(radiusM, 100) / M_PER_DEG_LAT;
  const lat0 = venues[0]?.lonLat[1] ?? 53;
  const cellLon = cellLat / Math.cos((lat0 * Math.PI) / 180);
  // Cells a little smaller than the radius would miss pairs at high latitudes: 1.2 × margin covers England.
  const size: LonLat = [cellLon * 1.2, cellLat * 1.2];
  const key = (x: number, y: number) => `${x}|${y}`;
  const cells = new Map<string, number[]>();
  venues.forEach((v, i) => {
    const k = key(Math.floor(v.lonLat[0] / size[0]), Math.floor(v.lonLat[1] / size[1]));
    const list = cells.get(k) ?? [];
    list.push(i);
    cells.set(k, list);
  });
  return {
    near(c) {
      const cx = Math.floor(c[0] / size[0]);
      const cy = Math.floor(c[1] / size[1]);
      const out: number[] = [];
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++) out.push(...(cells.get(key(cx + dx, cy + dy)) ?? []));
      return out;
    },
  };
}

/** The nearest venue to a point: candidates by the rough distance, then the exact distance of those close to the best. */
export function nearestVenue(venues: readonly ReachVenue[], c: LonLat): NearestVenue | null {
  let best = Infinity;
  const rough = venues.map((v) => {
    const d = roughM(v.lonLat, c);
    if (d < best) best = d;
    return d;
  });
  let out: NearestVenue | null = null;
  rough.forEach((d, i) => {
    const v = venues[i];
    if (!v || d > best * 1.01 + 1) return;
    const exact = straightLineM(v.lonLat, c);
    if (!out || exact < out.distanceM) out = { id: v.id, name: v.name, distanceM: exact };
  });
  return out;
}

export function listReach(
  venues: readonly ReachVenue[],
  lsoas: readonly LsoaLike[],
  radiusM: number,
  maxDecile: number,
  release: ReleaseId,
): ListReach {
  const perVenue = venues.map((venue) => ({ venue, people: [] as (LsoaPeople | null)[] }));
  const grid = venueGrid(venues, radiusM);
  const reached: (LsoaPeople | null)[] = [];
  const beyond: (LsoaPeople | null)[] = [];
  const gaps: GapArea[] = [];
  const noCentroid: string[] = [];
  let candidates = 0;
  for (const l of lsoas) {
    const c = lsoaCentroid(l);
    const decile = imdDecile(l, release);
    const deprived = decile !== null && decile <= maxDecile;
    if (!c) {
      if (deprived) noCentroid.push(l.properties.code);
      continue;
    }
    if (deprived) candidates++;
    const people = lsoaPeople(l.properties);
    let within = false;
    for (const i of grid.near(c)) {
      const v = venues[i];
      if (v && straightLineM(v.lonLat, c) <= radiusM) {
        within = true;
        perVenue[i]?.people.push(people);
      }
    }
    if (within) {
      reached.push(people);
      continue;
    }
    beyond.push(people);
    if (!deprived) continue;
    const p = l.properties;
    gaps.push({
      code: p.code,
      name: p.name,
      ward: p.ward,
      centroid: c,
      decile,
      rank: imdRank(l, release),
      population: lsoaPopulation(l),
      people,
      nearest: nearestVenue(venues, c),
    });
  }
  gaps.sort((a, b) => (b.people?.population ?? -1) - (a.people?.population ?? -1) || a.code.localeCompare(b.code));
  let perVenueTotals: VenueReach[] | null = null;
  return {
    radiusM,
    maxDecile,
    reached: peopleTotals(reached),
    beyond: peopleTotals(beyond),
    // Totalled when first read: only the "people per venue" CSV reads them, and for a 5,000-venue list
    // they were a quarter of this function's time, on the main thread, whenever the list changed.
    get perVenue() {
      perVenueTotals ??= perVenue.map((v) => ({
        venue: v.venue,
        lsoas: v.people.length,
        people: peopleTotals(v.people),
      }));
      return perVenueTotals;
    },
    gaps,
    candidates,
    noCentroid: noCentroid.sort(),
  };
}
