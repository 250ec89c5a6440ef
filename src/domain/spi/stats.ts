/**
 * Leeds-wide statistics and ward scorecards over a parsed SPI dataset. Pure, browser-safe.
 *
 * Comparisons are within Leeds: each ward is set against the other wards with a score for the
 * same measure and year. Missing scores are left out of every statistic, never counted as 0.
 */

import { median } from '../../data/numeric';
import { findMeasure, listMeasures, type SpiDataset, type SpiMeasure } from './schema';

/** Ward code → score for one measure and year (wards without a score are absent): the choropleth input. */
export function measureValues(data: SpiDataset, measureId: string, year: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of data.rows) {
    const v = r.year === year ? r.scores[measureId] : undefined;
    if (v !== undefined) out.set(r.wardCode, v);
  }
  return out;
}

export type ScoreMark = 'strength' | 'weakness';

/** Fewest wards with a score for strengths/weaknesses to mean anything (with 3, "top quarter" is one ward of three). */
export const MIN_WARDS_FOR_MARKS = 4;

/**
 * THE STRENGTH / WEAKNESS RULE (relative to the other Leeds wards, same measure and year):
 *   k = round(n / 4), where n = wards with a score for that measure and year (33 wards → k = 8).
 *   strength: fewer than k wards score strictly higher, i.e. rank ≤ k — the top quarter of wards
 *             (ties share the better rank, so tied wards are marked alike);
 *   weakness: fewer than k wards score strictly lower — the bottom quarter.
 *   Neither when n < 4, or when both would hold (all wards equal).
 * Why a rank rule and not "X points above the median": components have very different spreads
 * across Leeds, so a fixed number of points would mark almost everything on a wide component and
 * nothing on a narrow one. The SPI Imperative's own scorecards likewise judge relative to peers.
 */
export function classifyScore(value: number, all: readonly number[]): ScoreMark | null {
  const n = all.length;
  if (n < MIN_WARDS_FOR_MARKS) return null;
  const k = Math.round(n / 4);
  const higher = all.filter((v) => v > value).length;
  const lower = all.filter((v) => v < value).length;
  const strong = higher < k;
  const weak = lower < k;
  if (strong && weak) return null;
  return strong ? 'strength' : weak ? 'weakness' : null;
}

export interface ScoreLine {
  measure: SpiMeasure;
  /** The ward's score; null when missing. */
  value: number | null;
  /** Leeds statistics over wards with a score (null if none). */
  median: number | null;
  min: number | null;
  max: number | null;
  /** value − median (null if either is missing). */
  vsMedian: number | null;
  /** 1 = highest score in Leeds; ties share the better rank. Null when value is missing. */
  rank: number | null;
  /** Wards with a score (the "of" in "rank 3 of 33"). */
  n: number;
  mark: ScoreMark | null;
}

export interface DimensionLine extends ScoreLine {
  components: ScoreLine[];
}

export interface WardScorecard {
  wardCode: string;
  wardName: string;
  year: number;
  note?: string;
  overall: ScoreLine;
  dimensions: DimensionLine[];
}

/** The ward's overall score, 3 dimensions and 12 components against Leeds; null if the ward has no row that year. */
export function wardScorecard(data: SpiDataset, wardCode: string, year: number): WardScorecard | null {
  const row = data.rows.find((r) => r.year === year && r.wardCode === wardCode);
  if (!row) return null;
  const yearRows = data.rows.filter((r) => r.year === year);
  const line = (measure: SpiMeasure): ScoreLine => {
    const all = yearRows.flatMap((r) => (r.scores[measure.id] === undefined ? [] : [r.scores[measure.id] as number]));
    const value = row.scores[measure.id] ?? null;
    const med = median(all);
    return {
      measure,
      value,
      median: med,
      min: all.length > 0 ? Math.min(...all) : null,
      max: all.length > 0 ? Math.max(...all) : null,
      vsMedian: value !== null && med !== null ? value - med : null,
      rank: value === null ? null : 1 + all.filter((v) => v > value).length,
      n: all.length,
      mark: value === null ? null : classifyScore(value, all),
    };
  };
  const measures = listMeasures(data.framework);
  const overallMeasure = measures[0] as SpiMeasure;
  const card: WardScorecard = {
    wardCode: row.wardCode,
    wardName: row.wardName,
    year,
    overall: line(overallMeasure),
    dimensions: data.framework.dimensions.map((d) => ({
      ...line(requireMeasure(data, d.id)),
      components: d.components.map((c) => line(requireMeasure(data, c.id))),
    })),
  };
  if (row.note !== undefined) card.note = row.note;
  return card;
}

/** Strength and weakness lines of a scorecard (dimensions and components), for a short summary. */
export function marked(card: WardScorecard, mark: ScoreMark): ScoreLine[] {
  return card.dimensions.flatMap((d) => [d, ...d.components]).filter((l) => l.mark === mark);
}

export interface MeasureChange {
  measure: SpiMeasure;
  from: number | null;
  to: number | null;
  /** to − from; null when either year is missing. Positive = more social progress. */
  change: number | null;
}

/** Change in every measure for one ward between two years (overall, dimensions, components in display order). */
export function wardChange(data: SpiDataset, wardCode: string, fromYear: number, toYear: number): MeasureChange[] {
  const a = data.rows.find((r) => r.year === fromYear && r.wardCode === wardCode);
  const b = data.rows.find((r) => r.year === toYear && r.wardCode === wardCode);
  return listMeasures(data.framework).map((measure) => {
    const from = a?.scores[measure.id] ?? null;
    const to = b?.scores[measure.id] ?? null;
    return { measure, from, to, change: from !== null && to !== null ? to - from : null };
  });
}

function requireMeasure(data: SpiDataset, id: string): SpiMeasure {
  const m = findMeasure(data.framework, id);
  if (!m) throw new Error(`unknown SPI measure '${id}'`);
  return m;
}
