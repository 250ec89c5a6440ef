/**
 * standing.json: the council's standing in England, as published in IoD 2025 File 10 (local
 * authority district summaries, lower tier, v2). Written by scripts/pipeline/file10.ts, loaded on
 * demand by the council summary and the ward briefing (never by the first view).
 */
import { SEVEN_DOMAINS, type IndicatorId } from './releases';

/** The IMD and the seven domains, in File 10's order. */
export const STANDING_INDICATORS = ['imd', ...SEVEN_DOMAINS] as const satisfies readonly IndicatorId[];
export type StandingIndicator = (typeof STANDING_INDICATORS)[number];

/** The measures File 10 publishes; extent and local concentration for the IMD only, scale for income and employment. */
export const STANDING_MEASURES = [
  'averageScore',
  'averageRank',
  'proportionMostDeprived10',
  'extent',
  'localConcentration',
  'scale',
] as const;
export type StandingMeasure = (typeof STANDING_MEASURES)[number];

/** A published figure and its rank among England's districts (1 = most deprived). */
export interface PublishedFigure {
  value: number;
  rank: number;
}

export interface IndicatorStanding {
  indicator: StandingIndicator;
  /** Only the measures File 10 publishes for this indicator. */
  measures: Partial<Record<StandingMeasure, PublishedFigure>>;
}

export type CouncilStanding =
  | {
      available: true;
      area: { code: string; name: string };
      /** Districts File 10 ranks (296 for the 2024 districts). */
      districts: number;
      source: { title: string; file: string; publisher: string; downloadPage: string };
      indicators: IndicatorStanding[];
    }
  | { available: false; reason: string };
