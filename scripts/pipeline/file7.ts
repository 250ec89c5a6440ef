import { existsSync } from 'node:fs';
import path from 'node:path';
import { POPULATION_KEYS, type IodValues, type PopulationKey } from '../../src/data/contract';
import { cell, codedRows, column, readCsv, type CsvTable } from './csv';
import { PipelineError, ProblemList } from './errors';
import { areaValues, type IndicatorValue, type IodRecord, type ReleaseData } from './join-iod';
import { parseFiniteNumber, parseIntInRange } from './validate';

/**
 * IoD 2025 File 7 ("all ranks, scores, deciles and population denominators"), in the official
 * 56-column layout. The England file 7 is not in the sources whole: only some areas' rows may be
 * there, so an area either has all of its LSOAs in the file or gets none of it (with the reason).
 *
 * From it the build takes what File 1/2 lack: the two supplementary indices IDACI (`idc`) and
 * IDAOPI (`ido`), and the mid-2022 population denominators (`pop22`, `chi22`, `old22`, `wa22`).
 */

/** The published headers this module reads (the file has 56; the rest equal the England file). */
export const FILE7_COLUMNS = {
  code: 'LSOA code (2021)',
  lad: 'Local Authority District code (2024)',
  imdScore: 'Index of Multiple Deprivation (IMD) Score',
  imdRank: 'Index of Multiple Deprivation (IMD) Rank (where 1 is most deprived)',
  idc: {
    s: 'Income Deprivation Affecting Children Index (IDACI) Score (rate)',
    r: 'Income Deprivation Affecting Children Index (IDACI) Rank (where 1 is most deprived)',
    d: 'Income Deprivation Affecting Children Index (IDACI) Decile (where 1 is most deprived 10% of LSOAs)',
  },
  ido: {
    s: 'Income Deprivation Affecting Older People (IDAOPI) Score (rate)',
    r: 'Income Deprivation Affecting Older People (IDAOPI) Rank (where 1 is most deprived)',
    d: 'Income Deprivation Affecting Older People (IDAOPI) Decile (where 1 is most deprived 10% of LSOAs)',
  },
  population: {
    pop22: 'Total population: mid 2022',
    chi22: 'Dependent Children aged 0-15: mid 2022',
    old22: 'Older population aged 60 and over: mid 2022',
    wa22: 'Working age population 18-66 (for use with Employment Deprivation Domain): mid 2022',
  } satisfies Record<PopulationKey, string>,
} as const;

export const FILE7_INDICATORS = ['idc', 'ido'] as const;
type File7Indicator = (typeof FILE7_INDICATORS)[number];

export interface File7Record {
  code: string;
  lad: string;
  line: number;
  imd: { s: number; r: number };
  values: Record<File7Indicator, IndicatorValue>;
  population: Record<PopulationKey, number>;
}

/** Rows by LSOA code. Every row is checked strictly; any problem fails the build (file, line, field). */
export function parseFile7(table: CsvTable, nationalCount: number): Map<string, File7Record> {
  const problems = new ProblemList();
  const C = FILE7_COLUMNS;
  const col = {
    code: column(table, C.code),
    lad: column(table, C.lad),
    imdScore: column(table, C.imdScore),
    imdRank: column(table, C.imdRank),
    ind: FILE7_INDICATORS.map((ind) => ({
      ind,
      s: column(table, C[ind].s),
      r: column(table, C[ind].r),
      d: column(table, C[ind].d),
    })),
    pop: POPULATION_KEYS.map((key) => ({ key, i: column(table, C.population[key]) })),
  };
  const out = new Map<string, File7Record>();
  for (const { row, code, bad } of codedRows(table, col.code, C.code, problems)) {
    const int = (i: number, field: string, min: number, max: number): number | undefined => {
      const raw = cell(row, i);
      const v = parseIntInRange(raw, min, max);
      if (v === undefined) bad(field, `"${raw}" is not a whole number in ${min}–${max}`);
      return v;
    };
    const real = (i: number, field: string): number | undefined => {
      const raw = cell(row, i);
      const v = parseFiniteNumber(raw);
      if (v === undefined) bad(field, `"${raw}" is not a number`);
      return v;
    };
    const imdS = real(col.imdScore, C.imdScore);
    const imdR = int(col.imdRank, C.imdRank, 1, nationalCount);
    const values: Partial<Record<File7Indicator, IndicatorValue>> = {};
    for (const c of col.ind) {
      const s = real(c.s, C[c.ind].s);
      const r = int(c.r, C[c.ind].r, 1, nationalCount);
      const d = int(c.d, C[c.ind].d, 1, 10);
      // MHCLG deciles are rank bands of N/10: a decile that disagrees with its rank means a shifted column.
      if (r !== undefined && d !== undefined && d !== Math.ceil((r * 10) / nationalCount)) {
        bad(C[c.ind].d, `decile ${d} does not match rank ${r} of ${nationalCount}`);
      } else if (s !== undefined && r !== undefined && d !== undefined) values[c.ind] = { s, r, d };
    }
    const population: Partial<Record<PopulationKey, number>> = {};
    for (const p of col.pop) {
      const v = int(p.i, C.population[p.key], 0, Number.MAX_SAFE_INTEGER);
      if (v !== undefined) population[p.key] = v;
    }
    const total = population.pop22;
    for (const key of ['chi22', 'old22', 'wa22'] as const) {
      const v = population[key];
      if (total !== undefined && v !== undefined && v > total)
        bad(C.population[key], `${v} is more than the total population ${total}`);
    }
    const { idc, ido } = values;
    const { pop22, chi22, old22, wa22 } = population;
    if (
      imdS === undefined ||
      imdR === undefined ||
      !idc ||
      !ido ||
      pop22 === undefined ||
      chi22 === undefined ||
      old22 === undefined ||
      wa22 === undefined
    )
      continue;
    out.set(code, {
      code,
      lad: cell(row, col.lad).trim(),
      line: row.line,
      imd: { s: imdS, r: imdR },
      values: { idc, ido },
      population: { pop22, chi22, old22, wa22 },
    });
  }
  problems.throwIfAny();
  return out;
}

