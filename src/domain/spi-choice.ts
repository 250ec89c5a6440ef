import { findMeasure, SPI_OVERALL_ID, type SpiDataset } from './spi';

export interface SpiChoice {
  measure: string;
  year: number | null;
}

/**
 * The SPI measure and year the map shows, from what the URL asked for and what the data has: a
 * measure the framework lacks falls back to the overall index, a year the data lacks to its latest
 * year (a link may outlive the dataset it was made with).
 */
export function resolveSpiChoice(data: SpiDataset | null, measure: string | null, year: number | null): SpiChoice {
  const m = measure !== null && (data === null || findMeasure(data.framework, measure)) ? measure : SPI_OVERALL_ID;
  const latest = data?.years.at(-1) ?? null;
  const y = year !== null && data?.years.includes(year) ? year : latest;
  return { measure: m, year: y };
}
