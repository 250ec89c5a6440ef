import { describe, expect, it } from 'vitest';
import { resolveSpiChoice } from '../../../src/domain/spi-choice';
import { DEFAULT_SPI_FRAMEWORK, SPI_OVERALL_ID, type SpiDataset } from '../../../src/domain/spi';

// Synthetic: two years, no rows (the choice depends only on the framework and the years).
const data: SpiDataset = {
  schemaVersion: 1,
  framework: DEFAULT_SPI_FRAMEWORK,
  years: [2021, 2023],
  indicatorColumns: [],
  notes: [],
  source: 'synthetic-test.csv',
  rows: [],
};
const dimension = DEFAULT_SPI_FRAMEWORK.dimensions[0]!.id;

describe('resolveSpiChoice', () => {
  it('keeps a measure and year the data has', () => {
    expect(resolveSpiChoice(data, dimension, 2021)).toEqual({ measure: dimension, year: 2021 });
  });
  it('defaults to the overall index and the latest year', () => {
    expect(resolveSpiChoice(data, null, null)).toEqual({ measure: SPI_OVERALL_ID, year: 2023 });
  });
  it('falls back when the link names a measure or year the data lacks', () => {
    expect(resolveSpiChoice(data, 'not-a-measure', 1999)).toEqual({ measure: SPI_OVERALL_ID, year: 2023 });
  });
  it('without data keeps the asked-for measure and has no year', () => {
    expect(resolveSpiChoice(null, dimension, 2021)).toEqual({ measure: dimension, year: null });
  });
});
