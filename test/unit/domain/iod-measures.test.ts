import { describe, expect, it } from 'vitest';
import {
  averageRank,
  averageScore,
  extent,
  extentWeight,
  inMostDeprived10,
  localConcentration,
  measuredValue,
  proportionMostDeprived10,
  reversedRank,
  scale,
  summaryMeasures,
  type Measured,
  type MeasureRow,
} from '../../../src/domain/iod-measures';

/**
 * Synthetic areas in a synthetic "England" of N = 100 LSOAs (so a rank is its own percentile),
 * worked by hand:
 *
 *   A pop 100, score 50, rank  5 → r' 96, percentile  5, extent weight 1
 *   B pop 200, score 30, rank 15 → r' 86, percentile 15, weight (31 − 15)/21 = 16/21
 *   C pop 300, score 10, rank 40 → r' 61, percentile 40, weight 0
 *   D pop 400, score 20, rank 25 → r' 76, percentile 25, weight 6/21
 *
 *   average score = (5000 + 6000 + 3000 + 8000) / 1000 = 22
 *   average rank  = (9600 + 17200 + 18300 + 30400) / 1000 = 75.5
 *   proportion in the 10% = 1 of 4 LSOAs = 0.25 (A; not population-weighted)
 *   extent = (100 + 200·16/21 + 400·6/21) / 1000 = (100 + 5600/21) / 1000 = 11/30
 *   local concentration: 10% of 1000 = 100 people = A exactly → 96
 */
const N = 100;
const AREA: MeasureRow[] = [
  { population: 100, score: 50, rank: 5 },
  { population: 200, score: 30, rank: 15 },
  { population: 300, score: 10, rank: 40 },
  { population: 400, score: 20, rank: 25 },
];

const value = (m: Measured): number => {
  const v = measuredValue(m);
  if (v === null) throw new Error(`expected a value, got missing: ${'missing' in m ? m.missing : ''}`);
  return v;
};

describe('IoD summary measures on hand-worked data', () => {
  it('average score and average rank are population-weighted, ranks reversed', () => {
    expect(value(averageScore(AREA))).toBeCloseTo(22, 12);
    expect(value(averageRank(AREA, N))).toBeCloseTo(75.5, 12);
    expect(reversedRank(1, 33755)).toBe(33755);
    expect(reversedRank(33755, 33755)).toBe(1);
  });

  it('the proportion counts LSOAs, not people', () => {
    expect(value(proportionMostDeprived10(AREA, N))).toBe(0.25);
  });

  it('extent weights the 11th–30th percentiles from 20/21 down to 1/21', () => {
    expect(value(extent(AREA, N))).toBeCloseTo(11 / 30, 12);
  });

  it('local concentration takes the most deprived LSOAs holding exactly 10% of the people', () => {
    expect(value(localConcentration(AREA, N))).toBeCloseTo(96, 12);
  });

  it('local concentration takes the last LSOA in part', () => {
    // 10% of 1000 = 100: all 50 of A (r' 96) and 50 of B's 200 (r' 86) → (4800 + 4300) / 100 = 91.
    const rows: MeasureRow[] = [
      { population: 750, score: 1, rank: 40 },
      { population: 200, score: 1, rank: 15 },
      { population: 50, score: 1, rank: 5 },
    ];
    expect(value(localConcentration(rows, N))).toBeCloseTo(91, 12);
  });

  it('national decile 1 and the extent steps at the real N = 33,755', () => {
    const n = 33755;
    expect(inMostDeprived10(3375, n)).toBe(true);
    expect(inMostDeprived10(3376, n)).toBe(false);
    expect(extentWeight(3375, n)).toBe(1);
    expect(extentWeight(3376, n)).toBeCloseTo(20 / 21, 12);
    expect(extentWeight(6751, n)).toBeCloseTo(11 / 21, 12); // exactly the 20th percentile
    expect(extentWeight(10126, n)).toBeCloseTo(1 / 21, 12);
    expect(extentWeight(10127, n)).toBe(0);
  });

  it('scale is the number of people deprived: Σ rate × denominator', () => {
    expect(
      value(
        scale([
          { score: 0.1, denominator: 1000 },
          { score: 0.2, denominator: 500 },
        ]),
      ),
    ).toBeCloseTo(200, 9);
  });

  it('summaryMeasures gives all five at once', () => {
    const s = summaryMeasures(AREA, N);
    expect(Object.values(s).map(value)).toEqual([22, 75.5, 0.25, expect.closeTo(11 / 30, 12), 96]);
  });
});

describe('a measure that cannot be computed says why', () => {
  it('an empty area', () => {
    expect(averageScore([])).toEqual({ missing: 'no LSOAs in the area' });
    expect(scale([])).toEqual({ missing: 'no LSOAs in the area' });
  });

  it('an LSOA without a population: population-weighted measures are missing, the proportion is not', () => {
    const rows: MeasureRow[] = [...AREA.slice(1), { population: null, score: 50, rank: 5 }];
    expect(averageScore(rows)).toEqual({ missing: 'population not known for 1 of 4 LSOAs' });
    expect(extent(rows, N)).toEqual({ missing: 'population not known for 1 of 4 LSOAs' });
    expect(localConcentration(rows, N)).toEqual({ missing: 'population not known for 1 of 4 LSOAs' });
    expect(value(proportionMostDeprived10(rows, N))).toBe(0.25);
  });

  it('an LSOA without a score: only the score measure is missing', () => {
    const rows: MeasureRow[] = [...AREA.slice(1), { population: 100, score: null, rank: 5 }];
    expect(averageScore(rows)).toEqual({ missing: 'score not known for 1 of 4 LSOAs' });
    expect(value(averageRank(rows, N))).toBeCloseTo(75.5, 12);
  });

  it('an area with no people', () => {
    expect(averageRank([{ population: 0, score: 1, rank: 1 }], N)).toEqual({ missing: 'the area has no population' });
  });

  it('scale without denominators', () => {
    expect(scale([{ score: 0.1, denominator: null }])).toEqual({
      missing: 'population denominator not known for 1 of 1 LSOAs',
    });
  });
});
