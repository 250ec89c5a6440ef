/**
 * Parse and validate a ward-level SPI CSV (schema in ./schema.ts and docs/spi.md).
 *
 * Pure and browser-safe: used by the build pipeline (public/geo/spi.json) and by an in-browser
 * import. A file with any error yields `data: null` — a half-validated index must never reach the
 * map, because people would read the missing wards as low scores.
 */

import { parseCsv, parseNumber } from './csv';
import {
  columnKey,
  DEFAULT_SPI_FRAMEWORK,
  NOTE_COLUMN,
  SCORE_MAX,
  SCORE_MIN,
  scoreColumns,
  SPI_OVERALL_ID,
  WARD_CODE_COLUMN,
  WARD_NAME_COLUMN,
  YEAR_COLUMN,
  type SpiDataset,
  type SpiFramework,
  type SpiIssue,
  type SpiRow,
  type SpiScores,
  type UnmatchedRow,
  type Ward,
} from './schema';

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

/**
 * Normalise a ward name for matching: case, accents, '&' vs 'and', apostrophes, other punctuation
 * and whitespace, and a trailing " ward". "Burmantofts and Richmond-Hill Ward" → "burmantofts and richmond hill".
 */
export function normaliseWardName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2019`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+ward$/, '');
}

export interface WardMatch {
  ward: Ward;
  by: 'code' | 'name';
}

export interface WardMatcher {
  byCode(code: string): Ward | undefined;
  byName(name: string): Ward | undefined;
}

export function createWardMatcher(wards: readonly Ward[]): WardMatcher {
  const codes = new Map<string, Ward>();
  const names = new Map<string, Ward>();
  for (const w of wards) {
    codes.set(w.code.trim().toUpperCase(), w);
    names.set(normaliseWardName(w.name), w);
  }
  return {
    byCode: (code) => codes.get(code.trim().toUpperCase()),
    byName: (name) => (name.trim() === '' ? undefined : names.get(normaliseWardName(name))),
  };
}

/** Extra header aliases seen in ONS/council exports. */
const IDENTITY_ALIASES: Record<string, string> = {
  wd24cd: WARD_CODE_COLUMN,
  wd24nm: WARD_NAME_COLUMN,
  ward: WARD_NAME_COLUMN,
};

interface ColumnPlan {
  /** Canonical column name → position in the header. */
  index: Map<string, number>;
}

export function parseSpiCsv(text: string, wards: readonly Ward[], options: ParseSpiOptions = {}): SpiParseResult {
  const framework = options.framework ?? DEFAULT_SPI_FRAMEWORK;
  const tolerance = options.consistencyTolerance ?? 1;
  const errors: SpiIssue[] = [];
  const warnings: SpiIssue[] = [];
  const unmatched: UnmatchedRow[] = [];
  const fail = (): SpiParseResult => ({ data: null, errors, warnings, unmatched });

  const binary = binaryFileProblem(text);
  if (binary) {
    errors.push({ message: binary });
    return fail();
  }
  const csv = parseCsv(text);
  errors.push(...csv.errors);
  if (errors.length > 0) return fail();
  const [header, ...body] = csv.records;
  if (!header) {
    errors.push({ message: 'the file is empty' });
    return fail();
  }

  const separator = separatorProblem(header.cells);
  if (separator) {
    // The likely cause first and alone: every "missing column" line would follow from it.
    errors.push({ message: separator });
    return fail();
  }

  const plan = planColumns(header.cells, body.map((r) => r.cells), framework, errors);
  const scoreCols = scoreColumns(framework);
  for (const col of [YEAR_COLUMN, ...scoreCols]) {
    if (!plan.index.has(col)) errors.push({ column: col, message: `missing required column '${col}'` });
  }
  if (!plan.index.has(WARD_CODE_COLUMN) && !plan.index.has(WARD_NAME_COLUMN)) {
    errors.push({ column: WARD_CODE_COLUMN, message: `missing required column '${WARD_CODE_COLUMN}' (or '${WARD_NAME_COLUMN}')` });
  }
  if (errors.length > 0) return fail();

  const known = new Set<string>([WARD_CODE_COLUMN, WARD_NAME_COLUMN, YEAR_COLUMN, NOTE_COLUMN, ...scoreCols]);
  const extraCols = [...plan.index.keys()].filter((k) => !known.has(k));
  const extraRaw = new Map<string, { row: number; value: string }[]>(extraCols.map((c) => [c, []]));

  const matcher = createWardMatcher(wards);
  const rows: SpiRow[] = [];
  const seen = new Map<string, number>();
  const matchedByNameOnly: number[] = [];
  const cell = (cells: string[], col: string): string => {
    const i = plan.index.get(col);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };

  for (const rec of body) {
    const r = rec.row;
    if (rec.cells.length !== header.cells.length) {
      errors.push({
        row: r,
        message: `row ${r}: has ${rec.cells.length} fields but the header has ${header.cells.length} (a stray or missing comma?)`,
      });
      continue;
    }
    let rowOk = true;
    const yearRaw = cell(rec.cells, YEAR_COLUMN);
    const year = parseYear(yearRaw);
    if (year === null) {
      rowOk = false;
      errors.push({
        row: r,
        column: YEAR_COLUMN,
        message:
          yearRaw === ''
            ? `row ${r}, column '${YEAR_COLUMN}': the year is empty`
            : `row ${r}, column '${YEAR_COLUMN}': '${yearRaw}' is not a year (write the 4-digit year, e.g. 2023)`,
      });
    }

    const scores: SpiScores = {};
    for (const col of scoreCols) {
      const raw = cell(rec.cells, col);
      if (raw === '') continue; // empty = missing
      const n = parseNumber(raw);
      if (n === null) {
        rowOk = false;
        errors.push({ row: r, column: col, message: `row ${r}, column '${col}': '${raw}' is not a number` });
      } else if (n < SCORE_MIN || n > SCORE_MAX) {
        rowOk = false;
        errors.push({
          row: r,
          column: col,
          message: `row ${r}, column '${col}': ${raw} is out of range (scores run from ${SCORE_MIN} to ${SCORE_MAX})`,
        });
      } else {
        scores[col] = n;
      }
    }

    const code = cell(rec.cells, WARD_CODE_COLUMN);
    const name = cell(rec.cells, WARD_NAME_COLUMN);
    const byCode = code === '' ? undefined : matcher.byCode(code);
    const byName = matcher.byName(name);
    const ward = byCode ?? byName;
    if (!ward) {
      unmatched.push({
        row: r,
        wardCode: code,
        wardName: name,
        year: yearRaw,
        reason:
          code === '' && name === ''
            ? 'no ward code or name'
            : `${code === '' ? 'no ward code' : `ward code '${code}' is not in the ward list`} and ${
                name === '' ? 'no ward name' : `ward name '${name}' matches no ward`
              }`,
      });
      continue;
    }
    if (byCode && byName && byName.code !== byCode.code) {
      warnings.push({
        row: r,
        message: `row ${r}: ward code ${byCode.code} is ${byCode.name} but ward name '${name}' is ${byName.code}; using the code`,
      });
    } else if (!byCode && code !== '') {
      warnings.push({
        row: r,
        column: WARD_CODE_COLUMN,
        message: `row ${r}: ward code '${code}' is not in the ward list; matched by name '${name}' to ${ward.code} ${ward.name}`,
      });
    } else if (!byCode) {
      matchedByNameOnly.push(r);
    }

    if (year !== null) {
      const key = `${ward.code}|${year}`;
      const first = seen.get(key);
      if (first !== undefined) {
        rowOk = false;
        errors.push({
          row: r,
          message: `row ${r}: duplicate of row ${first} (ward ${ward.code} ${ward.name}, year ${year})`,
        });
      } else {
        seen.set(key, r);
      }
    }
    if (!rowOk || year === null) continue;

    for (const c of extraCols) {
      const raw = cell(rec.cells, c);
      if (raw !== '') extraRaw.get(c)?.push({ row: r, value: raw });
    }
    const note = cell(rec.cells, NOTE_COLUMN);
    const row: SpiRow = { wardCode: ward.code, wardName: ward.name, year, scores, indicators: {}, text: {}, sourceRow: r };
    if (note !== '') row.note = note;
    rows.push(row);
    checkConsistency(row, framework, tolerance, warnings);
  }

  if (matchedByNameOnly.length > 0) {
    warnings.push({
      message: `${matchedByNameOnly.length} row(s) have no ward code and were matched by ward name (rows ${summariseRows(matchedByNameOnly)})`,
    });
  }
  if (errors.length > 0) return fail();

  // Extra columns: numeric throughout → indicator; otherwise text (one warning per column, not per cell).
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

  rows.sort((a, b) => a.year - b.year || a.wardCode.localeCompare(b.wardCode));
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  for (const y of years) {
    const present = new Set(rows.filter((r) => r.year === y).map((r) => r.wardCode));
    const missing = wards.filter((w) => !present.has(w.code));
    if (missing.length > 0) {
      warnings.push({
        message: `year ${y}: no row for ${missing.length} ward(s): ${missing.map((w) => `${w.name} (${w.code})`).join(', ')}`,
      });
    }
  }
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

function planColumns(headers: string[], body: string[][], framework: SpiFramework, errors: SpiIssue[]): ColumnPlan {
  const aliases = new Map<string, string>(Object.entries(IDENTITY_ALIASES));
  aliases.set(columnKey(framework.overallLabel), SPI_OVERALL_ID);
  for (const d of framework.dimensions) {
    aliases.set(columnKey(d.label), d.id);
    for (const c of d.components) aliases.set(columnKey(c.label), c.id);
  }
  const index = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = columnKey(h);
    if (key === '') {
      // Spreadsheets often export trailing empty columns: ignore them unless they hold values.
      if (body.some((cells) => (cells[i] ?? '').trim() !== '')) {
        errors.push({ message: `column ${i + 1} has values but no header` });
      }
      return;
    }
    const col = aliases.get(key) ?? key;
    const prev = index.get(col);
    if (prev !== undefined) {
      errors.push({ column: col, message: `column '${col}' appears twice (columns ${prev + 1} and ${i + 1})` });
    } else {
      index.set(col, i);
    }
  });
  return { index };
}

/**
 * The largest SPI file the app reads: a ward file is a few KB per year even with many indicator
 * columns, so anything near this is almost certainly the wrong file, and reading it would take
 * seconds and more memory than a phone has to spare.
 */
export const SPI_MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A plain message when the file is over SPI_MAX_FILE_BYTES; null when its size is fine. */
export function spiFileSizeProblem(name: string, bytes: number, max = SPI_MAX_FILE_BYTES): string | null {
  if (bytes <= max) return null;
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${name} is ${mb(bytes)}, larger than the ${mb(max)} an SPI file may be (a ward SPI file is usually well under 1 MB): check that it is the right file.`;
}

