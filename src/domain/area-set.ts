/**
 * One model of "a set of LSOAs" (issue 20 item 1): a ward, a priority neighbourhood, a catchment
 * around a venue and a user's own area are all an AreaSet — its member codes plus the rule, as
 * data, that chose them. Its figures come from one function, `profile` (area-profile.ts), which
 * the pipeline's ward summaries import too. Pure.
 *
 * Membership is always whole LSOAs. A polygon or a radius takes an LSOA when its ONS
 * population-weighted centroid (`cx`/`cy`, LSOA 2021) is inside (the boundary counts as inside);
 * an LSOA without a centroid cannot be placed by a shape and is never a member by one.
 */
import type { Geometry } from 'geojson';
import { geometryBBox } from './geometry';
import { isFiniteNumber } from '../data/numeric';

export type AreaSetKind = 'ward' | 'neighbourhood' | 'catchment' | 'custom';

/** Longitude, latitude (WGS84), GeoJSON order. */
export type LonLat = [number, number];

/** How the members were chosen. `list` = chosen one by one (clicked, pasted, or an edited starting point). */
export type AreaRule =
  | { type: 'list' }
  | { type: 'ward'; ward: string }
  | { type: 'polygon'; ring: readonly LonLat[] }
  | { type: 'radius'; centre: LonLat; radiusM: number };

export interface AreaSet {
  kind: AreaSetKind;
  id: string;
  label: string;
  /** Member LSOA codes, sorted, no repeats. */
  lsoaCodes: readonly string[];
  rule: AreaRule;
}

/** What a rule needs of an LSOA: `LsoaFeature`, `LsoaProperties` wrapped in `{properties}`, or a test's plain object. */
export interface MemberCandidate {
  properties: { code: string; ward?: string; cx?: number; cy?: number; [k: string]: unknown };
}

/** The plain-words statement of the rule, shown next to every custom area and export. */
export const CENTROID_RULE =
  'An LSOA counts, whole, when its population-weighted centre (ONS, LSOA 2021) lies inside the shape; LSOAs are never split.';

const finite = isFiniteNumber;

/** Mean Earth radius in metres, as turf uses (so catchments match the turf-based figures before). */
const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number): number => (deg * Math.PI) / 180;

/**
 * Straight-line (great-circle) distance in metres between two lon/lat points: the haversine
 * formula exactly as turf's `distance` computes it, written here so the first view (ward profiles
 * use this module) does not load turf.
 */
export function straightLineM([lon1, lat1]: LonLat, [lon2, lat2]: LonLat): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.sin(dLon / 2) ** 2 * Math.cos(rad(lat1)) * Math.cos(rad(lat2));
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_M;
}

/** The LSOA's population-weighted centroid, or null when it has none. */
export function centroidOf(l: MemberCandidate): LonLat | null {
  const { cx, cy } = l.properties;
  return finite(cx) && finite(cy) ? [cx, cy] : null;
}

/**
 * Whether a point is inside a ring (even-odd ray casting; a point on an edge counts as inside).
 * The ring may be open or closed. Planar in lon/lat, which at LSOA scale is exact enough for a
 * yes/no test of a centroid against a line a person drew.
 */
export function pointInRing([x, y]: LonLat, ring: readonly LonLat[]): boolean {
  const n = ring.length;
  if (n < 3) return false;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (onSegment([x, y], [xi, yi], [xj, yj])) return true;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function cross(o: LonLat, a: LonLat, b: LonLat): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

function onSegment(p: LonLat, a: LonLat, b: LonLat): boolean {
  return (
    cross(a, b, p) === 0 &&
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

function segmentsCross(a: LonLat, b: LonLat, c: LonLat, d: LonLat): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && onSegment(a, c, d)) ||
    (d2 === 0 && onSegment(b, c, d)) ||
    (d3 === 0 && onSegment(c, a, b)) ||
    (d4 === 0 && onSegment(d, a, b))
  );
}

/** The ring without a repeated closing vertex. */
export function openRing(ring: readonly LonLat[]): LonLat[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]
    ? ring.slice(0, -1)
    : [...ring];
}

/** Whether two non-adjacent edges of the (closed) ring touch or cross. */
export function ringSelfIntersects(ring: readonly LonLat[]): boolean {
  const r = openRing(ring);
  const n = r.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      // Adjacent edges share a vertex by construction.
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsCross(r[i]!, r[(i + 1) % n]!, r[j]!, r[(j + 1) % n]!)) return true;
    }
  }
  return false;
}

export type PolygonProblem = 'too-few-points' | 'self-crossing' | 'no-centroid-inside';

