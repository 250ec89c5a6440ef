/**
 * Who a venue list reaches and who it misses, counted in people: the LSOAs whose
 * population-weighted centre is within a straight-line distance of any venue (each counted once,
 * however many catchments overlap it), the people in them, each venue's own catchment, and the
 * deprived LSOAs beyond every venue ranked by the number of people. Same distance and same
 * whole-LSOA rule as the outreach tool (../outreach/catchment.ts).
 */
import type { ReleaseId } from '../../data/contract';
import { imdDecile, imdRank, lsoaCentroid, straightLineM, type LonLat, type LsoaLike } from '../outreach/catchment';
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

export interface GapArea {
  code: string;
  name: string;
  ward: string;
  decile: number;
  rank: number | null;
  people: LsoaPeople | null;
  /** Straight-line metres to the nearest venue of the list. */
  nearestM: number;
  nearestVenue: string;
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
  /** LSOAs without a centroid, not assessed. */
  noCentroid: number;
}

const M_PER_DEG_LAT = 111_320;

export function listReach(venues: readonly ReachVenue[], lsoas: readonly LsoaLike[], radiusM: number, maxDecile: number, release: ReleaseId): ListReach {
  const perVenue = venues.map((venue) => ({ venue, people: [] as (LsoaPeople | null)[] }));
  const reached: (LsoaPeople | null)[] = [];
  const beyond: (LsoaPeople | null)[] = [];
  const gaps: GapArea[] = [];
  let noCentroid = 0;
  for (const l of lsoas) {
    const c = lsoaCentroid(l);
    if (!c) {
      noCentroid++;
      continue;
    }
    const people = lsoaPeople(l.properties);
    // Degrees of latitude/longitude that certainly exceed the radius: skips the exact distance for far pairs.
    const dLat = (radiusM * 1.01) / M_PER_DEG_LAT;
    const dLon = dLat / Math.cos((c[1] * Math.PI) / 180);
    let within = false;
    venues.forEach((v, i) => {
      if (Math.abs(v.lonLat[1] - c[1]) > dLat || Math.abs(v.lonLat[0] - c[0]) > dLon) return;
      if (straightLineM(v.lonLat, c) <= radiusM) {
        within = true;
        perVenue[i]?.people.push(people);
      }
    });
    if (within) {
      reached.push(people);
      continue;
    }
    beyond.push(people);
    const decile = imdDecile(l, release);
    if (decile === null || decile > maxDecile) continue;
    // Only for a gap: the nearest venue, measured to every venue.
    let nearestM = Infinity;
    let nearestVenue = '';
    for (const v of venues) {
      const d = straightLineM(v.lonLat, c);
      if (d < nearestM) [nearestM, nearestVenue] = [d, v.name];
    }
    const p = l.properties;
    gaps.push({ code: p.code, name: p.name, ward: p.ward, decile, rank: imdRank(l, release), people, nearestM, nearestVenue });
  }
  gaps.sort((a, b) => (b.people?.population ?? -1) - (a.people?.population ?? -1) || a.code.localeCompare(b.code));
  return {
    radiusM,
    maxDecile,
    reached: peopleTotals(reached),
    beyond: peopleTotals(beyond),
    perVenue: perVenue.map((v) => ({ venue: v.venue, lsoas: v.people.length, people: peopleTotals(v.people) })),
    gaps,
    noCentroid,
  };
}
