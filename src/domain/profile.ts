import {
  RELEASES_OLDEST_FIRST,
  flagKey,
  valueKey,
  wardSummaryKey,
  type DataMetadata,
  type IndicatorId,
  type LsoaProperties,
  type ReleaseId,
  type WardProperties,
} from '../data/contract';
import { INDICATOR_INFO, indicatorsIn } from './indicators';
import { numProp } from '../data/numeric';

export interface IndicatorRow {
  indicator: IndicatorId;
  label: string;
  subdomain: boolean;
  decile: number | null;
  rank: number | null;
  localRank: number | null;
  score: number | null;
}

const num = numProp;

export function nationalCount(meta: DataMetadata, release: ReleaseId): number | null {
  return meta.releases.find((r) => r.id === release)?.nationalCount ?? null;
}

export function areaCount(meta: DataMetadata, release: ReleaseId): number {
  return meta.releases.find((r) => r.id === release)?.areaCount ?? 0;
}

/** Every indicator the release publishes, with this LSOA's values (null = not published for it). */
export function indicatorRows(props: LsoaProperties, release: ReleaseId): IndicatorRow[] {
  const available = new Set(indicatorsIn(release));
  return INDICATOR_INFO.filter((i) => available.has(i.id)).map((i) => ({
    indicator: i.id,
    label: i.label,
    subdomain: i.kind === 'subdomain' || i.kind === 'supplementary',
    decile: num(props, valueKey(release, i.id, 'd')),
    rank: num(props, valueKey(release, i.id, 'r')),
    localRank: num(props, valueKey(release, i.id, 'lr')),
    score: num(props, valueKey(release, i.id, 's')),
  }));
}

export type FlagLevel = '1%' | '10%' | null;

export function deprivationFlag(props: Record<string, unknown>, release: ReleaseId): FlagLevel {
  if (props[flagKey(release, 1)] === 1) return '1%';
  if (props[flagKey(release, 10)] === 1) return '10%';
  return null;
}

export interface ChangeSummary {
  comparable: boolean;
  /** IMD national deciles by release, where published on this same area. */
  deciles: Partial<Record<ReleaseId, number>>;
  ranks: Partial<Record<ReleaseId, number>>;
  change19to25: number | null;
  change15to25: number | null;
}

/** Change is only meaningful where the LSOA's boundary did not change between 2011 and 2021 ('U'). */
export function changeSummary(props: LsoaProperties): ChangeSummary {
  const deciles: Partial<Record<ReleaseId, number>> = {};
  const ranks: Partial<Record<ReleaseId, number>> = {};
  for (const r of RELEASES_OLDEST_FIRST) {
    const d = num(props, valueKey(r, 'imd', 'd'));
    const rk = num(props, valueKey(r, 'imd', 'r'));
    if (d !== null) deciles[r] = d;
    if (rk !== null) ranks[r] = rk;
  }
  return {
    comparable: props.chg === 'U',
    deciles,
    ranks,
    change19to25: num(props, 'dchg_19_25'),
    change15to25: num(props, 'dchg_15_25'),
  };
}

/** Describes a decile change in words: negative means more deprived. */
export function describeDecileChange(change: number | null): string {
  if (change === null) return 'not comparable';
  if (change === 0) return 'no change in decile';
  const n = Math.abs(change);
  return `${n} decile${n === 1 ? '' : 's'} ${change < 0 ? 'more' : 'less'} deprived`;
}

/** How many of a set of LSOAs fall in each national decile (index 0 = decile 1) of an indicator. */
export function decileDistribution(
  lsoas: readonly LsoaProperties[],
  release: ReleaseId,
  indicator: IndicatorId,
): { counts: number[]; missing: number } {
  const counts = Array.from({ length: 10 }, () => 0);
  let missing = 0;
  for (const p of lsoas) {
    const d = num(p, valueKey(release, indicator, 'd'));
    if (d === null || d < 1 || d > 10) missing++;
    else counts[d - 1] = (counts[d - 1] ?? 0) + 1;
  }
  return { counts, missing };
}

export interface WardSummary {
  lsoas: number | null;
  decile1: number | null;
  decile1Share: number | null;
  mostDeprived1pc: number | null;
  medianRank: number | null;
}

export function wardSummary(props: WardProperties, release: ReleaseId): WardSummary {
  const p = props as Record<string, unknown>;
  return {
    lsoas: num(p, wardSummaryKey(release, 'n')),
    decile1: num(p, wardSummaryKey(release, 'd1')),
    decile1Share: num(p, wardSummaryKey(release, 'd1s')),
    mostDeprived1pc: num(p, wardSummaryKey(release, 'p1')),
    medianRank: num(p, wardSummaryKey(release, 'mr')),
  };
}

export function formatRank(rank: number | null, of: number | null): string {
  if (rank === null) return 'not published';
  return of === null
    ? `rank ${rank.toLocaleString('en-GB')}`
    : `rank ${rank.toLocaleString('en-GB')} of ${of.toLocaleString('en-GB')}`;
}

export function formatShare(share: number | null): string {
  return share === null ? 'not available' : `${Math.round(share * 100)}%`;
}
