/**
 * A priority neighbourhood edited in the atlas, as an entry for the council's content file
 * (content/<LAD code>/priority-areas.json, `neighbourhoods[]`), replacing the approximate default
 * (issue 23). Its `basis` says how it was made. Pure.
 *
 * The app knows each LSOA 2021's change code but not, for a split or merged area, the LSOA 2011 it
 * came from: `from` is the code itself for an unchanged LSOA, the default entry's `from` when the
 * LSOA was in the default list, and null otherwise (the council fills it from the ONS lookup).
 */
import type { PriorityNeighbourhood } from '../../data/content-contract';
import type { AreaSet } from '../area-set';

type Change = 'U' | 'S' | 'M' | 'X';

export type EditedNeighbourhoodEntry = Omit<
  PriorityNeighbourhood,
  'membership' | 'lsoa21' | 'lsoa11' | 'sharedWardNote'
> & {
  membership: 'edited';
  lsoa11: string[];
  lsoa21: { code: string; from: string | null; change: Change }[];
};

const isChange = (v: unknown): v is Change => v === 'U' || v === 'S' || v === 'M' || v === 'X';

export function neighbourhoodEntry(
  base: PriorityNeighbourhood,
  set: AreaSet,
  changeOf: (code: string) => unknown,
  editedOn: string,
): EditedNeighbourhoodEntry {
  const defaults = new Map(base.lsoa21.map((l) => [l.code, l]));
  const lsoa21 = set.lsoaCodes.map((code) => {
    const d = defaults.get(code);
    const c = changeOf(code);
    const change: Change = d?.change ?? (isChange(c) ? c : 'X');
    return { code, from: d?.from ?? (change === 'U' ? code : null), change };
  });
  const added = set.lsoaCodes.filter((c) => !defaults.has(c)).length;
  const removed = base.lsoa21.filter((l) => !set.lsoaCodes.includes(l.code)).length;
  return {
    id: base.id,
    name: base.name,
    reportNames: base.reportNames,
    ward: base.ward,
    lsoa11: [...new Set(lsoa21.flatMap((l) => (l.from ? [l.from] : [])))].sort(),
    lsoa21,
    membership: 'edited',
    basis: `Edited in Neighbourhood Atlas on ${editedOn} from the approximate default (${base.lsoa21.length} LSOAs: ${added} added, ${removed} removed; ${set.lsoaCodes.length} LSOA 2021 now), chosen by ${set.rule.type === 'polygon' ? 'a drawn shape (an LSOA counts when its population-weighted centre is inside)' : set.rule.type === 'radius' ? `a straight-line distance of ${set.rule.radiusM} m from a point (by population-weighted centre)` : 'hand'}. The council should confirm it before publishing. Default basis was: ${base.basis}`,
    ...(base.note ? { note: base.note } : {}),
    sources: base.sources,
  };
}
