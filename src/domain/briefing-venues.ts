/**
 * The person's imported venues on a briefing's SVG map: each venue inside the map frame as a mark
 * with its category's shape and colour (the same symbols as the map layer and the panel's key), the
 * key of the categories drawn with their counts, and how many marks stand at a postcode centroid
 * (approximate). Pure: the briefing passes its own projection.
 */
import type { InterventionStyle } from './interventions';
import type { CategorySymbol } from './venue-lists/styles';
import type { ImportedVenue } from './venue-lists/place';

export interface BriefingVenueMark {
  id: string;
  name: string;
  x: number;
  y: number;
  style: InterventionStyle;
  approximate: boolean;
}

export interface BriefingVenues {
  marks: BriefingVenueMark[];
  /** The categories drawn, in the panel key's order, with how many of their venues are on this map. */
  key: (InterventionStyle & { count: number })[];
  /** Marks placed at a postcode's centroid: approximate positions. */
  approximate: number;
  /** The names of the lists drawn (imported in this browser; not published data). */
  lists: string[];
}

export interface BriefingVenueInput {
  venue: ImportedVenue;
  listName: string;
}

export const NO_BRIEFING_VENUES: BriefingVenues = { marks: [], key: [], approximate: 0, lists: [] };

export function briefingVenues(
  venues: readonly BriefingVenueInput[],
  symbols: readonly CategorySymbol[],
  project: (lonLat: [number, number]) => [number, number],
  size: { width: number; height: number },
): BriefingVenues {
  const style = new Map(symbols.map((s) => [s.label, s]));
  const marks: BriefingVenueMark[] = [];
  const lists = new Set<string>();
  for (const { venue: v, listName } of venues) {
    const s = style.get(v.category);
    const [x, y] = project(v.lonLat);
    if (!s || x < 0 || y < 0 || x > size.width || y > size.height) continue;
    lists.add(listName);
    marks.push({ id: v.id, name: v.name, x, y, style: s, approximate: v.placedBy === 'postcode' });
  }
  const count = new Map<string, number>();
  for (const m of marks) count.set(m.style.label, (count.get(m.style.label) ?? 0) + 1);
  const key = symbols
    .filter((s) => count.has(s.label))
    .map((s) => ({ label: s.label, colour: s.colour, shape: s.shape, count: count.get(s.label) ?? 0 }));
  return { marks, key, approximate: marks.filter((m) => m.approximate).length, lists: [...lists] };
}
