import path from 'node:path';
import { cell, codedRows, column, readCsv, type CsvTable } from './csv';
import { ProblemList } from './errors';
import type { IodValues } from '../../src/data/contract';
import { areaValues, type IndicatorValue, type IodRecord, type ReleaseData } from './join-iod';
import { parseIntInRange } from './validate';

/**
 * IoD 2025 File 3 (supplementary indices, as reissued 13 Nov 2025): national rank and decile of IDACI
 * (`idc`) and IDAOPI (`ido`) for every LSOA 2021 in England — no scores (those are in File 7, which the
 * sources hold for Leeds only). Headers as published.
 */
export const FILE3_COLUMNS = {
  code: 'LSOA code (2021)',
  imdRank: 'Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)',
  idc: {
    r: 'Income Deprivation Affecting Children Index (IDACI) Rank (where 1 is most deprived)',
    d: 'Income Deprivation Affecting Children Index (IDACI) Decile (where 1 is most deprived 10% of LSOAs)',
  },
  ido: {
    r: 'Income Deprivation Affecting Older People (IDAOPI) Rank (where 1 is most deprived)',
    d: 'Income Deprivation Affecting Older People (IDAOPI) Decile (where 1 is most deprived 10% of LSOAs)',
  },
} as const;

export interface File3Record {
  line: number;
  imdRank: number;
  values: { idc: IndicatorValue; ido: IndicatorValue };
}

/** Rows by LSOA code. Ranks 1–N, deciles 1–10 that agree with their rank (ceil(rank × 10 / N)); any problem fails the build. */
export function parseFile3(table: CsvTable, nationalCount: number): Map<string, File3Record> {
  const problems = new ProblemList();
  const C = FILE3_COLUMNS;
  const codeCol = column(table, C.code);
  const imdCol = column(table, C.imdRank);
  const cols = (['idc', 'ido'] as const).map((ind) => ({
    ind,
    r: column(table, C[ind].r),
    d: column(table, C[ind].d),
  }));
  const out = new Map<string, File3Record>();
  for (const { row, code, bad } of codedRows(table, codeCol, C.code, problems)) {
    const int = (i: number, field: string, max: number): number | undefined => {
      const raw = cell(row, i);
      const v = parseIntInRange(raw, 1, max);
      if (v === undefined) bad(field, `"${raw}" is not a whole number in 1–${max}`);
      return v;
    };
    const imdRank = int(imdCol, C.imdRank, nationalCount);
    const values: Partial<File3Record['values']> = {};
    for (const c of cols) {
      const r = int(c.r, C[c.ind].r, nationalCount);
      const d = int(c.d, C[c.ind].d, 10);
      if (r === undefined || d === undefined) continue;
      if (d !== Math.ceil((r * 10) / nationalCount))
        bad(C[c.ind].d, `decile ${d} does not match rank ${r} of ${nationalCount}`);
      else values[c.ind] = { r, d };
    }
    if (imdRank === undefined || !values.idc || !values.ido) continue;
    out.set(code, { line: row.line, imdRank, values: { idc: values.idc, ido: values.ido } });
  }
  problems.throwIfAny();
  return out;
}

export function readFile3(dataDir: string, nationalCount: number, file: string): Map<string, File3Record> {
  return parseFile3(readCsv(path.resolve(dataDir, file), file), nationalCount);
}

/**
 * IDACI and IDAOPI ranks and deciles for the area's LSOAs, with local ranks and deciles computed as for
 * every other 2025 indicator (areaValues). An area LSOA without a row fails the build, and so does an
 * IMD rank that differs from the England file's (a File 3 of another release cannot slip in).
 */
export function areaSupplementary(
  file3: ReadonlyMap<string, File3Record>,
  codes: readonly string[],
  release2025: ReleaseData,
  file: string,
): Map<string, IodValues> {
  const problems = new ProblemList();
  for (const code of codes) {
    const rec = file3.get(code);
    const imd = release2025.records.get(code)?.values.imd;
    if (!rec) problems.add({ file, field: FILE3_COLUMNS.code, message: `no row for LSOA ${code} of the area` });
    else if (imd && rec.imdRank !== imd.r) {
      problems.add({
        file,
        location: `line ${rec.line} (${code})`,
        field: FILE3_COLUMNS.imdRank,
        message: `IMD rank ${rec.imdRank} differs from ${imd.r} in ${release2025.file}`,
      });
    }
  }
  problems.throwIfAny();
  const asRelease: ReleaseData = {
    def: { ...release2025.def, indicators: ['idc', 'ido'], scored: [] },
    file,
    nationalCount: release2025.nationalCount,
    records: new Map(
      codes.map((code): [string, IodRecord] => {
        const rec = file3.get(code)!;
        return [code, { code, name: code, lad: '', line: rec.line, values: { ...rec.values } }];
      }),
    ),
  };
  return areaValues(asRelease, [...codes]).values;
}
