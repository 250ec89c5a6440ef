import { describe, expect, it } from 'vitest';
import { compactDetails, expandDetails, type IodValues } from '../../../src/data/contract';
import { parseCsv } from '../../../scripts/pipeline/csv';
import { PipelineError } from '../../../scripts/pipeline/errors';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { areaPeople, FILE7_COLUMNS, parseFile7 } from '../../../scripts/pipeline/file7';
import type { IodRecord, ReleaseData } from '../../../scripts/pipeline/join-iod';
import { releaseEntry } from '../../../src/data/contract';
import { tempDir } from './helpers/synthetic';

/** A synthetic File 7 with just the columns the module reads (codes E01999xxx do not exist). N = 100. */
const C = FILE7_COLUMNS;
const HEADER = [
  C.code,
  C.lad,
  C.imdScore,
  C.imdRank,
  C.idc.s,
  C.idc.r,
  C.idc.d,
  C.ido.s,
  C.ido.r,
  C.ido.d,
  C.population.pop22,
  C.population.chi22,
  C.population.old22,
  C.population.wa22,
];
const csv = (...rows: string[][]) =>
  [HEADER, ...rows].map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n');
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
    expect(() => parse(csv(good, bad))).toThrow(
      /indices\/synthetic_file7\.csv, line 3 \(E01999002\), field Income Deprivation Affecting Children/,
    );
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
    const noPop = csv(good)
      .split('\n')
      .map((l) => l.split(',').slice(0, -1).join(','))
      .join('\n');
    expect(() => parse(noPop)).toThrow(/line 1, field Working age population 18-66.*required column missing/);
  });
});

describe('File 7 coverage of an area', () => {
  const dir = tempDir('file7');
  const second = [...good];
  second[0] = 'E01999002';
  second[3] = '50';
  second[5] = '5'; // IDACI rank 5: more deprived than the first row's 7, so local rank 1
  writeFileSync(path.join(dir, 'f7.csv'), csv(good, second));
  // The England file's IMD for the same synthetic LSOAs (N = 100).
  const rec = (code: string, r: number, s: number): [string, IodRecord] => [
    code,
    { code, name: code, lad: 'E09999999', line: 2, values: { imd: { s, r, d: Math.ceil(r / 10) } } },
  ];
  const england: ReleaseData = {
    def: releaseEntry('2025'),
    file: 'england.csv',
    nationalCount: 100,
    records: new Map([rec('E01999001', 3, 40.5), rec('E01999002', 50, 40.5), rec('E01999003', 60, 1)]),
  };
  const run = (codes: string[], area = 'E09999999') =>
    areaPeople({ dataDir: dir, file: 'f7.csv', area, areaName: 'Synthetic', codes, release2025: england });

  it('gives every LSOA of a covered area its values, local ranks and the area totals', () => {
    const res = run(['E01999001', 'E01999002']);
    expect(res.available).toBe(true);
    if (!res.available) return;
    expect(res.values.get('E01999002')).toMatchObject({
      y25_idc_r: 5,
      y25_idc_lr: 1,
      y25_idc_ld: 5,
      pop22: 1500,
      wa22: 900,
    });
    expect(res.totals).toEqual({ pop22: 3000, chi22: 600, old22: 400, wa22: 1800 });
  });

  it('fails, naming the file and the LSOA, when the file has rows for the area but not every LSOA', () => {
    expect(() => run(['E01999001', 'E01999002', 'E01999003'])).toThrow(
      /^f7\.csv, field LSOA code \(2021\): no row for LSOA E01999003 of area E09999999/,
    );
  });

  it('gives none, with the reason, to an area the file does not cover', () => {
    expect(run(['E01999003'], 'E09999998')).toEqual({
      available: false,
      file: 'f7.csv',
      reason:
        "the IoD 2025 File 7 in this build's data sources covers only E09999999, not Synthetic (0 of its 1 LSOAs)",
    });
    expect(
      areaPeople({
        dataDir: dir,
        file: 'missing.csv',
        area: 'E09999999',
        areaName: 'Synthetic',
        codes: ['E01999001'],
        release2025: england,
      }),
    ).toMatchObject({ available: false });
  });

  it('fails when File 7 disagrees with the England file on an IMD rank', () => {
    const other: ReleaseData = {
      ...england,
      records: new Map([rec('E01999001', 4, 40.5), rec('E01999002', 50, 40.5)]),
    };
    expect(() =>
      areaPeople({
        dataDir: dir,
        file: 'f7.csv',
        area: 'E09999999',
        areaName: 'Synthetic',
        codes: ['E01999001', 'E01999002'],
        release2025: other,
      }),
    ).toThrow(
      /f7\.csv, line 2 \(E01999001\), field Index of Multiple Deprivation \(IMD\) Rank.*: IMD rank 3 differs from 4 in england\.csv/,
    );
  });
});

describe('details file: local ranks derived from national ranks', () => {
  it('round-trips: expandDetails gives back exactly the local ranks and deciles compactDetails left out', () => {
    const codes = ['E01999001', 'E01999002', 'E01999003', 'E01999004'];
    const values = new Map<string, IodValues>([
      [
        'E01999001',
        { y25_inc_r: 300, y25_inc_lr: 4, y25_inc_ld: 10, y25_emp_r: 5, y25_emp_lr: 2, y25_emp_ld: 5, pop22: 1000 },
      ],
      [
        'E01999002',
        { y25_inc_r: 10, y25_inc_lr: 1, y25_inc_ld: 3, y25_emp_r: 9, y25_emp_lr: 3, y25_emp_ld: 8, pop22: 1100 },
      ],
      [
        'E01999003',
        { y25_inc_r: 20, y25_inc_lr: 2, y25_inc_ld: 5, y25_emp_r: 1, y25_emp_lr: 1, y25_emp_ld: 3, pop22: 1200 },
      ],
      // emp local rank stored "wrongly" on purpose: it cannot be derived, so it must be kept as stored.
      [
        'E01999004',
        { y25_inc_r: 30, y25_inc_lr: 3, y25_inc_ld: 8, y25_emp_r: 50, y25_emp_lr: 1, y25_emp_ld: 10, pop22: 1300 },
      ],
    ]);
    const details = compactDetails(codes, values, ['y25_inc', 'y25_emp', 'y25_idc']);
    expect(details.localRanks).toEqual(['y25_inc']);
    expect(Object.keys(details.columns)).not.toContain('y25_inc_lr');
    expect(Object.keys(details.columns)).toContain('y25_emp_lr');
    const back = expandDetails(details);
    for (const c of codes) expect(back.get(c)).toEqual(values.get(c));
  });
});
