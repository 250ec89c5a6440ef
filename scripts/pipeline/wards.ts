import { wardSummaryKey, type ReleaseId } from '../../src/data/contract';
import { profile, type LsoaTable } from '../../src/domain/area-profile';
import { areaSet } from '../../src/domain/area-set';

export interface WardMember {
  code: string;
  ward: string;
}

/**
 * Per-ward counts from the ward's LSOAs, by the one area-set profile the app uses
 * (src/domain/area-profile.ts). `members` are the LSOAs with a ward and a national IMD rank and
 * decile in the release. Wards with no LSOA in a release get no keys for it (absent = unknown,
 * per the contract), never zeros.
 */
export function wardSummaries(
  release: ReleaseId,
  members: readonly WardMember[],
  table: LsoaTable,
): Map<string, Record<string, number>> {
  const byWard = new Map<string, string[]>();
  for (const m of members) byWard.set(m.ward, [...(byWard.get(m.ward) ?? []), m.code]);
  const out = new Map<string, Record<string, number>>();
  for (const [ward, codes] of byWard) {
    const p = profile(areaSet('ward', ward, ward, { type: 'ward', ward }, codes), table, release);
    out.set(ward, {
      [wardSummaryKey(release, 'n')]: p.lsoas,
      [wardSummaryKey(release, 'd1')]: p.decile1,
      [wardSummaryKey(release, 'd1s')]: p.decile1Share ?? 0,
      [wardSummaryKey(release, 'p1')]: p.in1pc,
      // Every member has a rank (see `members`), so the median exists.
      [wardSummaryKey(release, 'mr')]: p.medianRank ?? NaN,
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
