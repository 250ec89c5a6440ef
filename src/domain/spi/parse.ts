/**
 * Parse and validate a ward-level SPI CSV (schema in ./schema.ts and docs/spi.md).
 *
 * Pure and browser-safe: used by the build pipeline (public/geo/spi.json) and by an in-browser
 * import. A file with any error yields `data: null` — a half-validated index must never reach the
 * map, because people would read the missing wards as low scores.
 */

import { planColumns } from './columns';
import { checkConsistency } from './consistency';
import { parseCsv, parseNumber } from './csv';
import { binaryFileProblem, separatorProblem } from './file-checks';
import {
  DEFAULT_SPI_FRAMEWORK,
  NOTE_COLUMN,
  scoreColumns,
  WARD_CODE_COLUMN,
  WARD_NAME_COLUMN,
  YEAR_COLUMN,
  type SpiDataset,
  type SpiFramework,
  type SpiIssue,
  type SpiRow,
  type UnmatchedRow,
  type Ward,
} from './schema';
import { readRow, type RowReader } from './rows';
import { createWardMatcher } from './wards';

// Re-exported so callers keep importing the SPI file checks and ward matching from here.
export { binaryFileProblem, separatorProblem, spiFileSizeProblem, SPI_MAX_FILE_BYTES } from './file-checks';
export { createWardMatcher, normaliseWardName, type WardMatch, type WardMatcher } from './wards';

export interface ParseSpiOptions {
  framework?: SpiFramework;
  /** File name recorded in the dataset (messages themselves do not repeat it). */
  source?: string;
  /**
   * Largest allowed gap between a published aggregate and the mean of its parts (overall vs the
   * dimensions, dimension vs its components) before a warning. Default 1 point: the council may
   * publish rounded figures, but a bigger gap usually means swapped columns.
   */
  consistencyTolerance?: number;
}

export interface SpiParseResult {
  /** Null when there is any error. */
  data: SpiDataset | null;
  errors: SpiIssue[];
  warnings: SpiIssue[];
  /** Rows whose ward matched neither by code nor by name; they are left out of `data`. */
  unmatched: UnmatchedRow[];
}

