import path from 'node:path';
import type { CensusKey } from '../../src/data/people-contract';
import { cell, codedRows, column, readCsv, type CsvTable } from './csv';
import { PipelineError, ProblemList } from './errors';
import { parseIntInRange } from './validate';

/**
 * Census 2021 usual residents by five-year age band (ONS TS007A, Nomis bulk layout) for every English
 * LSOA 2021 → the four figures the atlas counts: all usual residents, children 0–14 (the first three
 * bands), people 60+ and 65+ (the bands from "60 to 64" / "65 to 69" up). 0–15 cannot be cut from
 * five-year bands, which is why the labels say 0–14 (src/data/people-contract.ts).
 */
export const CENSUS_COLUMNS = {
  code: 'geography code',
  total: 'Age: Total',
  bands: [
    'Age: Aged 4 years and under',
    'Age: Aged 5 to 9 years',
    'Age: Aged 10 to 14 years',
    'Age: Aged 15 to 19 years',
    'Age: Aged 20 to 24 years',
    'Age: Aged 25 to 29 years',
    'Age: Aged 30 to 34 years',
    'Age: Aged 35 to 39 years',
    'Age: Aged 40 to 44 years',
    'Age: Aged 45 to 49 years',
    'Age: Aged 50 to 54 years',
    'Age: Aged 55 to 59 years',
    'Age: Aged 60 to 64 years',
    'Age: Aged 65 to 69 years',
    'Age: Aged 70 to 74 years',
    'Age: Aged 75 to 79 years',
    'Age: Aged 80 to 84 years',
    'Age: Aged 85 years and over',
  ],
} as const;
/** Band indexes: 0–14 = bands 0..2; 60+ = 12..; 65+ = 13... */
const CHILD_BANDS = 3;
const FROM_60 = 12;
const FROM_65 = 13;

export type CensusPeople = Record<CensusKey, number>;

/** Rows by LSOA code; every row checked (whole numbers, bands summing to the total), any problem fails the build. */
export function parseCensus(table: CsvTable): Map<string, CensusPeople> {
  const problems = new ProblemList();
  const codeCol = column(table, CENSUS_COLUMNS.code);
  const totalCol = column(table, CENSUS_COLUMNS.total);
  const bandCols = CENSUS_COLUMNS.bands.map((b) => column(table, b));
  const out = new Map<string, CensusPeople>();
  for (const { row, code, bad } of codedRows(table, codeCol, CENSUS_COLUMNS.code, problems)) {
    const int = (i: number, field: string): number | undefined => {
      const raw = cell(row, i);
      const v = parseIntInRange(raw, 0, 1_000_000);
      if (v === undefined) bad(field, `"${raw}" is not a whole number of people`);
      return v;
    };
    const total = int(totalCol, CENSUS_COLUMNS.total);
    const bands = bandCols.map((i, j) => int(i, CENSUS_COLUMNS.bands[j] ?? ''));
    if (total === undefined || bands.some((b) => b === undefined)) continue;
    const b = bands as number[];
    const sum = (from: number, to: number): number => b.slice(from, to).reduce((a, x) => a + x, 0);
    if (sum(0, b.length) !== total) {
      bad(CENSUS_COLUMNS.total, `the age bands sum to ${sum(0, b.length)}, not the total ${total}`);
      continue;
    }
    out.set(code, {
      c21pop: total,
      c21chi: sum(0, CHILD_BANDS),
      c21old: sum(FROM_60, b.length),
      c21o65: sum(FROM_65, b.length),
    });
  }
  problems.throwIfAny();
  return out;
}

export function readCensus(dataDir: string, file: string): Map<string, CensusPeople> {
  return parseCensus(readCsv(path.resolve(dataDir, file), file));
}

/** The area's census figures; an LSOA of the area without a census row fails the build (file, field, LSOA). */
export function areaCensus(
  all: ReadonlyMap<string, CensusPeople>,
  codes: readonly string[],
  file: string,
): { values: Map<string, CensusPeople>; totals: CensusPeople } {
  const missing = codes.filter((c) => !all.has(c));
  if (missing.length > 0) {
    throw new PipelineError(
      missing.map((c) => ({
        file,
        field: CENSUS_COLUMNS.code,
        message: `no Census 2021 row for LSOA ${c} of the area`,
      })),
    );
  }
  const totals: CensusPeople = { c21pop: 0, c21chi: 0, c21old: 0, c21o65: 0 };
  const values = new Map<string, CensusPeople>();
  for (const c of codes) {
    const v = all.get(c)!;
    values.set(c, v);
    for (const k of Object.keys(totals) as CensusKey[]) totals[k] += v[k];
  }
  return { values, totals };
}
