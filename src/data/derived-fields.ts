/**
 * Fields of the area files (areas-2021.topojson, areas-2011.topojson) that the app works out on loading
 * instead of downloading, to keep the first view within its size budget:
 * - the flags `yNN_p1` (national IMD rank ≤ floor(N / 100)) and `yNN_p10` (national IMD decile 1);
 * - the local rank and decile (`_lr`, `_ld`) of each indicator of a release published on the file's LSOA
 *   vintage: position by national rank among the file's areas that have one (national ranks are unique),
 *   and ceil(local rank × 10 / that count).
 * These are the pipeline's own definitions (one implementation: src/data/rank-rules.ts). The pipeline leaves a field out
 * of a file only when deriveFields gives back exactly the stored values for every area (omitDerivable),
 * so what the app derives is what the pipeline computed; a field it could not reproduce stays stored.
 */
import { flagKey, valueKey, type ReleaseMetadata } from './contract';
import { numProp } from './numeric';
import { localRanks, onePercentFlag, tenPercentFlag } from './rank-rules';

export type DerivationRelease = Pick<ReleaseMetadata, 'id' | 'lsoaVintage' | 'nationalCount' | 'indicators'>;
type Props = Readonly<Record<string, unknown>>;
type Derived = Record<string, number>;

/** Every derivable field, per area (same order as `areas`); keys absent where the inputs are absent. */
function derivedFields(
  areas: readonly Props[],
  releases: readonly DerivationRelease[],
  vintage: DerivationRelease['lsoaVintage'],
): Derived[] {
  const out: Derived[] = areas.map(() => ({}));
  for (const rel of releases) {
    areas.forEach((p, i) => {
      const rank = p[valueKey(rel.id, 'imd', 'r')];
      const decile = p[valueKey(rel.id, 'imd', 'd')];
      const o = out[i];
      if (!o) return;
      if (typeof rank === 'number') o[flagKey(rel.id, 1)] = onePercentFlag(rank, rel.nationalCount);
      if (typeof decile === 'number') o[flagKey(rel.id, 10)] = tenPercentFlag(decile);
    });
    if (rel.lsoaVintage !== vintage) continue;
    for (const ind of rel.indicators) {
      const rankKey = valueKey(rel.id, ind, 'r');
      const local = localRanks(areas.map((p) => numProp(p, rankKey)));
      local.forEach((lr, i) => {
        const o = out[i];
        if (!o || !lr) return;
        o[valueKey(rel.id, ind, 'lr')] = lr.rank;
        o[valueKey(rel.id, ind, 'ld')] = lr.decile;
      });
    }
  }
  return out;
}

/**
 * The areas' properties with the derived fields filled in where the file left them out (a stored value
 * is never replaced). New objects; the input is not changed.
 */
export function deriveFields<P extends Props>(
  areas: readonly P[],
  releases: readonly DerivationRelease[],
  vintage: DerivationRelease['lsoaVintage'],
): P[] {
  const derived = derivedFields(areas, releases, vintage);
  return areas.map((p, i) => ({ ...derived[i], ...p }));
}

/**
 * The keys the pipeline may leave out of a file: those deriveFields reproduces exactly for every area —
 * the same value wherever the key is stored and no value where it is not.
 */
export function omittableKeys(
  areas: readonly Props[],
  releases: readonly DerivationRelease[],
  vintage: DerivationRelease['lsoaVintage'],
): Set<string> {
  const derived = derivedFields(areas, releases, vintage);
  const keys = new Set(derived.flatMap((d) => Object.keys(d)));
  for (const key of [...keys]) {
    if (!areas.every((p, i) => p[key] === derived[i]?.[key])) keys.delete(key);
  }
  return keys;
}

/** The areas' properties without the keys deriveFields will restore exactly on loading. */
export function omitDerivable(
  areas: readonly Props[],
  releases: readonly DerivationRelease[],
  vintage: DerivationRelease['lsoaVintage'],
): Array<Record<string, unknown>> {
  const omit = omittableKeys(areas, releases, vintage);
  return areas.map((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !omit.has(k))));
}
