/**
 * The IoD summary measures of a set of LSOAs (a council, a ward, any area), as the English Indices
 * of Deprivation technical report defines them for its File 10 district summaries. Pure.
 *
 * - Every measure but the proportion is population-weighted.
 * - Rank measures use the reversed rank r' = N + 1 − rank (N = LSOAs in England, 33,755 for LSOA
 *   2021), so a higher value means more deprived, as File 10 publishes them.
 * - Extent weights each LSOA by its national percentile p = ⌈100 · rank / N⌉: 1 for p ≤ 10, then
 *   (31 − p) / 21 for p = 11 … 30 (the report's "sliding scale from 0.95 to 0.05"), 0 beyond. This
 *   step, rather than a weight falling continuously from 10% to 30%, is what reproduces File 10:
 *   Leeds with its File 7 populations gives 0.28491 (published 0.2849); the continuous weight gives
 *   0.28503 (test/integration/iod-measures.test.ts).
 * - Local concentration: the population-weighted mean of r' over the area's most deprived LSOAs that
 *   together hold exactly 10% of its population, the last LSOA taken in part.
 * - Scale (income, employment): the number of people deprived, Σ score × denominator, where the
 *   score is the domain's rate and the denominator its population (total; working age for
 *   employment). Only computable where both are known.
 *
 * A measure that cannot be computed says why (`{ missing }`), never 0.
 */

/** The method in plain words (About and the ward profile show it; the pipeline writes it to metadata.json). */
export const SUMMARY_MEASURES_METHOD =
  'IoD summary measures (as in IoD 2025 File 10 and its technical report): average score = population-weighted mean of the LSOA scores; average rank = population-weighted mean of the reversed national ranks r′ = N + 1 − rank (N = 33,755 LSOAs in England, so higher = more deprived); proportion = share of the area’s LSOAs in the most deprived 10% nationally; extent = population-weighted share in the most deprived 30%, LSOAs in the most deprived 10% counting fully and those in the 11th to 30th national percentiles from 20/21 down to 1/21; local concentration = population-weighted mean r′ of the area’s most deprived LSOAs holding exactly 10% of its people (the last one in part); scale = number of people income or employment deprived (rate × population). Weights are the total population, or the working-age population for the employment domain. Councils show File 10’s published figures; ward figures are computed here by the same method from the LSOA values and populations of this build.';

/** One LSOA as the measures need it; null = not known for this LSOA. */
export interface MeasureRow {
  /** The population weight (total population; working age for the employment domain). */
  population: number | null;
  /** The domain's (or IMD's) score as published. */
  score: number | null;
  /** National rank, 1 = most deprived in England. */
  rank: number | null;
}

/** A computed figure, or why there is none. */
export type Measured = { value: number } | { missing: string };

export function isMeasured(m: Measured): m is { value: number } {
  return 'value' in m;
}

/** The figure, or null when it is missing. */
export function measuredValue(m: Measured): number | null {
  return isMeasured(m) ? m.value : null;
}

const finite = (v: number | null): v is number => v !== null && Number.isFinite(v);

/** r' = N + 1 − rank: the most deprived LSOA in England gets N. */
export function reversedRank(rank: number, nationalCount: number): number {
  return nationalCount + 1 - rank;
}

/** Whether a rank is in the most deprived 10% nationally (national decile 1: rank ≤ N / 10). */
export function inMostDeprived10(rank: number, nationalCount: number): boolean {
  return rank * 10 <= nationalCount;
}

/** National percentile of a rank, 1 = the most deprived 1% of LSOAs. */
export function nationalPercentile(rank: number, nationalCount: number): number {
  return Math.ceil((rank * 100) / nationalCount);
}

/** The extent weight of an LSOA by its national rank (see the module comment). */
export function extentWeight(rank: number, nationalCount: number): number {
  const p = nationalPercentile(rank, nationalCount);
  if (p <= 10) return 1;
  if (p <= 30) return (31 - p) / 21;
  return 0;
}

type Need = 'population' | 'score' | 'rank';

const NEED_WORD: Record<Need, string> = { population: 'population', score: 'score', rank: 'national rank' };

/** Why the rows cannot give a measure that needs these fields, or null when they can. */
function whyMissing(rows: readonly MeasureRow[], needs: readonly Need[]): string | null {
  if (rows.length === 0) return 'no LSOAs in the area';
  for (const need of needs) {
    const unknown = rows.filter((r) => !finite(r[need])).length;
    if (unknown > 0) return `${NEED_WORD[need]} not known for ${unknown} of ${rows.length} LSOAs`;
  }
  if (needs.includes('population')) {
    const total = rows.reduce((s, r) => s + (r.population ?? 0), 0);
    if (!(total > 0)) return 'the area has no population';
    if (rows.some((r) => (r.population ?? 0) < 0)) return 'a population is negative';
  }
  return null;
}

