import { INTERVENTION_TYPES, type InterventionProperties, type InterventionType } from '../data/content-contract';

export interface InterventionStyle {
  label: string;
  /** Okabe–Ito colours (colour-blind safe); each type also has its own shape, so colour is never alone. */
  colour: string;
  shape: 'circle' | 'square' | 'diamond' | 'triangle' | 'star' | 'pentagon' | 'hexagon' | 'cross' | 'ring';
}

export const INTERVENTION_STYLE: Record<InterventionType, InterventionStyle> = {
  community_hub: { label: 'Community hub', colour: '#0072B2', shape: 'circle' },
  library: { label: 'Library', colour: '#56B4E9', shape: 'square' },
  jobshop: { label: 'Jobshop', colour: '#009E73', shape: 'diamond' },
  taster_event: { label: 'NHS recruitment taster event', colour: '#D55E00', shape: 'triangle' },
  employability_programme: { label: 'Employability programme', colour: '#E69F00', shape: 'star' },
  core_team_project: { label: 'Core Team project', colour: '#CC79A7', shape: 'pentagon' },
  target_ward_project: { label: 'Priority ward project', colour: '#882255', shape: 'hexagon' },
  anchor_institution: { label: 'Anchor institution', colour: '#000000', shape: 'cross' },
  other: { label: 'Other activity', colour: '#666666', shape: 'ring' },
};

export interface InterventionFilter {
  types: ReadonlySet<InterventionType>;
  /** Inclusive year range; null = open. */
  fromYear: number | null;
  toYear: number | null;
  includeUndated: boolean;
}

export const ALL_TYPES_FILTER: InterventionFilter = {
  types: new Set(INTERVENTION_TYPES),
  fromYear: null,
  toYear: null,
  includeUndated: true,
};

function year(d: string | undefined): number | null {
  if (!d) return null;
  const y = Number.parseInt(d.slice(0, 4), 10);
  return Number.isFinite(y) ? y : null;
}

/** Whether an item was running at some time in the year range (an item with only a start runs from then on). */
export function matchesFilter(p: Pick<InterventionProperties, 'type' | 'start' | 'end'>, f: InterventionFilter): boolean {
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
