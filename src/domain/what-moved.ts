/**
 * "What moved" for one LSOA 2021 (issue 24 item 1): each of the seven domains' national decile and
 * rank in two releases and the change in decile — only where the LSOA's boundary did not change
 * between 2011 and 2021 (ONS change code U), since otherwise the earlier figures describe another
 * area. Pure.
 */
import { valueKey, type ChangeCode, type IndicatorId, type ReleaseId } from '../data/contract';
import { INDICATOR_INFO } from './indicators';
import { describeDecileChange } from './profile';

/** The seven IoD domains, in the release table's display order. */
export const DOMAIN_IDS: readonly IndicatorId[] = INDICATOR_INFO.filter((i) => i.kind === 'domain').map((i) => i.id);

export interface Standing {
  decile: number;
  rank: number;
}

export interface DomainMove {
  indicator: IndicatorId;
  label: string;
  before: Standing | null;
  after: Standing | null;
  /** Decile after minus before: negative = moved towards decile 1 (relatively more deprived). Null when either is missing. */
  decileChange: number | null;
  /** The change in words ("2 deciles more deprived", "no change in decile", "not comparable"). */
  description: string;
}

export type WhatMoved =
  | {
      comparable: true;
      from: ReleaseId;
      to: ReleaseId;
      rows: DomainMove[];
      moreDeprived: string[];
      lessDeprived: string[];
      unchanged: number;
    }
  | { comparable: false; reason: string };

const CHANGE_WORDS: Record<Exclude<ChangeCode, 'U'>, string> = {
  S: 'it was split from a larger 2011 area',
  M: 'it was merged from several 2011 areas',
  X: 'its boundary was redrawn irregularly',
};

/** Why an LSOA 2021's earlier figures are not comparable, or null when they are. */
export function notComparableReason(chg: ChangeCode): string | null {
  if (chg === 'U') return null;
  return `This LSOA’s boundary changed between the 2011 and 2021 censuses (ONS change code “${chg}”: ${CHANGE_WORDS[chg]}), so its earlier figures describe a different area and no change by domain is given.`;
}

function standingOf(
  props: Readonly<Record<string, unknown>>,
  release: ReleaseId,
  indicator: IndicatorId,
): Standing | null {
  const d = props[valueKey(release, indicator, 'd')];
  const r = props[valueKey(release, indicator, 'r')];
  return typeof d === 'number' && typeof r === 'number' ? { decile: d, rank: r } : null;
}

/** Each domain's decile and rank in `from` and `to`, and what moved. */
export function whatMoved(
  props: Readonly<Record<string, unknown>> & { chg: ChangeCode },
  from: ReleaseId,
  to: ReleaseId,
): WhatMoved {
  const why = notComparableReason(props.chg);
  if (why) return { comparable: false, reason: why };
  const rows = DOMAIN_IDS.map((indicator): DomainMove => {
    const before = standingOf(props, from, indicator);
    const after = standingOf(props, to, indicator);
    const decileChange = before && after ? after.decile - before.decile : null;
    const label = INDICATOR_INFO.find((i) => i.id === indicator)?.label ?? indicator;
    return {
      indicator,
      label,
      before,
      after,
      decileChange,
      description: decileChange === null ? 'not published in both releases' : describeDecileChange(decileChange),
    };
  });
  const named = (sign: number) =>
    rows
      .filter((r) => r.decileChange !== null && Math.sign(r.decileChange) === sign)
      .map((r) => `${r.label} (${r.decileChange! > 0 ? '+' : '−'}${Math.abs(r.decileChange!)})`);
  return {
    comparable: true,
    from,
    to,
    rows,
    moreDeprived: named(-1),
    lessDeprived: named(1),
    unchanged: rows.filter((r) => r.decileChange === 0).length,
  };
}

/** The caveat every change view states: positions are relative, and the two releases rank different sets. */
export function ranksAreRelative(fromCount: number | null, toCount: number | null): string {
  const of = (n: number | null) => (n === null ? 'all LSOAs' : `${n.toLocaleString('en-GB')} LSOAs`);
  return `Ranks and deciles are relative: an LSOA can move because other areas changed more, without changing itself. The earlier release ranks ${of(fromCount)} (2011 areas), the later ${of(toCount)} (2021 areas).`;
}

/** One domain's counts over an area's comparable LSOAs: national most deprived 10% (decile 1) and 20% (deciles 1–2). */
export interface DomainCounts {
  indicator: IndicatorId;
  label: string;
  before: { in10: number; in20: number };
  after: { in10: number; in20: number };
}

export interface AreaWhatMoved {
  from: ReleaseId;
  to: ReleaseId;
  /** LSOAs whose boundary did not change (code U) and with every domain's decile in both releases. */
  comparable: number;
  /** The members that cannot be compared, each with why (boundary changed, or a decile missing). */
  notComparable: { code: string; name: string; why: string }[];
  rows: DomainCounts[];
}

/** Why the earlier release's scores cannot be weighted for an area: IoD 2019 publishes only ranks and deciles of the domains here. */
export const NO_EARLIER_SCORES =
  'Population-weighted domain scores are not compared: the IoD 2019 file in the sources has ranks and deciles of the domains but no domain scores (only the IMD’s, on 2011 areas), so the counts use deciles.';

/**
 * What moved across an area (a ward or your own area), domain by domain: how many of its comparable
 * LSOAs were in England's most deprived 10% and 20% in each release. Only unchanged LSOAs count, so
 * the same areas are compared; the others are listed with the reason.
 */
export function areaWhatMoved(
  lsoas: readonly Readonly<Record<string, unknown>>[],
  from: ReleaseId,
  to: ReleaseId,
): AreaWhatMoved {
  // The property names once per call, not per LSOA: an edit of a 500-LSOA area recounts every member.
  const keys = DOMAIN_IDS.map((indicator) => ({
    indicator,
    from: { d: valueKey(from, indicator, 'd'), r: valueKey(from, indicator, 'r') },
    to: { d: valueKey(to, indicator, 'd'), r: valueKey(to, indicator, 'r') },
  }));
  const published = (l: Readonly<Record<string, unknown>>, k: { d: string; r: string }) =>
    typeof l[k.d] === 'number' && typeof l[k.r] === 'number';
  const notComparable: AreaWhatMoved['notComparable'] = [];
  const comparable = lsoas.filter((l) => {
    const code = typeof l['code'] === 'string' ? l['code'] : '';
    const chg = typeof l['chg'] === 'string' ? l['chg'] : 'unknown';
    const changed = chg !== 'U';
    const missing = keys.some((k) => !published(l, k.from) || !published(l, k.to));
    if (changed || missing)
      notComparable.push({
        code,
        name: typeof l['name'] === 'string' ? l['name'] : code,
        why: changed
          ? `boundary changed in 2021 (ONS change code ${chg})`
          : `a domain decile is not published in both IoD ${from} and ${to}`,
      });
    return !changed && !missing;
  });
  const count = (decileKey: string) => {
    let in10 = 0;
    let in20 = 0;
    for (const l of comparable) {
      const d = l[decileKey];
      if (typeof d !== 'number') continue;
      if (d <= 1) in10++;
      if (d <= 2) in20++;
    }
    return { in10, in20 };
  };
  return {
    from,
    to,
    comparable: comparable.length,
    notComparable,
    rows: keys.map((k) => ({
      indicator: k.indicator,
      label: INDICATOR_INFO.find((i) => i.id === k.indicator)?.label ?? k.indicator,
      before: count(k.from.d),
      after: count(k.to.d),
    })),
  };
}