interface Known {
  population: number;
  score: number;
  rank: number;
}

/** Rows with the needed fields known (whyMissing has returned null), missing fields as NaN. */
function known(rows: readonly MeasureRow[]): Known[] {
  return rows.map((r) => ({
    population: r.population ?? Number.NaN,
    score: r.score ?? Number.NaN,
    rank: r.rank ?? Number.NaN,
  }));
}

function weightedMean(rows: readonly Known[], value: (r: Known) => number): number {
  let num = 0;
  let den = 0;
  for (const r of rows) {
    num += r.population * value(r);
    den += r.population;
  }
  return num / den;
}

/** Σ population · score / Σ population. */
export function averageScore(rows: readonly MeasureRow[]): Measured {
  const why = whyMissing(rows, ['population', 'score']);
  return why ? { missing: why } : { value: weightedMean(known(rows), (r) => r.score) };
}

/** Σ population · r' / Σ population (higher = more deprived). */
export function averageRank(rows: readonly MeasureRow[], nationalCount: number): Measured {
  const why = whyMissing(rows, ['population', 'rank']);
  return why ? { missing: why } : { value: weightedMean(known(rows), (r) => reversedRank(r.rank, nationalCount)) };
}

/** Share of the area's LSOAs (not people) in the most deprived 10% nationally. */
export function proportionMostDeprived10(rows: readonly MeasureRow[], nationalCount: number): Measured {
  const why = whyMissing(rows, ['rank']);
  if (why) return { missing: why };
  const inTen = known(rows).filter((r) => inMostDeprived10(r.rank, nationalCount)).length;
  return { value: inTen / rows.length };
}

/** Σ population · extentWeight / Σ population: the share of people in the most deprived 30%, weighted. */
export function extent(rows: readonly MeasureRow[], nationalCount: number): Measured {
  const why = whyMissing(rows, ['population', 'rank']);
  return why ? { missing: why } : { value: weightedMean(known(rows), (r) => extentWeight(r.rank, nationalCount)) };
}

/** Population-weighted mean r' of the most deprived LSOAs holding exactly 10% of the area's people. */
export function localConcentration(rows: readonly MeasureRow[], nationalCount: number): Measured {
  const why = whyMissing(rows, ['population', 'rank']);
  if (why) return { missing: why };
  const all = known(rows);
  const target = all.reduce((s, r) => s + r.population, 0) / 10;
  let taken = 0;
  let num = 0;
  for (const r of [...all].sort((a, b) => a.rank - b.rank)) {
    const take = Math.min(r.population, target - taken);
    if (take <= 0) break;
    taken += take;
    num += take * reversedRank(r.rank, nationalCount);
  }
  return { value: num / taken };
}

/** One LSOA for a scale measure: the domain's rate and its population denominator. */
export interface ScaleRow {
  score: number | null;
  denominator: number | null;
}

/** Σ score × denominator: the number of people income (or employment) deprived. */
export function scale(rows: readonly ScaleRow[]): Measured {
  if (rows.length === 0) return { missing: 'no LSOAs in the area' };
  const noScore = rows.filter((r) => !finite(r.score)).length;
  if (noScore > 0) return { missing: `score not known for ${noScore} of ${rows.length} LSOAs` };
  const noDen = rows.filter((r) => !finite(r.denominator)).length;
  if (noDen > 0) return { missing: `population denominator not known for ${noDen} of ${rows.length} LSOAs` };
  return { value: rows.reduce((s, r) => s + (r.score ?? 0) * (r.denominator ?? 0), 0) };
}

/** The five LSOA-based measures File 10 publishes for the IMD (average score to local concentration). */
export interface SummaryMeasures {
  averageScore: Measured;
  averageRank: Measured;
  proportionMostDeprived10: Measured;
  extent: Measured;
  localConcentration: Measured;
}

export function summaryMeasures(rows: readonly MeasureRow[], nationalCount: number): SummaryMeasures {
  return {
    averageScore: averageScore(rows),
    averageRank: averageRank(rows, nationalCount),
    proportionMostDeprived10: proportionMostDeprived10(rows, nationalCount),
    extent: extent(rows, nationalCount),
    localConcentration: localConcentration(rows, nationalCount),
  };
}
