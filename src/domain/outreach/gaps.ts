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
import { peopleTotals, type LsoaPeople, type PeopleTotals } from '../people';
import { assertDistance, assertLonLat, straightLineM, type LonLat, type LsoaLike } from './catchment';
import { listReach, nearestVenue, type NearestVenue, type ReachVenue } from './reach';

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

/** The nearest hub: id, name and straight-line metres (the reach module's nearest venue). */
export type NearestHub = NearestVenue;

/** A hub as a venue of a reach set (./reach.ts): the hubs are measured exactly as an imported list. */
export const hubVenue = (h: Hub): ReachVenue => ({ id: h.id, name: h.name, category: '', lonLat: h.coordinates });

/** The nearest hub to a point (ties: the first in `hubs`), or null when there are no hubs. */
export function nearestHub(point: LonLat, hubs: readonly Hub[]): NearestHub | null {
  return nearestVenue(hubs.map(hubVenue), point);
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
  /** The build's people figures (File 7 mid-2022 or Census 2021, by its definition), null when it has none. */
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
   * People (the build's definition): in the gap LSOAs; and in EVERY LSOA in scope (any decile) with a centroid,
   * split by whether its nearest hub is within the distance — so "children in IDACI decile 1–2
   * LSOAs beyond 800 m of every hub" is `beyond.childrenIdaci12`.
   */
  people: { gaps: PeopleTotals; within: PeopleTotals; beyond: PeopleTotals };
}

/**
 * Gap analysis with its denominators; `gapLsoas` returns just the rows. The reach itself is
 * `listReach` (./reach.ts), the one implementation the venue-lists panel uses too: the hubs are a
 * venue set like any imported list.
 */
export function gapAnalysis(o: GapOptions): GapResult {
  assertDistance(o.distanceM, 'distance');
  if (o.maxDecile !== 1 && o.maxDecile !== 2)
    throw new RangeError(`maxDecile must be 1 or 2, got ${String(o.maxDecile)}`);
  for (const h of o.hubs) assertLonLat(h.coordinates, `hub ${h.id}`);
  const scope = o.ward === undefined ? o.lsoas : o.lsoas.filter((l) => l.properties.ward === o.ward);
  const reach = listReach(o.hubs.map(hubVenue), scope, o.distanceM, o.maxDecile, o.release);
  const rows: GapRow[] = reach.gaps.map((g) => ({
    code: g.code,
    name: g.name,
    ward: g.ward,
    centroid: g.centroid,
    decile: g.decile,
    rank: g.rank,
    population: g.population,
    people: g.people,
    nearestHub: g.nearest,
  }));
  rows.sort(
    (a, b) =>
      (b.nearestHub?.distanceM ?? Infinity) - (a.nearestHub?.distanceM ?? Infinity) ||
      (a.rank ?? Infinity) - (b.rank ?? Infinity) ||
      a.code.localeCompare(b.code),
  );
  const people = { gaps: peopleTotals(rows.map((r) => r.people)), within: reach.reached, beyond: reach.beyond };
  return {
    rows,
    candidates: reach.candidates,
    covered: reach.candidates - rows.length,
    noCentroid: reach.noCentroid,
    people,
  };
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