/**
 * A file that is not text at all (an Excel workbook, a PDF, an image): NUL bytes or many bytes that
 * are not valid UTF-8 (decoded as U+FFFD) in its first 4,000 characters. Text CSVs have neither.
 */
export function binaryFileProblem(text: string): string | null {
  const head = text.slice(0, 4000);
  if (head.length === 0) return null;
  const odd = [...head].filter((ch) => ch === '\u0000' || ch === '\uFFFD' || /[\u0001-\u0008\u000E-\u001F]/.test(ch)).length;
  if (!head.includes('\u0000') && odd / head.length < 0.05) return null;
  const what = head.startsWith('PK') ? ' (it looks like an Excel workbook, .xlsx)' : head.startsWith('%PDF') ? ' (it looks like a PDF)' : '';
  return `this is not a text CSV file${what}: open it in a spreadsheet and save it as "CSV (comma delimited)"`;
}

/**
 * A header that is one cell holding semicolons or tabs: a spreadsheet in a locale that writes
 * semicolon-separated "CSV" (Excel with a comma as the decimal mark), or a tab-separated export.
 */
export function separatorProblem(header: readonly string[]): string | null {
  if (header.length !== 1) return null;
  const raw = header[0] ?? '';
  const kind = raw.includes(';') ? 'semicolons' : raw.includes('\t') ? 'tabs' : null;
  if (!kind) return null;
  return `this file uses ${kind}, not commas, between columns (a spreadsheet set to another region often saves CSV this way): save it again as "CSV (comma delimited)" with commas between columns and a full stop as the decimal mark`;
}

