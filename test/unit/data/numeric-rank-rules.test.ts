import { describe, expect, it } from 'vitest';
import { isFiniteNumber, median, numProp } from '../../../src/data/numeric';
import { localRanks, onePercentFlag, onePercentRank, tenPercentFlag } from '../../../src/data/rank-rules';

describe('numeric helpers (src/data/numeric.ts)', () => {
  it('reads a property as a finite number or null', () => {
    const p = { a: 3, b: '3', c: Number.NaN, d: Number.POSITIVE_INFINITY, e: null };
    expect(numProp(p, 'a')).toBe(3);
    for (const k of ['b', 'c', 'd', 'e', 'missing']) expect(numProp(p, k)).toBeNull();
    expect(isFiniteNumber(0)).toBe(true);
    expect(isFiniteNumber('0')).toBe(false);
  });

  it('median of odd and even counts (unsorted input, input left alone), null when empty', () => {
    const xs = [3, 1, 2];
    expect(median(xs)).toBe(2);
    expect(xs).toEqual([3, 1, 2]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('rank rules (src/data/rank-rules.ts)', () => {
  it('local rank by national rank among the areas that have one; decile = ceil(rank × 10 / count)', () => {
    // Synthetic national ranks of five areas, one without a rank.
    const local = localRanks([500, null, 20, 9000, 300]);
    expect(local).toEqual([
      { rank: 3, decile: 8 },
      null,
      { rank: 1, decile: 3 },
      { rank: 4, decile: 10 },
      { rank: 2, decile: 5 },
    ]);
    expect(localRanks([])).toEqual([]);
  });

  it('flags: 1% = rank ≤ floor(N / 100), 10% = decile 1', () => {
    expect(onePercentRank(1_050)).toBe(10);
    expect(onePercentFlag(10, 1_050)).toBe(1);
    expect(onePercentFlag(11, 1_050)).toBe(0);
    expect(tenPercentFlag(1)).toBe(1);
    expect(tenPercentFlag(2)).toBe(0);
  });
});
