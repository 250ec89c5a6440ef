/** The LSOA 2021 details file (areas-2021-details.json, GEO_FILES.details2021): its format and its two directions. */
import type { IodValues } from './contract';
import { localRanks } from './rank-rules';

/**
 * areas-2021-details.json: column-wise because that is far smaller gzipped than one object per LSOA.
 * `columns[key][i]` is the value for `codes[i]`; null = absent.
 * `localRanks` lists value-key stems (`y25_inc`) whose local rank and decile (`_lr`, `_ld`) are not
 * stored but derived from the national rank column (`_r`) by expandDetails, exactly as the pipeline
 * computes them: local rank = position by national rank among the codes that have one (national
 * ranks are unique), local decile = ceil(local rank × 10 / that count). That keeps the three
 * releases within their size budget.
 */
export interface AreaDetails {
  codes: string[];
  columns: Record<string, Array<number | null>>;
  localRanks?: string[];
}

function deriveLocalRanks(details: AreaDetails, stem: string): Record<string, Array<number | null>> {
  const local = localRanks(details.columns[`${stem}_r`] ?? details.codes.map(() => null));
  return { [`${stem}_lr`]: local.map((l) => l?.rank ?? null), [`${stem}_ld`]: local.map((l) => l?.decile ?? null) };
}

/**
 * The details file for a set of LSOAs' detail values: local ranks and deciles of the `derivable`
 * stems are left out when expandDetails would derive the very same numbers (checked, so a stem
 * whose local ranks were computed another way keeps its stored columns).
 */
export function compactDetails(
  codes: string[],
  values: ReadonlyMap<string, IodValues>,
  derivable: readonly string[],
): AreaDetails {
  const keys = [...new Set([...values.values()].flatMap((v) => Object.keys(v)))].sort();
  const columns = Object.fromEntries(keys.map((k) => [k, codes.map((c) => values.get(c)?.[k] ?? null)]));
  const localRanks = derivable.filter((stem) => {
    const derived = deriveLocalRanks({ codes, columns }, stem);
    return Object.entries(derived).every(([k, col]) => k in columns && col.every((v, i) => v === columns[k]?.[i]));
  });
  for (const stem of localRanks) {
    delete columns[`${stem}_lr`];
    delete columns[`${stem}_ld`];
  }
  return localRanks.length > 0 ? { codes, columns, localRanks } : { codes, columns };
}

/** LSOA code → the detail values to merge into that feature's properties (absent values left out). */
export function expandDetails(details: AreaDetails): Map<string, IodValues> {
  const out = new Map<string, IodValues>(details.codes.map((c) => [c, {}]));
  const derived = (details.localRanks ?? []).map((stem) => deriveLocalRanks(details, stem));
  for (const columns of [details.columns, ...derived]) {
    for (const [key, column] of Object.entries(columns)) {
      column.forEach((v, i) => {
        const code = details.codes[i];
        const target = code === undefined ? undefined : out.get(code);
        if (target && v !== null) target[key] = v;
      });
    }
  }
  return out;
}
