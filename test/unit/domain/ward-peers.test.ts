import { describe, expect, it } from 'vitest';
import { PROFILE_DOMAINS, type EnglandWardsData, type ProfileDomain } from '../../../src/data/england-wards-contract';
import {
  describeDifferences,
  nationalWards,
  notComparable,
  standardise,
  wardPeers,
  type NationalWard,
} from '../../../src/domain/ward-peers';
import { englandPercentile, quantileOfSorted, spines } from '../../../src/domain/yardsticks';

/** Obviously synthetic wards: income and employment vary, the other five domains are equal (no spread). */
function synthetic(rows: Array<[code: string, inc: number, emp: number]>): NationalWard[] {
  return rows.map(([code, inc, emp]) => ({
    code,
    name: `Synthetic ${code}`,
    councilCode: 'E09999999',
    councilName: 'Synthetic Council',
    lsoas: 4,
    population: 6000,
    scores: [inc, emp, 3, 3, 3, 3, 3],
  }));
}

describe('wards like mine: standardised Euclidean distance', () => {
  // Income 0, 1, 2, 5: mean 2, population SD √3.5. Employment 0, 0, 4, 4: mean 2, SD 2.
  const wards = synthetic([
    ['A', 0, 0],
    ['B', 1, 0],
    ['C', 2, 4],
    ['D', 5, 4],
  ]);
  const table = standardise(wards);

  it('standardises each domain by England’s mean and population standard deviation', () => {
    expect(table.mean[0]).toBeCloseTo(2, 12);
    expect(table.sd[0]).toBeCloseTo(Math.sqrt(3.5), 12);
    expect(table.sd[1]).toBeCloseTo(2, 12);
    expect(table.z[3]![0]).toBeCloseTo(3 / Math.sqrt(3.5), 12);
    // No spread: the domain says nothing, z = 0 for every ward.
    expect(table.z.every((row) => row.slice(2).every((v) => v === 0))).toBe(true);
  });

  it('finds the nearest wards by hand-worked distances, leaving the ward itself out', () => {
    const r = wardPeers(table, 'B', 3);
    if (!r.ok) throw new Error(r.reason);
    // B–A: 1/√3.5 = 0.5345; B–C: √(1/3.5 + 2²) = 2.0702; B–D: √(16/3.5 + 2²) = 2.9277.
    expect(r.peers.map((p) => p.ward.code)).toEqual(['A', 'C', 'D']);
    expect(r.peers.map((p) => Number(p.distance.toFixed(4)))).toEqual([0.5345, 2.0702, 2.9277]);
    expect(r.typicalDistance).toBeCloseTo(Math.sqrt(1 / 3.5 + 4), 12);
    expect(r.field).toBe(4);
  });

  it('keeps k and breaks ties by code', () => {
    const t = standardise(
      synthetic([
        ['X', 1, 0],
        ['Z', 2, 0],
        ['Y', 0, 0],
        ['W', 5, 0],
      ]),
    );
    const r = wardPeers(t, 'X', 2);
    if (!r.ok) throw new Error(r.reason);
    expect(r.peers.map((p) => p.ward.code)).toEqual(['Y', 'Z']);
  });

  it('says how the ward differs from its peers’ median, in standard deviations', () => {
    const r = wardPeers(table, 'D', 2);
    if (!r.ok) throw new Error(r.reason);
    // Peers of D: C (√(9/3.5) = 1.604), then B (√(16/3.5 + 4) = 2.928). Income median of C, B = 1.5.
    expect(r.peers.map((p) => p.ward.code)).toEqual(['C', 'B']);
    expect(r.differences[0]!.peersMedian).toBe(1.5);
    expect(r.differences[0]!.zDifference).toBeCloseTo(3.5 / Math.sqrt(3.5), 12);
    expect(r.differences[1]!.zDifference).toBeCloseTo(1, 12); // employment 4 vs median 2, SD 2
    const text = describeDifferences(r.differences, (d) => d.toUpperCase());
    expect(text).toBe(
      'This ward is more deprived than its peers on INC, EMP (by at least 0.5 of England’s standard deviation from the peers’ median).',
    );
  });

  it('a ward without LSOAs or scores is left out and says why instead of comparing', () => {
    const empty: NationalWard = { ...synthetic([['E', 1, 1]])[0]!, lsoas: 0 };
    const noScore: NationalWard = { ...synthetic([['F', 1, 1]])[0]!, scores: [1, null, 3, 3, 3, 3, 3] };
    const t = standardise([...wards, empty, noScore]);
    expect(t.wards.map((w) => w.code)).toEqual(['A', 'B', 'C', 'D']);
    expect(wardPeers(t, 'E').ok).toBe(false);
    expect(notComparable(empty)).toMatch(/0 LSOAs/);
    expect(notComparable(noScore)).toMatch(/lacks a score/);
    expect(notComparable(undefined)).toMatch(/not among England’s May 2025 wards/);
    expect(notComparable(wards[0])).toBeNull();
  });

  it('reads the columnar file into rows', () => {
    const perDomain = <T>(f: (i: number) => T): Record<ProfileDomain, T> => {
      const out: Partial<Record<ProfileDomain, T>> = {};
      PROFILE_DOMAINS.forEach((d, i) => {
        out[d] = f(i);
      });
      return out as Record<ProfileDomain, T>;
    };
    const scores: EnglandWardsData['scores'] = perDomain((i) => [i, null]);
    const rows = nationalWards({
      version: 1,
      method: 'synthetic',
      codes: ['W1', 'W2'],
      names: ['One', 'Two'],
      council: [0, 1],
      lsoas: [3, 0],
      population: [4000, 0],
      scores,
      councils: [
        { code: 'C1', name: 'Council One', scores: perDomain(() => 1) },
        { code: 'C2', name: 'Council Two', scores: perDomain(() => null) },
      ],
    });
    expect(rows[0]).toEqual({
      code: 'W1',
      name: 'One',
      councilCode: 'C1',
      councilName: 'Council One',
      lsoas: 3,
      population: 4000,
      scores: [0, 1, 2, 3, 4, 5, 6],
    });
    expect(rows[1]!.scores.every((s) => s === null)).toBe(true);
  });
});

describe('England and the council as yardsticks', () => {
  it('quantiles interpolate between order statistics (type 7)', () => {
    expect(quantileOfSorted([1, 2, 3, 4], 0.1)).toBeCloseTo(1.3, 12);
    expect(quantileOfSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileOfSorted([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
  });

  it('the England percentile counts the other wards below, ties half', () => {
    expect(englandPercentile(2, [1, 2, 3])).toBe(50);
    expect(englandPercentile(5, [1, 2, 3, 4])).toBe(100);
    expect(englandPercentile(0, [1, 2])).toBe(0);
  });

  it('each spine carries England’s band, the ward, its percentile and the council', () => {
    const wards = synthetic([
      ['A', 0, 0],
      ['B', 1, 0],
      ['C', 2, 4],
      ['D', 5, 4],
    ]);
    const s = spines(wards[1]!, wards, { inc: 1.8, emp: null });
    expect(s).toHaveLength(7);
    expect(s[0]).toEqual({
      domain: 'inc',
      wards: 4,
      min: 0,
      p10: expect.closeTo(0.3, 12) as number,
      median: 1.5,
      p90: expect.closeTo(4.1, 12) as number,
      max: 5,
      ward: 1,
      percentile: 100 / 3,
      council: 1.8,
    });
    expect(s[1]!.council).toBeNull();
  });
});
