/**
 * A symbol per category of an imported list: the Okabe–Ito colours (colour-blind safe), each with
 * its own shape, so no two categories differ by colour alone. The eight most frequent categories
 * get their own symbol; the rest share a grey ring, named "other categories" in the legend.
 */
import type { InterventionStyle } from '../interventions';

export const CATEGORY_SYMBOLS: readonly Omit<InterventionStyle, 'label'>[] = [
  { colour: '#0072B2', shape: 'circle' },
  { colour: '#E69F00', shape: 'square' },
  { colour: '#009E73', shape: 'triangle' },
  { colour: '#CC79A7', shape: 'diamond' },
  { colour: '#D55E00', shape: 'star' },
  { colour: '#56B4E9', shape: 'hexagon' },
  { colour: '#882255', shape: 'pentagon' },
  { colour: '#000000', shape: 'cross' },
];
export const OTHER_CATEGORY_SYMBOL: Omit<InterventionStyle, 'label'> = { colour: '#666666', shape: 'ring' };

export interface CategorySymbol extends InterventionStyle {
  /** Index into CATEGORY_SYMBOLS, or -1 for the shared "other" symbol: names the map icon. */
  slot: number;
  count: number;
}

/** Categories by frequency (then name), each with its symbol; the legend lists them in this order. */
export function categorySymbols(categories: readonly string[]): CategorySymbol[] {
  const counts = new Map<string, number>();
  for (const c of categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return sorted.map(([label, count], i) => {
    const own = CATEGORY_SYMBOLS[i];
    return own ? { label, count, slot: i, ...own } : { label, count, slot: -1, ...OTHER_CATEGORY_SYMBOL };
  });
}

/** The key of the imported venues for an exported image: their categories' symbols, counts and placement note. */
export interface VenueMapKey {
  title: string;
  rows: readonly (InterventionStyle & { count: number })[];
  /** E.g. "Imported in this browser. 9 of 13 placed by postcode centroid — approximate." */
  note: string;
}

export function venueMapKey(
  symbols: readonly CategorySymbol[],
  venues: readonly { placedBy: string }[],
  listNames: readonly string[],
): VenueMapKey | null {
  if (venues.length === 0) return null;
  const approximate = venues.filter((v) => v.placedBy === 'postcode').length;
  return {
    title: `Venues from your lists: ${listNames.join(', ')}`,
    rows: symbols.map((s) => ({
      label: s.slot < 0 ? `${s.label} (other categories)` : s.label,
      colour: s.colour,
      shape: s.shape,
      count: s.count,
    })),
    note: `Imported in this browser, not published data.${approximate > 0 ? ` ${approximate} of ${venues.length} placed by postcode centroid — approximate.` : ''}`,
  };
}
