/**
 * A custom area beside the ward or wards it overlaps, the council and England (issue 23). Every
 * local row is the same `profile()` of a set of LSOAs; England's row holds only what follows from
 * the definitions (10% of LSOAs in decile 1, 1% in the most deprived 1%, median rank (N + 1) / 2);
 * the rest is "not available" rather than invented.
 */
import type { ReleaseId } from '../../data/contract';
import { profile, type AreaProfile, type LsoaTable } from '../area-profile';
import { areaSet, type AreaSet } from '../area-set';

export interface ComparisonRow {
  label: string;
  kind: 'area' | 'ward' | 'council' | 'england';
  lsoas: number | null;
  /** Share of LSOAs in national IMD decile 1, 0–1. */
  shareDecile1: number | null;
  /** Share of LSOAs in the national most deprived 1%, 0–1. */
  share1pc: number | null;
  medianRank: number | null;
  /** Mid-2022 population; null when unknown for any member. */
  population: number | null;
  /** Children (the build's definition: 0–15 mid-2022 File 7, or 0–14 Census 2021) as a share of the population. */
  shareChildren: number | null;
}

function row(label: string, kind: ComparisonRow['kind'], p: AreaProfile): ComparisonRow {
  const known = p.people.lsoas > 0 && p.people.unknown === 0;
  return {
    label,
    kind,
    lsoas: p.lsoas,
    shareDecile1: p.lsoas > 0 ? p.decile1 / p.lsoas : null,
    share1pc: p.lsoas > 0 ? p.in1pc / p.lsoas : null,
    medianRank: p.medianRank,
    population: known ? p.people.population : null,
    shareChildren: known && p.people.population > 0 ? p.people.children / p.people.population : null,
  };
}

/** The wards the area's LSOAs lie in, most members first. */
export function overlappingWards(set: AreaSet, table: LsoaTable): { code: string; members: number }[] {
  const counts = new Map<string, number>();
  for (const code of set.lsoaCodes) {
    const w = table.get(code)?.['ward'];
    if (typeof w === 'string' && w !== '') counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts]
    .map(([code, members]) => ({ code, members }))
    .sort((a, b) => b.members - a.members || a.code.localeCompare(b.code));
}

export interface ComparisonInput {
  set: AreaSet;
  table: LsoaTable;
  release: ReleaseId;
  /** Ward code → name and its LSOA codes (in the table's vintage). */
  wards: ReadonlyMap<string, { name: string; lsoaCodes: readonly string[] }>;
  councilName: string;
  /** LSOAs in England in the release (metadata), null when unknown. */
  nationalCount: number | null;
}

export function comparisonRows(c: ComparisonInput): ComparisonRow[] {
  return comparisonTable(c)(c.set);
}

/**
 * The comparison for any area of one table: the ward, council and England rows depend only on the
 * table, so each is computed once and the same row object is given back on every edit (a keyed
 * list then redraws only the area's own row). `areaProfile`, when given, must be
 * `profile(set, table, release)`: the caller's own, so it is not computed twice.
 */
export function comparisonTable(
  c: Omit<ComparisonInput, 'set'>,
): (set: AreaSet, areaProfile?: AreaProfile) => ComparisonRow[] {
  const wardRows = new Map<string, ComparisonRow | null>();
  const wardRow = (code: string): ComparisonRow | null => {
    let r = wardRows.get(code);
    if (r === undefined) {
      const w = c.wards.get(code);
      r = w
        ? row(
            `${w.name} (ward)`,
            'ward',
            profile(areaSet('ward', code, w.name, { type: 'ward', ward: code }, w.lsoaCodes), c.table, c.release),
          )
        : null;
      wardRows.set(code, r);
    }
    return r;
  };
  let councilRow: ComparisonRow | null = null;
  const council = (): ComparisonRow => {
    councilRow ??= row(
      c.councilName,
      'council',
      profile(areaSet('custom', 'council', c.councilName, { type: 'list' }, c.table.keys()), c.table, c.release),
    );
    return councilRow;
  };
  const england: ComparisonRow = {
    label: 'England',
    kind: 'england',
    lsoas: c.nationalCount,
    shareDecile1: 0.1,
    share1pc: 0.01,
    medianRank: c.nationalCount === null ? null : (c.nationalCount + 1) / 2,
    population: null,
    shareChildren: null,
  };
  return (set, areaProfile) => {
    const rows = [row(set.label || 'This area', 'area', areaProfile ?? profile(set, c.table, c.release))];
    for (const { code } of overlappingWards(set, c.table)) {
      const w = wardRow(code);
      if (w) rows.push(w);
    }
    rows.push(council(), england);
    return rows;
  };
}
