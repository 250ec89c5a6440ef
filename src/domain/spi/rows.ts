/**
 * One data row of an SPI CSV (./parse.ts): its year, its scores, its ward (by code, else by name) and
 * whether it repeats an earlier ward and year. Every problem is recorded with the row number.
 */
import { parseNumber } from './csv';
import {
  SCORE_MAX,
  SCORE_MIN,
  WARD_CODE_COLUMN,
  WARD_NAME_COLUMN,
  YEAR_COLUMN,
  type SpiIssue,
  type SpiScores,
  type UnmatchedRow,
  type Ward,
} from './schema';
import type { WardMatcher } from './wards';

/** What every row is read against, and where its problems go. */
export interface RowReader {
  /** A row's trimmed cell of a column ('' when the file has no such column). */
  cell: (cells: string[], col: string) => string;
  scoreCols: readonly string[];
  matcher: WardMatcher;
  /** Ward|year → the first row that had it. */
  seen: Map<string, number>;
  /** Rows without a ward code matched by name (one warning for them all). */
  matchedByNameOnly: number[];
  errors: SpiIssue[];
  warnings: SpiIssue[];
  unmatched: UnmatchedRow[];
}

export function parseYear(raw: string): number | null {
  if (!/^\d{4}$/.test(raw)) return null;
  const y = Number(raw);
  return y >= 1900 && y <= 2100 ? y : null;
}

function rowYear(rd: RowReader, cells: string[], r: number): { raw: string; year: number | null } {
  const raw = rd.cell(cells, YEAR_COLUMN);
  const year = parseYear(raw);
  if (year === null)
    rd.errors.push({
      row: r,
      column: YEAR_COLUMN,
      message:
        raw === ''
          ? `row ${r}, column '${YEAR_COLUMN}': the year is empty`
          : `row ${r}, column '${YEAR_COLUMN}': '${raw}' is not a year (write the 4-digit year, e.g. 2023)`,
    });
  return { raw, year };
}

/** The row's scores (an empty cell is a missing score); ok false when any cell is not a score. */
function rowScores(rd: RowReader, cells: string[], r: number): { scores: SpiScores; ok: boolean } {
  const scores: SpiScores = {};
  let ok = true;
  for (const col of rd.scoreCols) {
    const raw = rd.cell(cells, col);
    if (raw === '') continue;
    const n = parseNumber(raw);
    if (n === null) {
      ok = false;
      rd.errors.push({ row: r, column: col, message: `row ${r}, column '${col}': '${raw}' is not a number` });
    } else if (n < SCORE_MIN || n > SCORE_MAX) {
      ok = false;
      rd.errors.push({
        row: r,
        column: col,
        message: `row ${r}, column '${col}': ${raw} is out of range (scores run from ${SCORE_MIN} to ${SCORE_MAX})`,
      });
    } else {
      scores[col] = n;
    }
  }
  return { scores, ok };
}

/** The row's ward: by code, else by name (with a warning where they disagree); undefined = left out. */
function rowWard(rd: RowReader, cells: string[], r: number, yearRaw: string): Ward | undefined {
  const code = rd.cell(cells, WARD_CODE_COLUMN);
  const name = rd.cell(cells, WARD_NAME_COLUMN);
  const byCode = code === '' ? undefined : rd.matcher.byCode(code);
  const byName = rd.matcher.byName(name);
  const ward = byCode ?? byName;
  if (!ward) {
    rd.unmatched.push({
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
    return undefined;
  }
  if (byCode && byName && byName.code !== byCode.code) {
    rd.warnings.push({
      row: r,
      message: `row ${r}: ward code ${byCode.code} is ${byCode.name} but ward name '${name}' is ${byName.code}; using the code`,
    });
  } else if (!byCode && code !== '') {
    rd.warnings.push({
      row: r,
      column: WARD_CODE_COLUMN,
      message: `row ${r}: ward code '${code}' is not in the ward list; matched by name '${name}' to ${ward.code} ${ward.name}`,
    });
  } else if (!byCode) {
    rd.matchedByNameOnly.push(r);
  }
  return ward;
}

/** A valid row's ward, year and scores; null when the row has an error or matches no ward. */
export function readRow(
  rd: RowReader,
  cells: string[],
  r: number,
): { ward: Ward; year: number; scores: SpiScores } | null {
  const { raw, year } = rowYear(rd, cells, r);
  const { scores, ok } = rowScores(rd, cells, r);
  const ward = rowWard(rd, cells, r, raw);
  if (!ward) return null;
  let rowOk = ok;
  if (year !== null) {
    const key = `${ward.code}|${year}`;
    const first = rd.seen.get(key);
    if (first !== undefined) {
      rowOk = false;
      rd.errors.push({
        row: r,
        message: `row ${r}: duplicate of row ${first} (ward ${ward.code} ${ward.name}, year ${year})`,
      });
    } else {
      rd.seen.set(key, r);
    }
  }
  return rowOk && year !== null ? { ward, year, scores } : null;
}
