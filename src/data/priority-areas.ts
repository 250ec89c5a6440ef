import raw from '../../content/priority-areas.json';
import type { PriorityAreasFile, PriorityNeighbourhood, PriorityWard } from './content-contract';

const file = raw as unknown as PriorityAreasFile;

export const PRIORITY_WARDS: readonly PriorityWard[] = file.priorityWards;
export const NEIGHBOURHOODS: readonly PriorityNeighbourhood[] = file.neighbourhoods;
export const PRIORITY_WARD_CODES: ReadonlySet<string> = new Set(PRIORITY_WARDS.map((w) => w.code));

/** The short note shown wherever a neighbourhood is named: always says it is approximate. */
export function neighbourhoodNote(n: PriorityNeighbourhood): string {
  const base = `approximate area: ${n.lsoa21.length} LSOA${n.lsoa21.length === 1 ? '' : 's'} of the ward in the most deprived 1% nationally in IoD 2015 (no official boundary is published).`;
  return n.sharedWardNote ? `${base} ${n.sharedWardNote}` : base;
}
