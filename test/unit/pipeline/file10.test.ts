import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../scripts/pipeline/csv';
import { PipelineError } from '../../../scripts/pipeline/errors';
import { file10Columns, standingFromTable } from '../../../scripts/pipeline/file10';
import { STANDING_INDICATORS } from '../../../src/data/standing-contract';

/** A synthetic two-district File 10 (codes E09999xxx do not exist) with File 10's headers. */
function synthetic(cellOf: (column: string, district: number) => string): string {
  const columns = [
    'ltla24_code',
    'ltla24_name',
    ...STANDING_INDICATORS.flatMap((i) => Object.values(file10Columns(i)).flat()),
  ];
  const row = (d: number) =>
    columns
      .map((c) => (c === 'ltla24_code' ? `E0999900${d}` : c === 'ltla24_name' ? `Synthetic ${d}` : cellOf(c, d)))
      .join(',');
  return [columns.join(','), row(1), row(2)].join('\n');
}
const figures = (c: string, d: number) => (c.includes('rank_of') ? String(d) : '12.5');
const area = { code: 'E09999001', name: 'Synthetic 1' };

describe('File 10: the council row as published figures', () => {
  it('copies every published value with its rank among the districts', () => {
    const s = standingFromTable(parseCsv(synthetic(figures), 'f10.csv'), area, { file: 'f10.csv' });
    if (!s.available) throw new Error(s.reason);
    expect(s.districts).toBe(2);
    expect(s.indicators.map((i) => i.indicator)).toEqual([...STANDING_INDICATORS]);
    const imd = s.indicators[0]!.measures;
    expect(Object.keys(imd).sort()).toEqual([
      'averageRank',
      'averageScore',
      'extent',
      'localConcentration',
      'proportionMostDeprived10',
    ]);
    expect(imd.averageScore).toEqual({ value: 12.5, rank: 1 });
    expect(Object.keys(s.indicators[1]!.measures)).toContain('scale');
    expect(Object.keys(s.indicators[3]!.measures)).not.toContain('extent');
  });

  it('a district not in the file is said plainly', () => {
    expect(
      standingFromTable(parseCsv(synthetic(figures), 'f10.csv'), { code: 'E09999009', name: 'X' }, { file: 'f10.csv' }),
    ).toEqual({
      available: false,
      reason: 'E09999009 is not among the 2 districts of IoD 2025 File 10',
    });
  });

  it('a bad cell in the council row names the file, line and field', () => {
    const bad = (c: string, d: number) =>
      c === 'crime_average_score' && d === 1 ? 'n/a' : c === 'imd25_rank_of_extent' && d === 1 ? '3' : figures(c, d);
    const run = () => standingFromTable(parseCsv(synthetic(bad), 'f10.csv'), area, { file: 'f10.csv' });
    expect(run).toThrow(PipelineError);
    expect(run).toThrow('f10.csv, line 2 (E09999001), field crime_average_score: "n/a" is not a number');
    expect(run).toThrow('field imd25_rank_of_extent: "3" is not a whole number in 1–2');
  });
});
