/**
 * The one CSV writer: every CSV the project writes (app exports in ./export/csv.ts, the SPI
 * calculator's output in ./spi/calculate.ts and scripts/cli/spi.ts) formats its cells here.
 *
 *  - RFC 4180: fields containing a comma, a double quote, CR or LF — or starting or ending with
 *    white space, which spreadsheets would trim — are quoted, quotes doubled; CRLF line ends (also
 *    after the last record).
 *  - Text cells starting with = + - @ (or TAB / CR) get a leading apostrophe so a spreadsheet does
 *    not run them as a formula (CSV / formula injection). Numbers are written as numbers, so a
 *    negative number stays numeric. null/undefined → empty cell (= not known).
 */

export type CsvCell = string | number | boolean | null | undefined;

export const CRLF = '\r\n';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One CSV field: formula guard for text, then RFC 4180 quoting. */
export function csvField(v: CsvCell): string {
  let s: string;
  if (v === null || v === undefined) s = '';
  else if (typeof v === 'number') s = Number.isFinite(v) ? String(v) : '';
  else if (typeof v === 'boolean') s = v ? 'yes' : 'no';
  else s = FORMULA_START.test(v) ? `'${v}` : v;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One record (no line end). */
export function csvRecord(cells: readonly CsvCell[]): string {
  return cells.map(csvField).join(',');
}

/** Records → CSV text with CRLF line ends, including after the last record. */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map(csvRecord).join(CRLF) + CRLF;
}
