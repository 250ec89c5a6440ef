import { wardSummaryKey, type ReleaseId } from '../../src/data/contract';

export interface WardMember {
  ward: string;
  /** National IMD rank, decile and the 1% flag of the LSOA in this release. */
  rank: number;
  decile: number;
  p1: number;
}

export function median(sorted: number[]): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const mid = Math.floor(n / 2);
  return n % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}

/**
 * Per-ward counts from the ward's LSOAs. Wards with no LSOA in a release get no keys for it
 * (absent = unknown, per the contract), never zeros.
 */
export function wardSummaries(release: ReleaseId, members: WardMember[]): Map<string, Record<string, number>> {
  const byWard = new Map<string, WardMember[]>();
  for (const m of members) {
    const list = byWard.get(m.ward) ?? [];
    list.push(m);
    byWard.set(m.ward, list);
  }
  const out = new Map<string, Record<string, number>>();
  for (const [ward, list] of byWard) {
    const n = list.length;
    const d1 = list.filter((m) => m.decile === 1).length;
    const p1 = list.filter((m) => m.p1 === 1).length;
    const ranks = list.map((m) => m.rank).sort((a, b) => a - b);
    out.set(ward, {
      [wardSummaryKey(release, 'n')]: n,
      [wardSummaryKey(release, 'd1')]: d1,
      [wardSummaryKey(release, 'd1s')]: Math.round((d1 / n) * 1000) / 1000,
      [wardSummaryKey(release, 'p1')]: p1,
      [wardSummaryKey(release, 'mr')]: median(ranks),
    });
  }
  return out;
}

/** Most common ward among successors; ties → lowest code, so the choice is reproducible. */
export function modalWard(wards: string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const w of wards) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [w, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (c > bestCount) {
      best = w;
      bestCount = c;
    }
  }
  return best;
}
