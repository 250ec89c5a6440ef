import type { ContextPlace, ContextPlaceKind, ContextRoadLabel, RoadClass } from '../data/contract';

/**
 * The orientation toggle's label for the parts this council's context file has: roads and the rest
 * only where the OpenStreetMap extracts cover the council (West Yorkshire); place names everywhere.
 */
export function contextToggleLabel(parts: readonly string[]): string {
  return parts.includes('roads')
    ? 'Roads, rail, rivers, parks and place names'
    : 'Place names (towns, villages, neighbourhoods)';
}

/** One label the orientation layer may print: a place name or a road number. */
export interface ContextLabel {
  id: string;
  text: string;
  kind: ContextPlaceKind | 'road';
  /** Road class, for road numbers (styles the shield). */
  roadClass?: RoadClass;
  lon: number;
  lat: number;
  /** Lowest zoom the label is offered at. */
  minZoom: number;
  /** Lower = placed first when labels compete for room. */
  priority: number;
}

/**
 * From which zoom each kind is offered. Towns and villages from the area view (Leeds fits at about
 * zoom 10); neighbourhood (MSOA) names from mid zoom, when a ward is a few hundred pixels wide; road
 * numbers only where the roads themselves are far apart enough to tell which is which.
 */
export const MIN_ZOOM: Record<ContextPlaceKind, number> = { city: 8, town: 9, village: 9.8, neighbourhood: 11.8 };
export const ROAD_MIN_ZOOM: Record<RoadClass, number> = { motorway: 11, trunk: 11.5, primary: 12.5, secondary: 13.5 };
const KIND_RANK: Record<ContextPlaceKind, number> = { city: 0, town: 1, village: 2, neighbourhood: 3 };
const ROAD_RANK: Record<RoadClass, number> = { motorway: 0, trunk: 1, primary: 2, secondary: 3 };

/** Every label of the layer, highest priority first (bigger places first, then road numbers). */
export function contextLabels(places: readonly ContextPlace[], roads: readonly ContextRoadLabel[]): ContextLabel[] {
  const out: ContextLabel[] = [
    ...places.map((p, i) => ({
      id: `place-${i}`,
      text: p.name,
      kind: p.kind,
      lon: p.lon,
      lat: p.lat,
      minZoom: MIN_ZOOM[p.kind],
      // Within a kind, larger populations first (neighbourhoods have none and keep file order).
      priority: KIND_RANK[p.kind] * 1e7 - Math.min(p.pop ?? 0, 9_999_999),
    })),
    ...roads.map((r, i) => ({
      id: `road-${i}`,
      text: r.ref,
      kind: 'road' as const,
      roadClass: r.c,
      lon: r.lon,
      lat: r.lat,
      minZoom: ROAD_MIN_ZOOM[r.c],
      priority: 4e7 + ROAD_RANK[r.c] * 1e6 + i,
    })),
  ];
  return out.sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : 1));
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const GAP = 3;
const hits = (a: Rect, b: Rect): boolean =>
  a.left < b.right + GAP && a.right > b.left - GAP && a.top < b.bottom + GAP && a.bottom > b.top - GAP;

/**
 * Greedy decluttering: in priority order, a label is shown when its box overlaps neither an obstacle
 * (the ward labels, which always win) nor a label already shown, and lies inside the view.
 * Returns the ids shown.
 */
export function declutter(
  candidates: ReadonlyArray<{ id: string; rect: Rect }>,
  obstacles: readonly Rect[],
  view: Rect,
): Set<string> {
  const placed: Rect[] = [...obstacles];
  const shown = new Set<string>();
  for (const c of candidates) {
    const r = c.rect;
    if (r.left < view.left || r.top < view.top || r.right > view.right || r.bottom > view.bottom) continue;
    if (placed.some((p) => hits(r, p))) continue;
    placed.push(r);
    shown.add(c.id);
  }
  return shown;
}
