/**
 * The council's standing in England (IoD 2025 File 10, as published) and an area's own IMD summary
 * measures computed by the same method (iod-measures.ts), as rows and sentences for the council
 * summary, the ward profile and the briefing. Pure.
 */
import { valueKey } from '../data/contract';
import {
  STANDING_MEASURES,
  type CouncilStanding,
  type PublishedFigure,
  type StandingIndicator,
  type StandingMeasure,
} from '../data/standing-contract';
import { indicatorInfo } from './indicators';
import { isMeasured, summaryMeasures, type Measured, type MeasureRow, type SummaryMeasures } from './iod-measures';
import { numProp } from '../data/numeric';

export const MEASURE_LABEL: Record<StandingMeasure, string> = {
  averageScore: 'Average score',
  averageRank: 'Average rank (higher = more deprived)',
  proportionMostDeprived10: 'LSOAs in the most deprived 10% nationally',
  extent: 'Extent (people in the most deprived 30%, weighted)',
  localConcentration: 'Local concentration (its most deprived 10% of people)',
  scale: 'Scale (people deprived)',
};

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
}

// One formatter each, made once: toLocaleString with options builds a new formatter per call, and
// an area's measures are formatted again on every edit of your own area.
const PERCENT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const WHOLE = new Intl.NumberFormat('en-GB');
const SCORE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

/** A figure in the units File 10 publishes it, for reading (no rounding beyond the published one). */
export function formatFigure(measure: StandingMeasure, value: number): string {
  switch (measure) {
    case 'proportionMostDeprived10':
    case 'extent':
      return `${PERCENT.format(value * 100)}%`;
    case 'scale':
      return `${WHOLE.format(Math.round(value))} people`;
    case 'averageRank':
    case 'localConcentration':
      return WHOLE.format(Math.round(value));
    case 'averageScore':
      return SCORE.format(value);
    default: {
      const unreachable: never = measure;
      return unreachable;
    }
  }
}

export interface StandingCell {
  measure: StandingMeasure;
  label: string;
  value: string;
  /** "86th of 296". */
  rank: string;
}

export interface StandingRow {
  indicator: StandingIndicator;
  label: string;
  cells: StandingCell[];
}

/** The published figures, indicator by indicator, in the order File 10 lists its measures. */
export function standingRows(s: Extract<CouncilStanding, { available: true }>): StandingRow[] {
  return s.indicators.map((i) => ({
    indicator: i.indicator,
    label: indicatorInfo(i.indicator).label,
    cells: STANDING_MEASURES.flatMap((m) => {
      const f: PublishedFigure | undefined = i.measures[m];
      return f
        ? [
            {
              measure: m,
              label: MEASURE_LABEL[m],
              value: formatFigure(m, f.value),
              rank: `${ordinal(f.rank)} of ${s.districts}`,
            },
          ]
        : [];
    }),
  }));
}

/** The IMD figure a member asks first: the rank of the average score among England's districts. */
export function standingHeadline(s: Extract<CouncilStanding, { available: true }>): string {
  const imd = s.indicators.find((i) => i.indicator === 'imd')?.measures;
  const score = imd?.averageScore;
  if (!score) return `${s.area.name}: File 10 publishes no average IMD score for it.`;
  const extent = imd.extent ? `; ${ordinal(imd.extent.rank)} by extent` : '';
  const lc = imd.localConcentration ? `; ${ordinal(imd.localConcentration.rank)} by local concentration` : '';
  return `${s.area.name} is ${ordinal(score.rank)} of ${s.districts} districts in England by average IMD score (1st = most deprived)${extent}${lc}.`;
}

/** The headline with its source, as a line of text to publish under an embedded map. */
export function standingCaption(s: Extract<CouncilStanding, { available: true }>): string {
  return `${standingHeadline(s)} Source: ${s.source.title}, ${s.source.publisher}.`;
}

/**
 * The population weights an area's measures use, in order of preference: the mid-2022 denominators
 * MHCLG used (IoD 2025 File 7, `pop22`: Leeds), else Census 2021 usual residents (`c21pop`, the
 * people-contract key the England-wide builds carry). One source for the whole area, never mixed.
 */
export const WEIGHT_SOURCES = [
  { key: 'pop22', source: 'mid-2022 populations (IoD 2025 File 7)' },
  { key: 'c21pop', source: 'Census 2021 usual residents' },
] as const;

export interface AreaMeasureInput {
  rows: MeasureRow[];
  /** Which population weights them, in words; null when no source covers every LSOA. */
  weights: string | null;
}

/** What an area's LSOA properties give the measures for the IMD, IoD 2025. */
export function imdMeasureRows(lsoas: readonly Readonly<Record<string, unknown>>[]): AreaMeasureInput {
  const num = numProp;
  const source = WEIGHT_SOURCES.find((w) => lsoas.length > 0 && lsoas.every((l) => num(l, w.key) !== null));
  const key = source?.key ?? WEIGHT_SOURCES[0].key;
  const [scoreKey, rankKey] = [valueKey('2025', 'imd', 's'), valueKey('2025', 'imd', 'r')];
  return {
    rows: lsoas.map((l) => ({ population: num(l, key), score: num(l, scoreKey), rank: num(l, rankKey) })),
    weights: source?.source ?? null,
  };
}

/** The measures File 10 publishes for the IMD, in its order (scale is income/employment only). */
export const IMD_MEASURES = [
  'averageScore',
  'averageRank',
  'proportionMostDeprived10',
  'extent',
  'localConcentration',
] as const satisfies readonly (keyof SummaryMeasures & StandingMeasure)[];

export interface AreaMeasureRow {
  measure: (typeof IMD_MEASURES)[number];
  label: string;
  /** The area's own figure, or why there is none. */
  area: string;
  /** The council's published figure with its rank, or null when File 10 is not loaded. */
  council: string | null;
}

const areaText = (measure: StandingMeasure, m: Measured): string =>
  isMeasured(m) ? formatFigure(measure, m.value) : `not available: ${m.missing}`;

/** An area's IMD measures beside the council's published ones (when given), and the population that weights them. */
export function areaMeasureRows(
  lsoas: readonly Readonly<Record<string, unknown>>[],
  nationalCount: number,
  council: CouncilStanding | null,
): { rows: AreaMeasureRow[]; weights: string | null } {
  const input = imdMeasureRows(lsoas);
  const own = summaryMeasures(input.rows, nationalCount);
  const published = council?.available ? council.indicators.find((i) => i.indicator === 'imd')?.measures : undefined;
  const rows = IMD_MEASURES.map((m) => {
    const f = published?.[m];
    return {
      measure: m,
      label: MEASURE_LABEL[m],
      area: areaText(m, own[m]),
      council:
        council?.available && f ? `${formatFigure(m, f.value)} (${ordinal(f.rank)} of ${council.districts})` : null,
    };
  });
  return { rows, weights: input.weights };
}

/** The area's figures in one line (the printed briefing has room for no table): "Average score 31.2; … (weighted by …)". */
export function areaMeasuresSentence(measured: { rows: AreaMeasureRow[]; weights: string | null }): string {
  const parts = measured.rows.map(
    (r) => `${r.label.replace(/ \(.*\)$/, '')} ${r.area}${r.council ? ` (council ${r.council})` : ''}`,
  );
  return `${parts.join('; ')}.${measured.weights ? ` Weighted by ${measured.weights}.` : ''}`;
}