export function parseSpiCsv(text: string, wards: readonly Ward[], options: ParseSpiOptions = {}): SpiParseResult {
  const framework = options.framework ?? DEFAULT_SPI_FRAMEWORK;
  const tolerance = options.consistencyTolerance ?? 1;
  const errors: SpiIssue[] = [];
  const warnings: SpiIssue[] = [];
  const unmatched: UnmatchedRow[] = [];
  const fail = (): SpiParseResult => ({ data: null, errors, warnings, unmatched });

  const file = readHeader(text, framework, errors);
  if (!file) return fail();
  const { header, body, plan } = file;
  const scoreCols = scoreColumns(framework);

  const known = new Set<string>([WARD_CODE_COLUMN, WARD_NAME_COLUMN, YEAR_COLUMN, NOTE_COLUMN, ...scoreCols]);
  const extraCols = [...plan.index.keys()].filter((k) => !known.has(k));
  const extraRaw = new Map<string, { row: number; value: string }[]>(extraCols.map((c) => [c, []]));

  const cell = (cells: string[], col: string): string => {
    const i = plan.index.get(col);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
  const rd: RowReader = {
    cell,
    scoreCols,
    matcher: createWardMatcher(wards),
    seen: new Map(),
    matchedByNameOnly: [],
    errors,
    warnings,
    unmatched,
  };
  const rows: SpiRow[] = [];

  for (const rec of body) {
    const r = rec.row;
    if (rec.cells.length !== header.cells.length) {
      errors.push({
        row: r,
        message: `row ${r}: has ${rec.cells.length} fields but the header has ${header.cells.length} (a stray or missing comma?)`,
      });
      continue;
    }
    const read = readRow(rd, rec.cells, r);
    if (!read) continue;
    const { ward, year, scores } = read;

    for (const c of extraCols) {
      const raw = cell(rec.cells, c);
      if (raw !== '') extraRaw.get(c)?.push({ row: r, value: raw });
    }
    const note = cell(rec.cells, NOTE_COLUMN);
    const row: SpiRow = {
      wardCode: ward.code,
      wardName: ward.name,
      year,
      scores,
      indicators: {},
      text: {},
      sourceRow: r,
    };
    if (note !== '') row.note = note;
    rows.push(row);
    checkConsistency(row, framework, tolerance, warnings);
  }

  const byName = rd.matchedByNameOnly;
  if (byName.length > 0) {
    warnings.push({
      message: `${byName.length} row(s) have no ward code and were matched by ward name (rows ${summariseRows(byName)})`,
    });
  }
  if (errors.length > 0) return fail();

  const indicatorColumns = extraColumns(extraCols, extraRaw, rows, warnings);

  rows.sort((a, b) => a.year - b.year || a.wardCode.localeCompare(b.wardCode));
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  warnMissingWards(years, rows, wards, warnings);
  if (rows.length === 0) {
    errors.push({ message: 'no data rows matched a ward' });
    return fail();
  }

  const data: SpiDataset = {
    schemaVersion: 1,
    framework,
    years,
    indicatorColumns,
    notes: [...new Set(rows.flatMap((r) => (r.note ? [r.note] : [])))],
    source: options.source ?? '',
    rows,
  };
  return { data, errors, warnings, unmatched };
}

/** The file's header and rows, and which column is which; null (with the errors recorded) when unusable. */
function readHeader(text: string, framework: SpiFramework, errors: SpiIssue[]) {
  const scoreCols = scoreColumns(framework);
  const binary = binaryFileProblem(text);
  if (binary) {
    errors.push({ message: binary });
    return null;
  }
  const csv = parseCsv(text);
  errors.push(...csv.errors);
  if (errors.length > 0) return null;
  const [header, ...body] = csv.records;
  if (!header) {
    errors.push({ message: 'the file is empty' });
    return null;
  }

  const separator = separatorProblem(header.cells);
  if (separator) {
    // The likely cause first and alone: every "missing column" line would follow from it.
    errors.push({ message: separator });
    return null;
  }

  const plan = planColumns(
    header.cells,
    body.map((r) => r.cells),
    framework,
    errors,
  );
  for (const col of [YEAR_COLUMN, ...scoreCols]) {
    if (!plan.index.has(col)) errors.push({ column: col, message: `missing required column '${col}'` });
  }
  if (!plan.index.has(WARD_CODE_COLUMN) && !plan.index.has(WARD_NAME_COLUMN)) {
    errors.push({
      column: WARD_CODE_COLUMN,
      message: `missing required column '${WARD_CODE_COLUMN}' (or '${WARD_NAME_COLUMN}')`,
    });
  }
  if (errors.length > 0) return null;
  return { header, body, plan };
}

/** Extra columns: numeric throughout → indicator; otherwise text (one warning per column, not per cell). */
function extraColumns(
  extraCols: readonly string[],
  extraRaw: ReadonlyMap<string, { row: number; value: string }[]>,
  rows: SpiRow[],
  warnings: SpiIssue[],
): string[] {
  const indicatorColumns: string[] = [];
  const byRow = new Map(rows.map((row) => [row.sourceRow, row]));
  for (const c of extraCols) {
    const values = extraRaw.get(c) ?? [];
    const bad = values.find((v) => parseNumber(v.value) === null);
    if (bad) {
      warnings.push({
        row: bad.row,
        column: c,
        message: `column '${c}': row ${bad.row} has '${bad.value}', which is not a number; the column is kept as text, not as an indicator`,
      });
    } else {
      indicatorColumns.push(c);
    }
    for (const v of values) {
      const row = byRow.get(v.row);
      if (!row) continue;
      if (bad) row.text[c] = v.value;
      else row.indicators[c] = parseNumber(v.value) ?? undefined;
    }
  }
  return indicatorColumns;
}

/** One warning per year that lacks a row for some wards. */
function warnMissingWards(
  years: readonly number[],
  rows: readonly SpiRow[],
  wards: readonly Ward[],
  warnings: SpiIssue[],
): void {
  for (const y of years) {
    const present = new Set(rows.filter((r) => r.year === y).map((r) => r.wardCode));
    const missing = wards.filter((w) => !present.has(w.code));
    if (missing.length > 0) {
      warnings.push({
        message: `year ${y}: no row for ${missing.length} ward(s): ${missing.map((w) => `${w.name} (${w.code})`).join(', ')}`,
      });
    }
  }
}

/** "2–5, 9, 12–13": compact row list for aggregated warnings. */
function summariseRows(rows: number[]): string {
  const parts: string[] = [];
  let start = rows[0] ?? 0;
  let prev = start;
  for (const r of rows.slice(1)) {
    if (r === prev + 1) {
      prev = r;
      continue;
    }
    parts.push(start === prev ? `${start}` : `${start}–${prev}`);
    start = prev = r;
  }
  if (rows.length > 0) parts.push(start === prev ? `${start}` : `${start}–${prev}`);
  return parts.join(', ');
}
