/**
 * England and the council as yardsticks (issue 24 item 3): for each domain, a ward's
 * population-weighted score against the distribution of England's wards (the spine chart) and its
 * council's score by the same weights. Higher score = more deprived in every IoD domain. Pure.
 */
import { PROFILE_DOMAINS, type ProfileDomain } from '../data/england-wards-contract';
import type { NationalWard } from './ward-peers';

/** Quantile of numbers sorted ascending, linear between order statistics (R's type 7, numpy's default). */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return a + (h - lo) * (b - a);
}

/**
 * The share (0–100) of England's other wards with a lower score than this one: "more deprived than
 * P% of England's wards". Ties count half, so a ward in the middle of equal scores is not pushed up or down.
 */
export function englandPercentile(score: number, others: readonly number[]): number {
  if (others.length === 0) return Number.NaN;
  let below = 0;
  for (const s of others) below += s < score ? 1 : s === score ? 0.5 : 0;
  return (100 * below) / others.length;
}

export interface Spine {
  domain: ProfileDomain;
  /** England's wards with a score for this domain. */
  wards: number;
  min: number;
  p10: number;
  median: number;
  p90: number;
  max: number;
  ward: number;
  /** More deprived than this share (0–100) of England's other wards. */
  percentile: number;
  council: number | null;
}

/** One spine per domain: England's distribution, the ward's score and percentile, the council's score. */
export function spines(
  ward: NationalWard,
  england: readonly NationalWard[],
  council: Partial<Record<ProfileDomain, number | null>> | null,
): Spine[] {
  return PROFILE_DOMAINS.flatMap((domain, d): Spine[] => {
    const own = ward.scores[d];
    if (own === null || own === undefined) return [];
    const others = england
      .filter((w) => w.code !== ward.code)
      .map((w) => w.scores[d])
      .filter((s): s is number => s !== null && s !== undefined && Number.isFinite(s));
    const all = [...others, own].sort((a, b) => a - b);
    return [
      {
        domain,
        wards: all.length,
        min: all[0]!,
        p10: quantileOfSorted(all, 0.1),
        median: quantileOfSorted(all, 0.5),
        p90: quantileOfSorted(all, 0.9),
        max: all[all.length - 1]!,
        ward: own,
        percentile: englandPercentile(own, others),
        council: council?.[domain] ?? null,
      },
    ];
  });
}

/** Where a value sits on a spine's axis (min → 0, max → 1). */
export function spinePosition(s: Spine, v: number): number {
  return s.max > s.min ? (v - s.min) / (s.max - s.min) : 0.5;
}

/** A score as shown: 3 significant figures, English grouping. */
export function formatScore(v: number): string {
  return Number(v.toPrecision(3)).toLocaleString('en-GB');
}
