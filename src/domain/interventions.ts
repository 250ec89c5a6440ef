import type { InterventionProperties, InterventionType } from '../data/content-contract';
import type { InterventionTypeDef } from '../data/council-folder';
import { COUNCIL, interventionType } from '../data/council';

/** How a type is drawn and named: from the council's vocabulary (council.json interventionTypes). */
export type InterventionStyle = Pick<InterventionTypeDef, 'label' | 'colour' | 'shape'>;

/** The style of a type of this council's vocabulary. */
export const typeStyle = (type: InterventionType): InterventionStyle => interventionType(type);

export interface InterventionFilter {
  types: ReadonlySet<InterventionType>;
  /** Inclusive year range; null = open. */
  fromYear: number | null;
  toYear: number | null;
  includeUndated: boolean;
}

/** Every type of the vocabulary, any year, undated included. */
export function allTypesFilter(
  types: readonly Pick<InterventionTypeDef, 'id'>[] = COUNCIL.interventionTypes,
): InterventionFilter {
  return { types: new Set(types.map((t) => t.id)), fromYear: null, toYear: null, includeUndated: true };
}

function year(d: string | undefined): number | null {
  if (!d) return null;
  const y = Number.parseInt(d.slice(0, 4), 10);
  return Number.isFinite(y) ? y : null;
}

/** Whether an item was running at some time in the year range (an item with only a start runs from then on). */
export function matchesFilter(
  p: Pick<InterventionProperties, 'type' | 'start' | 'end'>,
  f: InterventionFilter,
): boolean {
  if (!f.types.has(p.type)) return false;
  const start = year(p.start);
  const end = year(p.end) ?? (p.start ? Infinity : null);
  if (start === null && end === null) return f.includeUndated || (f.fromYear === null && f.toYear === null);
  if (f.toYear !== null && start !== null && start > f.toYear) return false;
  if (f.fromYear !== null && end !== null && end < f.fromYear) return false;
  return true;
}

/** Years that occur in the data, for the date filter's options. */
export function yearsIn(items: readonly Pick<InterventionProperties, 'start' | 'end'>[]): number[] {
  const ys = new Set<number>();
  for (const i of items) {
    for (const y of [year(i.start), year(i.end)]) if (y !== null) ys.add(y);
  }
  return [...ys].sort((a, b) => a - b);
}

export function formatDates(p: Pick<InterventionProperties, 'start' | 'end'>): string {
  if (!p.start && !p.end) return 'dates not stated in the source';
  if (p.start && p.end && p.start !== p.end) return `${p.start} to ${p.end}`;
  return p.start ?? p.end ?? '';
}
