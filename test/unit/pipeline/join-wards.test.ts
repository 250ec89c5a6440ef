import { describe, expect, it } from 'vitest';
import { flagKey, releaseEntry, valueKey, wardSummaryKey } from '../../../src/data/contract';
import { parseCsv } from '../../../scripts/pipeline/csv';
import { areaValues, parseRelease, shortenScore } from '../../../scripts/pipeline/join-iod';
import { modalWard, wardSummaries } from '../../../scripts/pipeline/wards';
import { median } from '../../../src/data/numeric';

/** IoD2015-shaped file with N = 200 rows; four are in the synthetic area. */
function iod2015(overrides: Record<number, string> = {}): string {
  const lines = ['lsoa11cd,lsoa11nm,lad13cd,lad13nm,imd_score,imd_rank,imd_decile'];
  for (let r = 1; r <= 200; r++) {
    const inArea = [2, 3, 50, 190].includes(r);
    const code = inArea ? `E01999${String(r).padStart(3, '0')}` : `E01888${String(r).padStart(3, '0')}`;
    const line = `${code},"Synthetic ${r}, A",${inArea ? 'E08999999' : 'E08888888'},x,${(60 - r / 10).toFixed(3)},${r},${Math.ceil(r / 20)}`;
    lines.push(overrides[r] ?? line);
  }
  return `${lines.join('\n')}\n`;
}

describe('join-iod', () => {
  const release = parseRelease(parseCsv(iod2015(), 'iod2015.csv'), releaseEntry('2015'));
  const codes = ['E01999002', 'E01999003', 'E01999050', 'E01999190'].sort();

  it('counts N as the rows in the file and computes local ranks, local deciles and flags', () => {
    expect(release.nationalCount).toBe(200);
    const a = areaValues(release, codes);
    const v = (code: string, k: string): number | undefined => a.values.get(code)?.[k];
    // National ranks 2, 3, 50, 190 → local ranks 1..4; local decile = ceil(lr*10/4).
    expect(codes.map((c) => v(c, valueKey('2015', 'imd', 'lr')))).toEqual([1, 2, 3, 4]);
    expect(codes.map((c) => v(c, valueKey('2015', 'imd', 'ld')))).toEqual([3, 5, 8, 10]);
    // 1% = rank ≤ floor(200/100) = 2: only rank 2; 10% = decile 1 (ranks ≤ 20): ranks 2 and 3.
    expect(codes.map((c) => v(c, flagKey('2015', 1)))).toEqual([1, 0, 0, 0]);
    expect(codes.map((c) => v(c, flagKey('2015', 10)))).toEqual([1, 1, 0, 0]);
    expect(a.mostDeprived1pc).toBe(1);
    expect(a.nationalDecile1).toBe(2);
    expect(v('E01999002', valueKey('2015', 'imd', 's'))).toBe(59.8);
  });

  it('rounds scores to 3 significant figures', () => {
    expect(shortenScore(69.345)).toBe(69.3);
    expect(shortenScore(-1.771)).toBe(-1.77);
    expect(shortenScore(0.013)).toBe(0.013);
    expect(shortenScore(0)).toBe(0);
  });

  it('names file, line and field for a duplicate code and a decile of 11', () => {
    const dup = iod2015({ 10: 'E01999002,dup,E08888888,x,1.0,10,1' });
    expect(() => parseRelease(parseCsv(dup, 'iod2015.csv'), releaseEntry('2015'))).toThrowError(
      /iod2015\.csv, line 11, field lsoa11cd: duplicate LSOA code E01999002 \(also line 3\)/,
    );
    const eleven = iod2015({ 5: 'E01888005,x,E08888888,x,1.0,5,11' });
    expect(() => parseRelease(parseCsv(eleven, 'iod2015.csv'), releaseEntry('2015'))).toThrowError(
      /iod2015\.csv, line 6 \(E01888005\), field imd_decile: decile "11" is not an integer in 1–10/,
    );
    const rank = iod2015({ 5: 'E01888005,x,E08888888,x,1.0,201,1' });
    expect(() => parseRelease(parseCsv(rank, 'iod2015.csv'), releaseEntry('2015'))).toThrowError(
      /field imd_rank: rank "201" is not an integer in 1–200/,
    );
  });

  it('ranks past the row count: one line naming the gap; deferred for the pipeline, which names the LSOA first', () => {
    const rank = iod2015({ 5: 'E01888005,x,E08888888,x,1.0,201,1' });
    expect(() => parseRelease(parseCsv(rank, 'iod2015.csv'), releaseEntry('2015'))).toThrowError(
      /iod2015\.csv, field imd_rank: 200 data rows but ranks run to 201: 1 LSOA row\(s\) missing from the file \(no row has imd_rank 5\)/,
    );
    const r = parseRelease(parseCsv(rank, 'iod2015.csv'), releaseEntry('2015'), { deferMissingRows: true });
    expect(r.missingRows?.count).toBe(1);
    expect(r.missingRows?.problem.message).toBe(
      '200 data rows but ranks run to 201: 1 LSOA row(s) missing from the file (no row has imd_rank 5)',
    );
  });

  it('requires every column of the release', () => {
    expect(() =>
      parseRelease(parseCsv('lsoa11cd,lsoa11nm\nE01,x\n', 'iod2015.csv'), releaseEntry('2015')),
    ).toThrowError(/field lad13cd: required column missing/);
  });
});

describe('wards', () => {
  it('summarises n, d1, d1s, p1 and median rank per ward', () => {
    const rows = [
      { code: 'E01999001', ward: 'W1', rank: 10, decile: 1, p1: 1 },
      { code: 'E01999002', ward: 'W1', rank: 5000, decile: 2, p1: 0 },
      { code: 'E01999003', ward: 'W1', rank: 30000, decile: 9, p1: 0 },
      { code: 'E01999004', ward: 'W2', rank: 100, decile: 1, p1: 0 },
      { code: 'E01999005', ward: 'W2', rank: 301, decile: 1, p1: 0 },
    ];
    const table = new Map(
      rows.map((r) => [
        r.code,
        {
          [valueKey('2025', 'imd', 'r')]: r.rank,
          [valueKey('2025', 'imd', 'd')]: r.decile,
          [flagKey('2025', 1)]: r.p1,
        },
      ]),
    );
    const s = wardSummaries('2025', rows, table);
    expect(s.get('W1')).toEqual({
      [wardSummaryKey('2025', 'n')]: 3,
      [wardSummaryKey('2025', 'd1')]: 1,
      [wardSummaryKey('2025', 'd1s')]: 0.333,
      [wardSummaryKey('2025', 'p1')]: 1,
      [wardSummaryKey('2025', 'mr')]: 5000,
    });
    expect(s.get('W2')?.[wardSummaryKey('2025', 'mr')]).toBe(200.5);
    expect(s.get('W2')?.[wardSummaryKey('2025', 'd1s')]).toBe(1);
  });
  it('median and modal ward (ties → lowest code)', () => {
    expect(median([1, 2, 3])).toBe(2);
    expect(median([1, 2, 3, 4])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(modalWard(['E05000002', 'E05000001'])).toBe('E05000001');
    expect(modalWard(['E05000002', 'E05000001', 'E05000002'])).toBe('E05000002');
    expect(modalWard([])).toBeUndefined();
  });
});
