/**
 * Gap analysis for Core Teams: the most deprived LSOAs that are far from every community hub, and
 * what has already run near a place.
 *
 * Pure functions. Distances are straight-line (great-circle, turf `distance`) between an LSOA's
 * population-weighted centroid and a hub's mapped point — see ./catchment.ts. Hub points from the
 * built interventions layer are postcode centroids, not building entrances ("precision").
 *
 * WHICH INTERVENTIONS COUNT AS COMMUNITY HUBS (`isCommunityHub`): the types the council's vocabulary
 * marks `hub: true` (content/<LAD code>/council.json `interventionTypes`), passed in as `hubTypes`.
 * For Leeds that is `community_hub` alone: the pipeline gives it to the named hub venues and to every
 * open library the libraries dataset lists as "Co-located with: Community hub" (a co-located library
 * or Jobshop sits at its hub's postcode, so it adds no new location); other types (libraries,
 * Jobshops, events, programmes, projects, anchors) are not hubs.
 *  - `communityHubs()` also leaves out, by default, hubs whose point is only approximate
 *    (precision `area`: placed somewhere in their neighbourhood/ward because the address is not in
 *    the sources, e.g. the @Holbeck mini hub): measuring "800 m from the hub" to a placeholder
 *    point would be misleading. They are returned in `excluded` with the reason so the UI can say so.
 */
import type { InterventionPrecision, InterventionType } from '../../data/content-contract';
import type { ReleaseId } from '../../data/contract';
import { lsoaPeople, peopleTotals, type LsoaPeople, type PeopleTotals } from '../people';
import {
  assertDistance,
  assertLonLat,
  imdDecile,
  imdRank,
  lsoaCentroid,
  lsoaPopulation,
  straightLineM,
  type LonLat,
  type LsoaLike,
} from './catchment';

/** A place a distance is measured from. */
export interface Hub {
  id: string;
  name: string;
  coordinates: LonLat;
}

/** Minimal structural type of an intervention feature (the built `InterventionsCollection` fits). */
export interface InterventionLike {
  geometry: { type: 'Point'; coordinates: [number, number] | number[] } | null;
  properties: { id: string; name: string; type: InterventionType | string; precision?: InterventionPrecision | string };
}

/** Is this intervention a hub for the gap analysis? Its type is one the vocabulary marks `hub: true`. */
export function isCommunityHub(props: { type: string }, hubTypes: ReadonlySet<string>): boolean {
  return hubTypes.has(props.type);
}

export interface CommunityHubsResult {
  /** The usable hubs. */
  hubs: Hub[];
  /** Hub features not used, with the reason (approximate location, no geometry). */
  excluded: Array<{ id: string; name: string; reason: string }>;
}

function pointOf(f: InterventionLike): LonLat | null {
  const c = f.geometry?.type === 'Point' ? f.geometry.coordinates : null;
  return c && Number.isFinite(c[0]) && Number.isFinite(c[1]) ? [c[0] as number, c[1] as number] : null;
}

/**
 * The community hubs of an interventions layer, by `isCommunityHub`. Hubs at an approximate
 * (`area`) point are excluded unless `includeApproximate`. Sorted by id.
 */
export function communityHubs(
  interventions: { features: readonly InterventionLike[] } | readonly InterventionLike[],
  opts: { hubTypes: ReadonlySet<string>; includeApproximate?: boolean },
): CommunityHubsResult {
  const features = 'features' in interventions ? interventions.features : interventions;
  const hubs: Hub[] = [];
  const excluded: CommunityHubsResult['excluded'] = [];
  const usable = (f: InterventionLike): LonLat | null => {
    const p = f.properties;
    const at = pointOf(f);
    if (!at) {
      excluded.push({ id: p.id, name: p.name, reason: 'no point geometry' });
      return null;
    }
    if (p.precision === 'area' && !opts.includeApproximate) {
      excluded.push({
        id: p.id,
        name: p.name,
        reason: 'approximate location (placed in its neighbourhood or ward; address not in the sources)',
      });
      return null;
    }
    return at;
  };
  for (const f of features) {
    if (!isCommunityHub(f.properties, opts.hubTypes)) continue;
    const at = usable(f);
    if (!at) continue;
    hubs.push({ id: f.properties.id, name: f.properties.name, coordinates: at });
  }
  hubs.sort((a, b) => a.id.localeCompare(b.id));
  excluded.sort((a, b) => a.id.localeCompare(b.id));
  return { hubs, excluded };
}

export interface NearestHub {
  id: string;
  name: string;
  /** Straight-line distance, metres. */
  distanceM: number;
}

/** The nearest hub to a point (ties: the first in `hubs`), or null when there are no hubs. */
export function nearestHub(point: LonLat, hubs: readonly Hub[]): NearestHub | null {
  let best: NearestHub | null = null;
  for (const h of hubs) {
    const d = straightLineM(point, h.coordinates);
    if (!best || d < best.distanceM) best = { id: h.id, name: h.name, distanceM: d };
  }
  return best;
}

export interface GapOptions {
  lsoas: readonly LsoaLike[];
  hubs: readonly Hub[];
  /** LSOAs in national IMD decile ≤ this (1, or 1–2). */
  maxDecile: 1 | 2;
  /** A gap is farther than this from every hub (straight-line metres). */
  distanceM: number;
  release: ReleaseId;
  /** Restrict to one ward (Dec 2024 code). */
  ward?: string;
}

