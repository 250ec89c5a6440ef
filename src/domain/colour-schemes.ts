import { scaleThreshold, type ScaleThreshold } from 'd3-scale';

/**
 * Every map colouring is one threshold scale over one numeric value, so the map's paint expression,
 * the legend and the table's class column all come from the same scale object and cannot disagree.
 */
export interface ColourScheme {
  id: string;
  title: string;
  /** Threshold scale: value < t[0] → range[0]; t[i-1] ≤ value < t[i] → range[i]. */
  scale: ScaleThreshold<number, string>;
  /** One label per colour class, in scale order. */
  labels: string[];
  /** Colour of "no data" (always drawn with a hatch pattern as well, so it never relies on colour). */
  noData: string;
  /** Index of the class that is "most deprived", for describing the scale in words. */
  mostIntense: 'first' | 'last';
}

/**
 * Viridis sampled at 10 steps (a perceptually uniform, colour-blind-safe sequential scheme),
 * darkest first so decile 1 (most deprived) is the most intense.
 */
export const DECILE_COLOURS = [
  '#440154',
  '#482878',
  '#3e4989',
  '#31688e',
  '#26828e',
  '#1f9e89',
  '#35b779',
  '#6ece58',
  '#b5de2b',
  '#fde725',
] as const;

export const QUINTILE_COLOURS = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;

/** Diverging purple–orange (colour-blind safe): purple = more deprived than before, orange = less. */
export const CHANGE_COLOURS = ['#542788', '#8073ac', '#b2abd2', '#f7f7f7', '#fdb863', '#e08214', '#b35806'] as const;

/** Single-hue sequential for shares of a ward's LSOAs (darker = larger share in decile 1). */
export const SHARE_COLOURS = ['#fff5eb', '#fdd0a2', '#fd8d3c', '#d94801', '#7f2704'] as const;

export const SPI_COLOURS = ['#b2182b', '#ef8a62', '#fddbc7', '#d1e5f0', '#67a9cf', '#2166ac'] as const;

export const NO_DATA_COLOUR = '#d9d9d9';

export function decileScheme(title: string): ColourScheme {
  return {
    id: 'decile',
    title,
    scale: scaleThreshold<number, string>()
      .domain([2, 3, 4, 5, 6, 7, 8, 9, 10])
      .range([...DECILE_COLOURS]),
    labels: DECILE_COLOURS.map((_, i) =>
      i === 0 ? '1 (most deprived 10%)' : i === 9 ? '10 (least deprived 10%)' : String(i + 1),
    ),
    noData: NO_DATA_COLOUR,
    mostIntense: 'first',
  };
}

export function localQuintileScheme(title: string): ColourScheme {
  return {
    id: 'quintile',
    title,
    scale: scaleThreshold<number, string>()
      .domain([2, 3, 4, 5])
      .range([...QUINTILE_COLOURS]),
    labels: ['1 (most deprived fifth)', '2', '3', '4', '5 (least deprived fifth)'],
    noData: NO_DATA_COLOUR,
    mostIntense: 'first',
  };
}

/** Decile change (later minus earlier): negative = moved towards decile 1 (more deprived). */
export function changeScheme(title: string): ColourScheme {
  return {
    id: 'change',
    title,
    scale: scaleThreshold<number, string>()
      .domain([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5])
      .range([...CHANGE_COLOURS]),
    labels: [
      '3 or more deciles more deprived',
      '2 deciles more deprived',
      '1 decile more deprived',
      'No change',
      '1 decile less deprived',
      '2 deciles less deprived',
      '3 or more deciles less deprived',
    ],
    noData: NO_DATA_COLOUR,
    mostIntense: 'first',
  };
}

/** Share of a ward's LSOAs in national decile 1 (0–1). */
export function shareScheme(title: string): ColourScheme {
  return {
    id: 'share',
    title,
    scale: scaleThreshold<number, string>()
      .domain([0.0005, 0.1, 0.25, 0.5])
      .range([...SHARE_COLOURS]),
    labels: ['None', 'Under 10%', '10% to under 25%', '25% to under 50%', '50% or more'],
    noData: NO_DATA_COLOUR,
    mostIntense: 'last',
  };
}

/** SPI score 0–100 (higher = more social progress). */
export function spiScheme(title: string): ColourScheme {
  return {
    id: 'spi',
    title,
    scale: scaleThreshold<number, string>()
      .domain([40, 50, 60, 70, 80])
      .range([...SPI_COLOURS]),
    labels: ['Under 40', '40 to under 50', '50 to under 60', '60 to under 70', '70 to under 80', '80 or more'],
    noData: NO_DATA_COLOUR,
    mostIntense: 'first',
  };
}

/** Class index of a value in a scheme (the same rule as d3's threshold scale and MapLibre's `step`). */
export function classIndex(scheme: ColourScheme, value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const colour = scheme.scale(value);
  return scheme.scale.range().indexOf(colour);
}
