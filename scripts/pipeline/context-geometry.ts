import { along, area, bboxClip, length, lineString } from '@turf/turf';
import type { Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { round } from './reproject';

export type BBox = [number, number, number, number];
export type Line = Position[];

/** The area's bounding box grown by `km` on every side (degrees of longitude shrink with latitude). */
export function bufferBBox(b: BBox, km: number): BBox {
  const dLat = km / 111.32;
  const dLon = km / (111.32 * Math.cos((((b[1] + b[3]) / 2) * Math.PI) / 180));
  return [round(b[0] - dLon, 5), round(b[1] - dLat, 5), round(b[2] + dLon, 5), round(b[3] + dLat, 5)];
}

export function inBBox([x, y]: readonly number[], b: BBox): boolean {
  return x !== undefined && y !== undefined && x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
}

function geometryBBox(g: Geometry): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as [number, number];
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  if (g.type !== 'GeometryCollection') visit(g.coordinates);
  return b;
}

function overlaps(a: BBox, b: BBox): boolean {
  return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}

/** The parts of a line geometry inside the box, as separate lines (a line leaving and re-entering gives two). */
export function clipLines(g: Geometry, box: BBox): Line[] {
  if (g.type !== 'LineString' && g.type !== 'MultiLineString') return [];
  if (!overlaps(geometryBBox(g), box)) return [];
  const clipped = bboxClip(g, box).geometry;
  const lines = clipped.type === 'LineString' ? [clipped.coordinates] : (clipped.coordinates as Line[]);
  return lines.filter((l) => l.length >= 2);
}

/** A polygon geometry cut to the box; null when nothing of it is inside. */
export function clipArea(g: Geometry, box: BBox): Polygon | MultiPolygon | null {
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') return null;
  if (!overlaps(geometryBBox(g), box)) return null;
  const polys = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
    .map((p) => bboxClip({ type: 'Polygon', coordinates: p }, box).geometry.coordinates as Position[][])
    .map((rings) => rings.filter((r) => r.length >= 4))
    .filter((rings) => rings.length > 0);
  if (polys.length === 0) return null;
  return polys.length === 1
    ? { type: 'Polygon', coordinates: polys[0]! }
    : { type: 'MultiPolygon', coordinates: polys };
}

/** Area in m² (geodesic), to drop polygons too small to see at city scale. */
export function areaM2(g: Polygon | MultiPolygon): number {
  return area(g);
}

const key = (p: Position): string => `${p[0]},${p[1]}`;

/**
 * Joins lines that meet end to end into longer lines (OSM splits a road into many ways, one per
 * change of speed limit or lanes): fewer, longer lines simplify better, cost fewer bytes and give room
 * for a road number. Greedy in input order, so the result is deterministic.
 */
export function mergeLines(lines: readonly Line[]): Line[] {
  const byEnd = new Map<string, number[]>();
  lines.forEach((l, i) => {
    for (const p of [l[0]!, l[l.length - 1]!]) {
      const k = key(p);
      byEnd.set(k, [...(byEnd.get(k) ?? []), i]);
    }
  });
  const used = new Set<number>();
  const take = (at: Position): Line | null => {
    for (const j of byEnd.get(key(at)) ?? []) {
      if (used.has(j)) continue;
      used.add(j);
      const l = lines[j]!;
      return key(l[0]!) === key(at) ? l : [...l].reverse();
    }
    return null;
  };
  const out: Line[] = [];
  lines.forEach((l, i) => {
    if (used.has(i)) return;
    used.add(i);
    let merged = [...l];
    for (let next = take(merged[merged.length - 1]!); next; next = take(merged[merged.length - 1]!))
      merged = merged.concat(next.slice(1));
    for (let prev = take(merged[0]!); prev; prev = take(merged[0]!))
      merged = [...prev].reverse().concat(merged.slice(1));
    out.push(merged);
  });
  return out;
}

/**
 * Points to print a road number at: along each line longer than `minKm`, one every `everyKm`, skipping
 * any within `spacingKm` of one already placed for the same number (dual carriageways run side by side).
 */
export function roadLabelPoints(
  lines: readonly Line[],
  opts: { minKm: number; everyKm: number; spacingKm: number },
): Position[] {
  const placed: Position[] = [];
  const near = (p: Position): boolean =>
    placed.some(
      (q) => Math.hypot((p[0]! - q[0]!) * Math.cos((p[1]! * Math.PI) / 180), p[1]! - q[1]!) * 111.32 < opts.spacingKm,
    );
  const ordered = [...lines].map((l) => ({ l, km: length(lineString(l)) })).sort((a, b) => b.km - a.km);
  for (const { l, km } of ordered) {
    if (km < opts.minKm) continue;
    const n = Math.max(1, Math.floor(km / opts.everyKm));
    for (let i = 0; i < n; i++) {
      const p = along(lineString(l), ((i + 0.5) * km) / n).geometry.coordinates;
      const r: Position = [round(p[0]!, 5), round(p[1]!, 5)];
      if (!near(r)) placed.push(r);
    }
  }
  return placed;
}
