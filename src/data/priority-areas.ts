import type { CouncilContent } from './contract';
import type { PriorityNeighbourhood, PriorityWard } from './content-contract';

/**
 * The built council's priority wards and neighbourhoods (content/<LAD code>/priority-areas.json),
 * which reach the app inside metadata.json so one app build serves every council. Set once by
 * useCouncilContent() when the metadata loads, before the app renders; these are live ES module
 * bindings, so importers see the values set then. A council without content has none.
 */
export let PRIORITY_WARDS: readonly PriorityWard[] = [];
export let NEIGHBOURHOODS: readonly PriorityNeighbourhood[] = [];
export let PRIORITY_WARD_CODES: ReadonlySet<string> = new Set();

export function useCouncilContent(content: CouncilContent | null | undefined): void {
  PRIORITY_WARDS = content?.priorityWards ?? [];
  NEIGHBOURHOODS = content?.neighbourhoods ?? [];
  PRIORITY_WARD_CODES = new Set(PRIORITY_WARDS.map((w) => w.code));
}

/** The short note shown wherever a neighbourhood is named: always says it is approximate. */
export function neighbourhoodNote(n: PriorityNeighbourhood): string {
  const base = `approximate area: ${n.lsoa21.length} LSOA${n.lsoa21.length === 1 ? '' : 's'} of the ward in the most deprived 1% nationally in IoD 2015 (no official boundary is published).`;
  return n.sharedWardNote ? `${base} ${n.sharedWardNote}` : base;
}
