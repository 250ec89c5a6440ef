import { describe, expect, it } from 'vitest';
import { compactDetails, expandDetails, type IodValues } from '../../../src/data/contract';
import { parseCsv } from '../../../scripts/pipeline/csv';
import { PipelineError } from '../../../scripts/pipeline/errors';
import { FILE7_COLUMNS, parseFile7 } from '../../../scripts/pipeline/file7';

/** A synthetic File 7 with just the columns the module reads (codes E01999xxx do not exist). N = 100. */
const C = FILE7_COLUMNS;
const HEADER = [
  C.code, C.lad, C.imdScore, C.imdRank, C.idc.s, C.idc.r, C.idc.d, C.ido.s, C.ido.r, C.ido.d,
  C.population.pop22, C.population.chi22, C.population.old22, C.population.wa22,
];
const csv = (...rows: string[][]) => [HEADER, ...rows].map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n');
const good = ['E01999001', 'E09999999', '40.5', '3', '0.5', '7', '1', '0.3', '25', '3', '1500', '300', '200', '900'];
const parse = (text: string) => parseFile7(parseCsv(text, 'indices/synthetic_file7.csv'), 100);

function problemsOf(text: string): string[] {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof PipelineError) return e.problems.map((p) => `${p.location} | ${p.field} | ${p.message}`);
    throw e;
  }
  return [];
}

describe('IoD 2025 File 7 parser', () => {
  it('reads IDACI, IDAOPI and the four mid-2022 populations', () => {
    const rec = parse(csv(good)).get('E01999001');
    expect(rec).toMatchObject({
      lad: 'E09999999',
      line: 2,
      imd: { s: 40.5, r: 3 },
      values: { idc: { s: 0.5, r: 7, d: 1 }, ido: { s: 0.3, r: 25, d: 3 } },
      population: { pop22: 1500, chi22: 300, old22: 200, wa22: 900 },
    });
  });

  it('names file, line and field for every bad value (strict numbers)', () => {
    const bad = [...good];
    bad[0] = 'E01999002';
    bad[4] = 'n/a'; // IDACI score
    bad[8] = '25.5'; // IDAOPI rank
    bad[10] = '1,500'; // population with a thousands separator
    const problems = problemsOf(csv(good, bad));
    expect(problems).toEqual([
      `line 3 (E01999002) | ${C.idc.s} | "n/a" is not a number`,
      `line 3 (E01999002) | ${C.ido.r} | "25.5" is not a whole number in 1–100`,
      `line 3 (E01999002) | ${C.population.pop22} | "1,500" is not a whole number in 0–9007199254740991`,
    ]);
    expect(() => parse(csv(good, bad))).toThrow(/indices\/synthetic_file7\.csv, line 3 \(E01999002\), field Income Deprivation Affecting Children/);
  });

  it('rejects a decile that disagrees with its rank, a subgroup larger than the total, a duplicate and a missing column', () => {
    const d = [...good];
    d[0] = 'E01999003';
    d[6] = '4'; // rank 7 of 100 is decile 1
    const o = [...good];
    o[0] = 'E01999004';
    o[12] = '1600'; // older people > total population
    expect(problemsOf(csv(good, d, o, good))).toEqual([
      `line 3 (E01999003) | ${C.idc.d} | decile 4 does not match rank 7 of 100`,
      `line 4 (E01999004) | ${C.population.old22} | 1600 is more than the total population 1500`,
      `line 5 (E01999001) | ${C.code} | duplicate LSOA code E01999001 (also line 2)`,
    ]);
    const noPop = csv(good).split('\n').map((l) => l.split(',').slice(0, -1).join(',')).join('\n');
    expect(() => parse(noPop)).toThrow(/line 1, field Working age population 18-66.*required column missing/);
  });
});

describe('details file: local ranks derived from national ranks', () => {
  it('round-trips: expandDetails gives back exactly the local ranks and deciles compactDetails left out', () => {
    const codes = ['E01999001', 'E01999002', 'E01999003', 'E01999004'];
    const values = new Map<string, IodValues>([
      ['E01999001', { y25_inc_r: 300, y25_inc_lr: 4, y25_inc_ld: 10, y25_emp_r: 5, y25_emp_lr: 2, y25_emp_ld: 5, pop22: 1000 }],
      ['E01999002', { y25_inc_r: 10, y25_inc_lr: 1, y25_inc_ld: 3, y25_emp_r: 9, y25_emp_lr: 3, y25_emp_ld: 8, pop22: 1100 }],
      ['E01999003', { y25_inc_r: 20, y25_inc_lr: 2, y25_inc_ld: 5, y25_emp_r: 1, y25_emp_lr: 1, y25_emp_ld: 3, pop22: 1200 }],
      // emp local rank stored "wrongly" on purpose: it cannot be derived, so it must be kept as stored.
      ['E01999004', { y25_inc_r: 30, y25_inc_lr: 3, y25_inc_ld: 8, y25_emp_r: 50, y25_emp_lr: 1, y25_emp_ld: 10, pop22: 1300 }],
    ]);
    const details = compactDetails(codes, values, ['y25_inc', 'y25_emp', 'y25_idc']);
    expect(details.localRanks).toEqual(['y25_inc']);
    expect(Object.keys(details.columns)).not.toContain('y25_inc_lr');
    expect(Object.keys(details.columns)).toContain('y25_emp_lr');
    const back = expandDetails(details);
    for (const c of codes) expect(back.get(c)).toEqual(values.get(c));
  });
});
