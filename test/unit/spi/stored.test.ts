import { describe, expect, it } from 'vitest';
import { parseSpiCsv, parseStoredSpi, spiFileSizeProblem, SPI_MAX_FILE_BYTES } from '../../../src/domain/spi';
import { fixture, SYNTHETIC_WARDS } from './helpers';

const valid = parseSpiCsv(fixture('synthetic-spi.csv'), SYNTHETIC_WARDS).data!;
/** Through JSON, as sessionStorage gives it back. */
const roundTrip = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('parseStoredSpi: a stored SPI dataset is used only when it has the right shape', () => {
  it('accepts what parseSpiCsv produced, after a JSON round trip', () => {
    expect(valid).not.toBeNull();
    expect(parseStoredSpi(roundTrip(valid))).toEqual(valid);
  });

  it('drops the shapes found in the wild and any damaged part', () => {
    const bad: unknown[] = [
      null,
      'text',
      [],
      { schemaVersion: 1, rows: [] },
      { ...valid, schemaVersion: 2 },
      { ...valid, rows: [] },
      { ...valid, years: [] },
      { ...valid, years: ['2023'] },
      { ...valid, framework: { overallLabel: 'x', dimensions: [] } },
      { ...valid, notes: [1] },
      { ...valid, source: undefined },
      { ...valid, rows: [{ ...valid.rows[0], scores: { spi: 140 } }] },
      { ...valid, rows: [{ ...valid.rows[0], scores: { spi: '50' } }] },
      { ...valid, rows: [{ ...valid.rows[0], year: 1850 }] },
      { ...valid, rows: [{ ...valid.rows[0], wardCode: 7 }] },
      { ...valid, rows: [{ ...valid.rows[0], text: { a: 1 } }] },
    ];
    for (const b of bad) expect(parseStoredSpi(roundTrip(b)), JSON.stringify(b).slice(0, 80)).toBeNull();
  });
});

describe('spiFileSizeProblem', () => {
  it('passes files up to the limit and names the size of larger ones', () => {
    expect(SPI_MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
    expect(spiFileSizeProblem('spi.csv', SPI_MAX_FILE_BYTES)).toBeNull();
    expect(spiFileSizeProblem('big.csv', 50 * 1024 * 1024)).toBe(
      'big.csv is 50.0 MB, larger than the 20.0 MB an SPI file may be (a ward SPI file is usually well under 1 MB): check that it is the right file.',
    );
  });
});
