import path from 'node:path';
import { cell, column, readCsv, type CsvTable } from './csv';
import { PipelineError, ProblemList } from './errors';

/**
 * The official ONS best-fit lookup LSOA 2021 → electoral ward May 2025 → LAD 2025 (England and Wales,
 * UTF-8 with a byte-order mark, which the CSV reader drops). Its LAD25 codes differ from the LSOA
 * boundaries' district codes for Barnsley and Sheffield (recoded in 2025), so the area's LSOAs are
 * found by the boundary file and only their wards are read from here.
 */
export const WARD25_LOOKUP_COLUMNS = {
  lsoa: 'LSOA21CD',
  ward: 'WD25CD',
  wardName: 'WD25NM',
  lad: 'LAD25CD',
  ladName: 'LAD25NM',
} as const;

export interface Ward25Row {
  ward: string;
  lad: string;
  /** Names, where the file has the columns (the official file does; the England ward summaries read them). */
  wardName?: string;
  ladName?: string;
  line: number;
}

export function parseWard25Lookup(table: CsvTable): Map<string, Ward25Row> {
  const C = WARD25_LOOKUP_COLUMNS;
  const problems = new ProblemList();
  const [lsoaCol, wardCol, ladCol] = [column(table, C.lsoa), column(table, C.ward), column(table, C.lad)];
  const [wardNameCol, ladNameCol] = [table.header.indexOf(C.wardName), table.header.indexOf(C.ladName)];
  const optional = (row: (typeof table.rows)[number], i: number) => (i < 0 ? undefined : cell(row, i).trim());
  const out = new Map<string, Ward25Row>();
  for (const row of table.rows) {
    const lsoa = cell(row, lsoaCol).trim();
    const ward = cell(row, wardCol).trim();
    const lad = cell(row, ladCol).trim();
    const at = `line ${row.line}${lsoa ? ` (${lsoa})` : ''}`;
    if (lsoa === '') problems.add({ file: table.file, location: at, field: C.lsoa, message: 'missing LSOA code' });
    else if (ward === '') problems.add({ file: table.file, location: at, field: C.ward, message: 'missing ward code' });
    else if (out.has(lsoa))
      problems.add({
        file: table.file,
        location: at,
        field: C.lsoa,
        message: `duplicate LSOA code ${lsoa} (also line ${out.get(lsoa)?.line})`,
      });
    else
      out.set(lsoa, {
        ward,
        lad,
        wardName: optional(row, wardNameCol),
        ladName: optional(row, ladNameCol),
        line: row.line,
      });
  }
  problems.throwIfAny();
  return out;
}

export function readWard25Lookup(dataDir: string, file: string): Map<string, Ward25Row> {
  return parseWard25Lookup(readCsv(path.resolve(dataDir, file), file));
}

/**
 * The LAD 2025 code of the area's wards: the code the lookup gives most of the area's LSOAs (the
 * area's own code except where ONS recoded the district). Every area LSOA must have a row.
 */
export function wardDistrictFromLookup(
  lookup: ReadonlyMap<string, Ward25Row>,
  lsoaCodes: readonly string[],
  file: string,
): string {
  const missing = lsoaCodes.filter((c) => !lookup.has(c));
  if (missing.length > 0)
    throw new PipelineError(
      missing.map((c) => ({ file, field: WARD25_LOOKUP_COLUMNS.lsoa, message: `no row for LSOA ${c} of the area` })),
    );
  const counts = new Map<string, number>();
  for (const c of lsoaCodes) {
    const lad = lookup.get(c)!.lad;
    counts.set(lad, (counts.get(lad) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? '';
}

/**
 * Each area LSOA's ward from the lookup; a ward the district's ward boundaries do not have fails the
 * build (file, LSOA, field), since that LSOA would be drawn in no ward.
 */
export function wardsFromLookup(
  lookup: ReadonlyMap<string, Ward25Row>,
  lsoaCodes: readonly string[],
  wardCodes: ReadonlySet<string>,
  file: string,
): Map<string, string> {
  const problems = new ProblemList();
  const out = new Map<string, string>();
  for (const c of lsoaCodes) {
    const row = lookup.get(c);
    if (!row) problems.add({ file, field: WARD25_LOOKUP_COLUMNS.lsoa, message: `no row for LSOA ${c} of the area` });
    else if (!wardCodes.has(row.ward))
      problems.add({
        file,
        location: `line ${row.line} (${c})`,
        field: WARD25_LOOKUP_COLUMNS.ward,
        message: `ward ${row.ward} is not among the area's ward boundaries`,
      });
    else out.set(c, row.ward);
  }
  problems.throwIfAny();
  return out;
}