function parseYear(raw: string): number | null {
  if (!/^\d{4}$/.test(raw)) return null;
  const y = Number(raw);
  return y >= 1900 && y <= 2100 ? y : null;
}

function checkConsistency(row: SpiRow, framework: SpiFramework, tolerance: number, warnings: SpiIssue[]): void {
  const s = row.scores;
  const dimMeans: number[] = [];
  for (const d of framework.dimensions) {
    const parts = d.components.map((c) => s[c.id]);
    const dv = s[d.id];
    if (dv !== undefined) dimMeans.push(dv);
    if (dv === undefined || parts.some((p) => p === undefined)) continue;
    const mean = average(parts as number[]);
    if (Math.abs(mean - dv) > tolerance) {
      warnings.push({
        row: row.sourceRow,
        column: d.id,
        message: `row ${row.sourceRow}, column '${d.id}': ${dv} differs from the mean of its components (${mean.toFixed(2)})`,
      });
    }
  }
  const overall = s[SPI_OVERALL_ID];
  if (overall !== undefined && dimMeans.length === framework.dimensions.length) {
    const mean = average(dimMeans);
    if (Math.abs(mean - overall) > tolerance) {
      warnings.push({
        row: row.sourceRow,
        column: SPI_OVERALL_ID,
        message: `row ${row.sourceRow}, column '${SPI_OVERALL_ID}': ${overall} differs from the mean of the dimensions (${mean.toFixed(2)})`,
      });
    }
  }
}

function average(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
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
