import { describe, expect, it } from 'vitest';
import { parseDecimal, parseInteger } from '../../../src/domain/decimal';
import { parseNumber } from '../../../src/domain/spi';
import { parseCsv } from '../../../scripts/pipeline/csv';
import { PipelineError } from '../../../scripts/pipeline/errors';
import { parseRelease } from '../../../scripts/pipeline/join-iod';
import { releaseEntry } from '../../../src/data/contract';
import { parseFiniteNumber, parseIntInRange } from '../../../scripts/pipeline/validate';

/** What JavaScript's Number() accepts but a person did not write as a decimal figure. */
const NOT_DECIMAL = [
  '0x1F',
  '0X1f',
  '0b101',
  '0o17',
  'Infinity',
  '-Infinity',
  'NaN',
  '',
  '   ',
  '1,234',
  '1_000',
  '12%',
  '1.2.3',
  '--1',
  '1e',
  'e3',
];

describe('one strict decimal syntax (src/domain/decimal.ts)', () => {
  it('accepts signed decimals, a bare fraction, surrounding spaces and an exponent', () => {
    expect(parseDecimal('12')).toBe(12);
    expect(parseDecimal(' 12 ')).toBe(12);
    expect(parseDecimal('-3.5')).toBe(-3.5);
    expect(parseDecimal('+.5')).toBe(0.5);
    expect(parseDecimal('1e3')).toBe(1000);
    expect(parseDecimal('1.2E-05')).toBe(0.000012);
  });

  it('rejects hex, Infinity, NaN, separators and units everywhere numbers are read', () => {
    for (const raw of NOT_DECIMAL) {
      expect(parseDecimal(raw), raw).toBeNull();
      expect(parseFiniteNumber(raw), raw).toBeUndefined();
      expect(parseIntInRange(raw, -1e9, 1e9), raw).toBeUndefined();
    }
    expect(parseInteger('7.5')).toBeNull();
    expect(parseInteger('1e3')).toBeNull();
    expect(parseIntInRange(' 7 ', 1, 10)).toBe(7);
  });

  it('pipeline: an IoD score of 0x1F is an error naming file, line and field', () => {
    const csv = [
      'lsoa11cd,lsoa11nm,lad13cd,imd_score,imd_rank,imd_decile',
      'E01999001,Synthetic 001A,E08999999,12.5,1,1',
      'E01999002,Synthetic 001B,E08999999,0x1F,2,10',
    ].join('\n');
    let error: unknown;
    try {
      parseRelease(parseCsv(csv, 'synthetic-iod.csv'), releaseEntry('2015'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PipelineError);
    expect((error as PipelineError).message).toBe(
      'synthetic-iod.csv, line 3 (E01999002), field imd_score: score "0x1F" is not a number',
    );
  });

  it('SPI parser reads numbers with the same syntax', () => {
    for (const raw of NOT_DECIMAL) expect(parseNumber(raw), raw).toBeNull();
    expect(parseNumber(' 61.25 ')).toBe(61.25);
  });
});
