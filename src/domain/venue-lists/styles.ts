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