export interface GapRow {
  code: string;
  name: string;
  ward: string;
  centroid: LonLat;
  decile: number;
  rank: number | null;
  population: number | null;
  /** Mid-2022 people figures (IoD 2025 File 7), null when the build has none. */
  people: LsoaPeople | null;
  /** Null only when there are no hubs at all. */
  nearestHub: NearestHub | null;
}

export interface GapResult {
  /** The gaps, farthest from a hub first (then by rank, then code). */
  rows: GapRow[];
  /** LSOAs in scope (ward) with decile ≤ maxDecile and a centroid. */
  candidates: number;
  /** Candidates within `distanceM` of some hub (not gaps). */
  covered: number;
  /** LSOAs in scope with decile ≤ maxDecile but no centroid: cannot be assessed (sorted codes). */
  noCentroid: string[];
  /**
   * Mid-2022 people: in the gap LSOAs; and in EVERY LSOA in scope (any decile) with a centroid,
   * split by whether its nearest hub is within the distance — so "children in IDACI decile 1–2
   * LSOAs beyond 800 m of every hub" is `beyond.childrenIdaci12`.
   */
  people: { gaps: PeopleTotals; within: PeopleTotals; beyond: PeopleTotals };
}

/** Gap analysis with its denominators; `gapLsoas` returns just the rows. */
export function gapAnalysis(o: GapOptions): GapResult {
  assertDistance(o.distanceM, 'distance');
  if (o.maxDecile !== 1 && o.maxDecile !== 2)
    throw new RangeError(`maxDecile must be 1 or 2, got ${String(o.maxDecile)}`);
  for (const h of o.hubs) assertLonLat(h.coordinates, `hub ${h.id}`);
  const rows: GapRow[] = [];
  const noCentroid: string[] = [];
  let candidates = 0;
  const within: Array<LsoaPeople | null> = [];
  const beyond: Array<LsoaPeople | null> = [];
  for (const l of o.lsoas) {
    const p = l.properties;
    if (o.ward !== undefined && p.ward !== o.ward) continue;
    const at = lsoaCentroid(l);
    if (at) {
      const reach = nearestHub(at, o.hubs);
      (reach && reach.distanceM <= o.distanceM ? within : beyond).push(lsoaPeople(p));
    }
    const decile = imdDecile(l, o.release);
    if (decile === null || decile > o.maxDecile) continue;
    const c = lsoaCentroid(l);
    if (!c) {
      noCentroid.push(p.code);
      continue;
    }
    candidates++;
    const near = nearestHub(c, o.hubs);
    if (near && near.distanceM <= o.distanceM) continue;
    rows.push({
      code: p.code,
      name: p.name,
      ward: p.ward,
      centroid: c,
      decile,
      rank: imdRank(l, o.release),
      population: lsoaPopulation(l),
      people: lsoaPeople(p),
      nearestHub: near,
    });
  }
  rows.sort(
    (a, b) =>
      (b.nearestHub?.distanceM ?? Infinity) - (a.nearestHub?.distanceM ?? Infinity) ||
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      a.code.localeCompare(b.code),
  );
  noCentroid.sort();
  const people = {
    gaps: peopleTotals(rows.map((r) => r.people)),
    within: peopleTotals(within),
    beyond: peopleTotals(beyond),
  };
  return { rows, candidates, covered: candidates - rows.length, noCentroid, people };
}

/**
 * LSOAs with IMD national decile ≤ `maxDecile` whose population-weighted centroid is farther than
 * `distanceM` (straight-line) from EVERY hub, optionally in one ward.
 */
export function gapLsoas(o: GapOptions): GapRow[] {
  return gapAnalysis(o).rows;
}

export interface NearbyIntervention<F extends InterventionLike = InterventionLike> {
  id: string;
  name: string;
  type: string;
  precision: string | undefined;
  /** Straight-line distance, metres. Approximate when precision is 'area'. */
  distanceM: number;
  feature: F;
}

/**
 * The interventions (any type) whose point is within `radiusM` (straight-line) of `point`, nearest
 * first: "what has already run near here". Items at an approximate (`area`) point are included
 * with their precision so the UI can say the distance is approximate. Unmapped items (no point)
 * are skipped: they are listed separately in the layer's `unplaced`.
 */
export function nearbyInterventions<F extends InterventionLike>(
  point: LonLat,
  interventions: { features: readonly F[] } | readonly F[],
  radiusM: number,
): NearbyIntervention<F>[] {
  assertLonLat(point);
  assertDistance(radiusM);
  const features = 'features' in interventions ? interventions.features : interventions;
  const out: NearbyIntervention<F>[] = [];
  for (const f of features) {
    const at = pointOf(f);
    if (!at) continue;
    const d = straightLineM(point, at);
    if (d <= radiusM) {
      const p = f.properties;
      out.push({ id: p.id, name: p.name, type: p.type, precision: p.precision, distanceM: d, feature: f });
    }
  }
  out.sort((a, b) => a.distanceM - b.distanceM || a.id.localeCompare(b.id));
  return out;
}

/** Gap rows each with the interventions within `radiusM` of its centroid (for the list and export). */
export function withNearbyInterventions<F extends InterventionLike>(
  rows: readonly GapRow[],
  interventions: { features: readonly F[] } | readonly F[],
  radiusM: number,
): Array<GapRow & { nearby: NearbyIntervention<F>[] }> {
  return rows.map((r) => ({ ...r, nearby: nearbyInterventions(r.centroid, interventions, radiusM) }));
}