/** Plain messages for a polygon that cannot be an area. */
export const POLYGON_PROBLEM_MESSAGE: Record<PolygonProblem, string> = {
  'too-few-points': 'A shape needs at least 3 points.',
  'self-crossing': 'The shape crosses itself. Move or remove a point so that its edges do not cross.',
  'no-centroid-inside':
    'No LSOA has its population-weighted centre inside this shape, so the area would be empty. Draw a larger shape.',
};

/** Why a drawn polygon cannot be used, or null when it can (given its members). */
export function polygonProblem(ring: readonly LonLat[], memberCount: number): PolygonProblem | null {
  if (openRing(ring).length < 3) return 'too-few-points';
  if (ringSelfIntersects(ring)) return 'self-crossing';
  return memberCount === 0 ? 'no-centroid-inside' : null;
}

/** The codes a rule picks from the candidates, sorted. A `list` rule picks nothing by itself. */
export function ruleMembers(rule: AreaRule, candidates: readonly MemberCandidate[]): string[] {
  const out: string[] = [];
  for (const l of candidates) {
    if (rule.type === 'ward') {
      if (l.properties.ward === rule.ward) out.push(l.properties.code);
      continue;
    }
    if (rule.type === 'list') continue;
    const c = centroidOf(l);
    if (!c) continue;
    if (rule.type === 'polygon' ? pointInRing(c, rule.ring) : straightLineM(rule.centre, c) <= rule.radiusM)
      out.push(l.properties.code);
  }
  return out.sort();
}

function sortedUnique(codes: Iterable<string>): string[] {
  return [...new Set(codes)].sort();
}

/** An area set from explicit codes (sorted and de-duplicated here). */
export function areaSet(
  kind: AreaSetKind,
  id: string,
  label: string,
  rule: AreaRule,
  codes: Iterable<string>,
): AreaSet {
  return { kind, id, label, lsoaCodes: sortedUnique(codes), rule };
}

/** An area set whose members the rule picks from the candidates. */
export function areaSetByRule(
  kind: AreaSetKind,
  id: string,
  label: string,
  rule: AreaRule,
  candidates: readonly MemberCandidate[],
): AreaSet {
  return areaSet(kind, id, label, rule, ruleMembers(rule, candidates));
}

/** A ward as an area set: its LSOAs by the ward code they carry (LSOA 2021 or 2011, whichever are given). */
export function wardAreaSet(ward: { code: string; name: string }, candidates: readonly MemberCandidate[]): AreaSet {
  return areaSetByRule('ward', ward.code, ward.name, { type: 'ward', ward: ward.code }, candidates);
}

/** A priority neighbourhood as an area set: its default LSOA 2021 list (approximate; see its basis). */
export function neighbourhoodAreaSet(n: { id: string; name: string; lsoa21: readonly { code: string }[] }): AreaSet {
  return areaSet(
    'neighbourhood',
    n.id,
    n.name,
    { type: 'list' },
    n.lsoa21.map((l) => l.code),
  );
}

/** The members added or removed one by one: the set becomes a `list` (its rule no longer says who is in). */
export function toggleMember(set: AreaSet, code: string): AreaSet {
  const has = set.lsoaCodes.includes(code);
  return {
    ...set,
    rule: { type: 'list' },
    lsoaCodes: has ? set.lsoaCodes.filter((c) => c !== code) : sortedUnique([...set.lsoaCodes, code]),
  };
}

/** Whether a point is inside a Polygon / MultiPolygon (even-odd over all rings, so holes are out). */
export function pointInGeometry(p: LonLat, g: Geometry): boolean {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polygons.some((rings) =>
    rings.reduce((inside, ring) => (pointInRing(p, ring as LonLat[]) ? !inside : inside), false),
  );
}

/** The code of the area whose boundary holds the point (a map click), or null. Bounding boxes first. */
export function areaAt(
  p: LonLat,
  areas: readonly { properties: { code: string }; geometry: Geometry }[],
): string | null {
  for (const a of areas) {
    const [w, s, e, n] = geometryBBox(a.geometry);
    if (p[0] < w || p[0] > e || p[1] < s || p[1] > n) continue;
    if (pointInGeometry(p, a.geometry)) return a.properties.code;
  }
  return null;
}

/** Venues by the LSOA whose boundary holds them: built once per data load, so profile() stays O(members). */
export function venuesByArea<V>(
  venues: readonly { geometry: { coordinates: number[] }; venue: V }[],
  areas: readonly { properties: { code: string }; geometry: Geometry }[],
): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const v of venues) {
    const [lon, lat] = v.geometry.coordinates;
    if (lon === undefined || lat === undefined) continue;
    const code = areaAt([lon, lat], areas);
    if (code) out.set(code, [...(out.get(code) ?? []), v.venue]);
  }
  return out;
}
