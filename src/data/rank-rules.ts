/**
 * The IoD figures derived from the published national ranks and deciles, defined once for the
 * pipeline (scripts/pipeline/join-iod.ts), the area files' derived fields (derived-fields.ts) and
 * the details file (contract.ts):
 * - local rank: position by national rank among the areas that have one (1 = most deprived in the
 *   area; national ranks are unique, so no ties), local decile = ceil(local rank × 10 / that count);
 * - the national flags: most deprived 1% = national rank ≤ floor(N / 100), 10% = national decile 1.
 */

export interface LocalRank {
  rank: number;
  decile: number;
}

/** Local rank and decile per position of `nationalRanks`; null where that area has no national rank. */
export function localRanks(nationalRanks: ReadonlyArray<number | null | undefined>): Array<LocalRank | null> {
  const ranked = nationalRanks.flatMap((r, i) => (typeof r === 'number' ? [{ r, i }] : []));
  ranked.sort((a, b) => a.r - b.r || a.i - b.i);
  const out: Array<LocalRank | null> = nationalRanks.map(() => null);
  ranked.forEach(({ i }, pos) => {
    out[i] = { rank: pos + 1, decile: Math.ceil(((pos + 1) * 10) / ranked.length) };
  });
  return out;
}

/** The largest national rank in the most deprived 1% of England: floor(N / 100). */
export function onePercentRank(nationalCount: number): number {
  return Math.floor(nationalCount / 100);
}

/** 1 when the national IMD rank is in the most deprived 1% of England, else 0. */
export function onePercentFlag(rank: number, nationalCount: number): 0 | 1 {
  return rank <= onePercentRank(nationalCount) ? 1 : 0;
}

/** 1 when the national IMD decile is 1 (the most deprived 10% of England), else 0. */
export function tenPercentFlag(decile: number): 0 | 1 {
  return decile === 1 ? 1 : 0;
}