export type AreaPeople =
  | {
      available: true;
      file: string;
      /** Contract-keyed values per LSOA code: y25_idc_*, y25_ido_* and pop22/chi22/old22/wa22. */
      values: Map<string, IodValues>;
      totals: Record<PopulationKey, number>;
    }
  | { available: false; file: string | null; reason: string };

/**
 * File 7 values for the area's LSOAs, or why there are none. The file's IMD score and rank must
 * equal the England file's for every area LSOA, so a File 7 from another release cannot slip in.
 */
export function areaPeople(opts: {
  dataDir: string;
  file: string | undefined;
  area: string;
  areaName: string;
  codes: readonly string[];
  release2025: ReleaseData;
}): AreaPeople {
  const { file, area, areaName, codes, release2025 } = opts;
  if (!file || !existsSync(path.resolve(opts.dataDir, file))) {
    return { available: false, file: file ?? null, reason: 'the data sources of this build hold no IoD 2025 File 7' };
  }
  const records = parseFile7(readCsv(path.resolve(opts.dataDir, file), file), release2025.nationalCount);
  const missing = codes.filter((c) => !records.has(c));
  if (missing.length > 0) {
    const claimsArea = [...records.values()].some((r) => r.lad === area);
    if (claimsArea) {
      throw new PipelineError(
        missing.map((c) => ({
          file,
          field: FILE7_COLUMNS.code,
          message: `no row for LSOA ${c} of area ${area}, though the file has rows for ${area}`,
        })),
      );
    }
    const lads = [...new Set([...records.values()].map((r) => r.lad))].sort().join(', ');
    return {
      available: false,
      file,
      reason: `the IoD 2025 File 7 in this build's data sources covers only ${lads || 'no area'}, not ${areaName} (${codes.length - missing.length} of its ${codes.length} LSOAs)`,
    };
  }
  const problems = new ProblemList();
  for (const code of codes) {
    const f7 = records.get(code);
    const imd = release2025.records.get(code)?.values.imd;
    if (!f7 || !imd) continue;
    if (f7.imd.r !== imd.r)
      problems.add({
        file,
        location: `line ${f7.line} (${code})`,
        field: FILE7_COLUMNS.imdRank,
        message: `IMD rank ${f7.imd.r} differs from ${imd.r} in ${release2025.file}`,
      });
    if (imd.s !== undefined && Math.abs(f7.imd.s - imd.s) > 5e-4) {
      problems.add({
        file,
        location: `line ${f7.line} (${code})`,
        field: FILE7_COLUMNS.imdScore,
        message: `IMD score ${f7.imd.s} differs from ${imd.s} in ${release2025.file}`,
      });
    }
  }
  problems.throwIfAny();

  // Local ranks and deciles exactly as for the other 2025 indicators (areaValues), on these two.
  const asRelease: ReleaseData = {
    def: { ...release2025.def, indicators: [...FILE7_INDICATORS], scored: [...FILE7_INDICATORS] },
    file,
    nationalCount: release2025.nationalCount,
    records: new Map(
      codes.map((code): [string, IodRecord] => {
        const f7 = records.get(code)!;
        return [code, { code, name: code, lad: f7.lad, line: f7.line, values: { ...f7.values } }];
      }),
    ),
  };
  const { values } = areaValues(asRelease, [...codes]);
  const totals: Record<PopulationKey, number> = { pop22: 0, chi22: 0, old22: 0, wa22: 0 };
  for (const code of codes) {
    const f7 = records.get(code)!;
    const v = values.get(code)!;
    for (const key of POPULATION_KEYS) {
      v[key] = f7.population[key];
      totals[key] += f7.population[key];
    }
  }
  return { available: true, file, values, totals };
}
